import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PlaygroundEvent } from '../../../../sandbox/log/events.ts';
import { deprecatedApis } from '../../../../site/src/inspector/doctor/deprecated.ts';
import { diagnose } from '../../../../site/src/inspector/doctor/diagnose.ts';
import { iceFailedWithoutRelay, iceServerErrors } from '../../../../site/src/inspector/doctor/ice.ts';
import { autoplayBlocked, dataChannelLimits, peerjsErrors, screenShareWithoutGesture } from '../../../../site/src/inspector/doctor/runtime.ts';
import { iceCandidateBeforeRemoteDescription, offerWithoutMedia, wrongSignalingState } from '../../../../site/src/inspector/doctor/signalling.ts';
import { ANSWER_SDP, hostCandidate, json, LogBuilder, OFFER_SDP } from '../../log/builder.ts';

const fixture = (name: string): PlaygroundEvent[] =>
  JSON.parse(readFileSync(new URL(`../../lessons/fixtures/${name}`, import.meta.url), 'utf8')) as PlaygroundEvent[];

const NO_M_LINE = OFFER_SDP.slice(0, OFFER_SDP.indexOf('m=application')).replace('a=group:BUNDLE 0\r\n', '');
const offer = { type: 'offer', sdp: OFFER_SDP };
const answer = { type: 'answer', sdp: ANSWER_SDP };
const relay = { ...hostCandidate(50000), candidate: 'candidate:3 1 udp 41820159 203.0.113.7 50000 typ relay raddr 0.0.0.0 rport 0', type: 'relay', address: '203.0.113.7', priority: 41820159 };

describe('the doctor on the lessons\' recorded runs', () => {
  for (const name of ['02-solution.json', '05-solution.json', '02-no-candidates-back.json']) {
    it(`finds nothing wrong in ${name}`, () => {
      expect(diagnose(fixture(name))).toEqual([]);
    });
  }

  it('finds no errors in the starting files either (they are unfinished, not wrong)', () => {
    for (const name of ['02-files.json', '05-files.json']) {
      expect(diagnose(fixture(name)).filter((f) => f.severity === 'error')).toEqual([]);
    }
  });
});

describe('addIceCandidate before setRemoteDescription', () => {
  it('reports a candidate the browser refused for want of a remote description', () => {
    const log = new LogBuilder().started().pc(1);
    log.call(1, 'addIceCandidate', [json(hostCandidate(5000))], { error: { name: 'InvalidStateError', message: "Failed to execute 'addIceCandidate' on 'RTCPeerConnection': The remote description was null" } });
    const findings = iceCandidateBeforeRemoteDescription(log.events);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', pc: 1, evidence: [2, 3] });
    expect(findings[0]!.fix).toMatch(/setRemoteDescription first/);
  });

  it('only warns when the connection connected anyway (perfect negotiation ignoring an offer\'s candidates)', () => {
    const log = new LogBuilder().started().pc(1);
    log.call(1, 'addIceCandidate', [json(hostCandidate(5000))], { error: { name: 'InvalidStateError', message: 'The remote description was null' } });
    log.state(1, 'connectionState', 'connected');
    const [finding] = iceCandidateBeforeRemoteDescription(log.events);
    expect(finding).toMatchObject({ severity: 'warning', title: 'pc 1: addIceCandidate before setRemoteDescription' });
    expect(finding!.explanation).toMatch(/connected anyway.*perfect negotiation/);
  });

  it('reports a call made before any setRemoteDescription that never settled', () => {
    const log = new LogBuilder().started().pc(1).pendingCall(1, 'addIceCandidate', [json(hostCandidate(5000))]);
    expect(iceCandidateBeforeRemoteDescription(log.events)).toHaveLength(1);
  });

  it('accepts candidates added after (or queued behind) setRemoteDescription, and end-of-candidates', () => {
    const log = new LogBuilder().started().pc(1);
    log.pendingCall(1, 'setRemoteDescription', [offer]);
    log.call(1, 'addIceCandidate', [json(hostCandidate(5000))]);
    log.call(1, 'addIceCandidate', [null], { error: { name: 'InvalidStateError', message: 'The remote description was null' } });
    expect(iceCandidateBeforeRemoteDescription(log.events)).toEqual([]);
  });
});

describe('an offer with no m-line', () => {
  it('reports an offer made with nothing added', () => {
    const log = new LogBuilder().started().pc(1).call(1, 'createOffer', [], { value: { type: 'offer', sdp: NO_M_LINE } });
    const findings = offerWithoutMedia(log.events);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.selection).toEqual({ kind: 'description', seq: 3 });
    expect(findings[0]!.fix).toMatch(/createDataChannel/);
  });

  it('is quiet for an offer with a data channel, and for answers', () => {
    const log = new LogBuilder().started().pc(1).call(1, 'createOffer', [], { value: offer }).call(1, 'createAnswer', [], { value: { type: 'answer', sdp: NO_M_LINE } });
    expect(offerWithoutMedia(log.events)).toEqual([]);
  });
});

describe('called in the wrong state', () => {
  const inStable = { error: { name: 'InvalidStateError', message: "Failed to execute 'setRemoteDescription' on 'RTCPeerConnection': Failed to set remote answer sdp: Called in wrong state: stable" } };

  it('explains an answer applied in stable after the offer was already answered', () => {
    const log = new LogBuilder().started().pc(1);
    log.call(1, 'setLocalDescription', [offer]).state(1, 'signalingState', 'have-local-offer');
    log.call(1, 'setRemoteDescription', [answer]).state(1, 'signalingState', 'stable');
    log.call(1, 'setRemoteDescription', [answer], inStable);
    const [finding] = wrongSignalingState(log.events);
    expect(finding!.title).toMatch(/setRemoteDescription\(answer\).*stable/);
    expect(finding!.explanation).toMatch(/applied twice, or it reached the wrong peer/);
  });

  it('explains an answer applied in stable by a connection that never applied its offer', () => {
    const log = new LogBuilder().started().pc(1);
    log.call(1, 'setRemoteDescription', [answer], inStable);
    const [finding] = wrongSignalingState(log.events);
    expect(finding!.explanation).toMatch(/setLocalDescription\(offer\) was not called/);
  });

  it('is quiet when descriptions are applied in order', () => {
    const log = new LogBuilder().started().pc(1).call(1, 'setLocalDescription', [offer]).state(1, 'signalingState', 'have-local-offer').call(1, 'setRemoteDescription', [answer]);
    expect(wrongSignalingState(log.events)).toEqual([]);
  });
});

describe('ICE failed with no relay candidate', () => {
  const failing = (candidate = hostCandidate(5000), configuration = {}, remote = true) => {
    const log = new LogBuilder().started().pc(1, configuration).gathered(1, candidate);
    if (remote) log.call(1, 'addIceCandidate', [json(hostCandidate(6000, 'wxyz'))]);
    return log.state(1, 'iceConnectionState', 'checking').state(1, 'iceConnectionState', 'failed').events;
  };

  it('says the candidates never arrived when the connection got none, rather than blaming the network', () => {
    const findings = iceFailedWithoutRelay(failing(hostCandidate(5000), {}, false));
    expect(findings.map((f) => f.id)).toEqual(['ice-no-remote-candidates:1']);
    expect(findings[0]!.fix).toMatch(/addIceCandidate/);
  });

  it('says to configure TURN when there is none', () => {
    const [finding] = iceFailedWithoutRelay(failing());
    expect(finding!.severity).toBe('error');
    expect(finding!.explanation).toMatch(/gathered on this side: host/);
    expect(finding!.fix).toMatch(/turn:/);
  });

  it('points at the TURN server when one is configured but gave no relay', () => {
    const [finding] = iceFailedWithoutRelay(failing(hostCandidate(5000), { iceServers: [{ urls: ['turn:127.0.0.1:3478'], username: 'u', credential: 'p' }] }));
    expect(finding!.explanation).toMatch(/TURN server is configured/);
  });

  it('is quiet with a relay candidate, or when ICE did not fail', () => {
    expect(iceFailedWithoutRelay(failing(relay))).toEqual([]);
    expect(iceFailedWithoutRelay(new LogBuilder().started().pc(1).state(1, 'iceConnectionState', 'connected').events)).toEqual([]);
  });
});

describe('STUN/TURN server errors', () => {
  const errorEvent = (errorCode: number, url = 'turn:127.0.0.1:3478?transport=udp') =>
    ({ type: 'pc.event', pc: 1, name: 'icecandidateerror', detail: { address: '192.0.2.1', port: 5000, url, errorCode, errorText: 'x' } }) as const;

  it('reports refused credentials once per server, with every occurrence', () => {
    const log = new LogBuilder().started().pc(1).push(errorEvent(401)).push(errorEvent(401));
    const findings = iceServerErrors(log.events);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', evidence: [2, 3] });
    expect(findings[0]!.fix).toMatch(/username.*credential/);
  });

  it('groups one connection\'s refusals into one finding naming every URL (one stale credential is one problem)', () => {
    const log = new LogBuilder().started().pc(1);
    log.push(errorEvent(401, 'turn:127.0.0.1:3478?transport=udp')).push(errorEvent(401, 'turn:127.0.0.1:3478?transport=tcp'));
    const findings = iceServerErrors(log.events);
    expect(findings.map((f) => f.id)).toEqual(['turn-auth:1']);
    expect(findings[0]!.evidence).toEqual([2, 3]);
    expect(findings[0]!.explanation).toMatch(/transport=udp, turn:127\.0\.0\.1:3478\?transport=tcp\.$/);
  });

  it('warns about an unreachable server, and ignores other codes', () => {
    const log = new LogBuilder().started().pc(1).push(errorEvent(701, 'stun:nowhere:3478')).push(errorEvent(438));
    const findings = iceServerErrors(log.events);
    expect(findings.map((f) => f.severity)).toEqual(['warning']);
  });
});

describe('autoplay', () => {
  it('reports a blocked media element once, with the fix', () => {
    const log = new LogBuilder().started();
    const blocked = { type: 'media', element: 'video#remote', event: 'play-blocked', detail: { name: 'NotAllowedError', message: 'play() failed' } } as const;
    log.push(blocked).push(blocked);
    const findings = autoplayBlocked(log.events);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.title).toMatch(/video#remote/);
    expect(findings[0]!.fix).toMatch(/muted.*playsinline/);
    expect(findings[0]!.evidence).toEqual([1, 2]);
  });

  it('is quiet when media plays', () => {
    const log = new LogBuilder().started().push({ type: 'media', element: 'video#remote', event: 'playing', detail: { videoWidth: 640, videoHeight: 480, muted: true } });
    expect(autoplayBlocked(log.events)).toEqual([]);
  });
});

describe('deprecated APIs', () => {
  it('gives the modern form for each recorded use, merged per API', () => {
    const log = new LogBuilder().started().pc(1, { iceServers: [{ url: 'stun:127.0.0.1:3478' }] });
    log.push({ type: 'deprecated', api: 'addStream', pc: 1, location: { file: 'main.js', line: 7 } });
    log.push({ type: 'deprecated', api: 'onaddstream', pc: 1 });
    log.call(1, 'createOffer', [{ offerToReceiveAudio: true, offerToReceiveVideo: 1 }], { value: offer });
    log.push({ type: 'deprecated', api: 'offerToReceiveAudio', pc: 1, location: { file: 'main.js', line: 9 } });
    const findings = deprecatedApis(log.events);
    const byApi = Object.fromEntries(findings.map((f) => [f.id, f]));
    expect(Object.keys(byApi).sort()).toEqual(['deprecated:addStream', 'deprecated:iceServers[].url', 'deprecated:offerToReceiveAudio', 'deprecated:offerToReceiveVideo', 'deprecated:onaddstream']);
    expect(byApi['deprecated:addStream']!.fix).toMatch(/addTrack/);
    expect(byApi['deprecated:addStream']!.location).toEqual({ file: 'main.js', line: 7 });
    expect(byApi['deprecated:onaddstream']!.fix).toMatch(/ontrack/);
    expect(byApi['deprecated:iceServers[].url']!.fix).toMatch(/urls/);
    expect(byApi['deprecated:offerToReceiveAudio']!.evidence).toEqual([4, 6]);
    expect(byApi['deprecated:offerToReceiveAudio']!.location).toEqual({ file: 'main.js', line: 9 });
    expect(byApi['deprecated:offerToReceiveVideo']!.fix).toMatch(/addTransceiver\("video"/);
  });

  it('is quiet for the modern forms', () => {
    const log = new LogBuilder().started().pc(1, { iceServers: [{ urls: 'stun:127.0.0.1:3478' }] }).call(1, 'createOffer', [{ iceRestart: false }], { value: offer });
    expect(deprecatedApis(log.events)).toEqual([]);
  });
});

describe('data-channel limits', () => {
  it('recognises messages too big and a full send queue', () => {
    const log = new LogBuilder().started();
    log.push({ type: 'error', kind: 'uncaught', name: 'TypeError', message: "Failed to execute 'send' on 'RTCDataChannel': Message size (300000) exceeds the maximum message size (262144)" });
    log.push({ type: 'error', kind: 'uncaught', name: 'OperationError', message: "Failed to execute 'send' on 'RTCDataChannel': RTCDataChannel send queue is full" });
    log.log('send failed: OperationError: RTCDataChannel send queue is full', 'error');
    const findings = dataChannelLimits(log.events);
    expect(findings.map((f) => f.id)).toEqual(['dc-message-too-big', 'dc-queue-full']);
    expect(findings[1]!.evidence).toEqual([2, 3]);
    expect(findings[1]!.fix).toMatch(/bufferedamountlow/);
  });

  it('is quiet for other errors', () => {
    const log = new LogBuilder().started().push({ type: 'error', kind: 'uncaught', name: 'ReferenceError', message: 'pc3 is not defined' });
    expect(dataChannelLimits(log.events)).toEqual([]);
  });
});

describe('screen sharing without a gesture', () => {
  it('recognises Chromium\'s refusal, thrown or logged', () => {
    const message = "Failed to execute 'getDisplayMedia' on 'MediaDevices': getDisplayMedia() requires transient activation (user gesture).";
    const log = new LogBuilder().started();
    log.push({ type: 'error', kind: 'unhandledrejection', name: 'InvalidStateError', message });
    log.log(`share failed: InvalidStateError: ${message}`, 'error');
    const findings = screenShareWithoutGesture(log.events);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.evidence).toEqual([1, 2]);
    expect(findings[0]!.fix).toMatch(/click handler/);
  });

  it('is quiet for other getDisplayMedia errors (the user said no)', () => {
    const log = new LogBuilder().started().push({ type: 'error', kind: 'unhandledrejection', name: 'NotAllowedError', message: 'Permission denied' });
    expect(screenShareWithoutGesture(log.events)).toEqual([]);
  });
});

describe('PeerJS errors', () => {
  it('explains peer-unavailable, unavailable-id and network', () => {
    const log = new LogBuilder().started();
    log.push({ type: 'peerjs.peer', peer: 1, event: 'created', options: {} });
    log.push({ type: 'peerjs.peer', peer: 1, event: 'error', error: { type: 'peer-unavailable', message: 'Could not connect to peer bob' } });
    log.push({ type: 'peerjs.peer', peer: 2, event: 'error', error: { type: 'unavailable-id', message: 'ID "alice" is taken' } });
    log.push({ type: 'peerjs.peer', peer: 1, event: 'error', error: { type: 'network', message: 'Lost connection to server.' } });
    log.push({ type: 'peerjs.peer', peer: 1, event: 'error', error: { type: 'something-new', message: 'odd' } });
    const findings = peerjsErrors(log.events);
    expect(findings.map((f) => f.id)).toEqual(['peerjs:peer-unavailable', 'peerjs:unavailable-id', 'peerjs:network', 'peerjs:something-new']);
    expect(findings[1]!.explanation).toMatch(/ID "alice" is taken/);
    expect(findings[3]!.explanation).toMatch(/odd/);
    // PeerJS's own words appear once, not twice.
    expect(findings[3]!.explanation.match(/odd/g)).toHaveLength(1);
  });

  it('explains send() before open (not-open-yet), however many times the connection and its Peer report it', () => {
    const log = new LogBuilder().started();
    const error = { type: 'not-open-yet', message: 'Connection is not open. You should listen for the `open` event before sending messages.' };
    log.push({ type: 'peerjs.peer', peer: 1, event: 'created', options: {} });
    log.push({ type: 'peerjs.connection', peer: 1, kind: 'data', connectionId: 'dc_1', remoteId: 'alice', event: 'created' });
    log.push({ type: 'peerjs.connection', peer: 1, kind: 'data', connectionId: 'dc_1', remoteId: 'alice', event: 'error', error });
    log.push({ type: 'peerjs.connection', peer: 1, kind: 'data', connectionId: 'dc_1', remoteId: 'alice', event: 'error', error });
    const findings = peerjsErrors(log.events);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ id: 'peerjs:not-open-yet', evidence: [3, 4] });
    expect(findings[0]!.fix).toMatch(/on\("open"/);
  });

  it('is quiet without errors', () => {
    expect(peerjsErrors(fixture('05-solution.json'))).toEqual([]);
  });
});

describe('diagnose', () => {
  it('sorts errors first and survives a rule that throws', () => {
    const log = new LogBuilder().started().pc(1, { iceServers: [{ url: 'stun:x' }] }).call(1, 'createOffer', [], { value: { type: 'offer', sdp: NO_M_LINE } });
    const broken = () => {
      throw new Error('boom');
    };
    const findings = diagnose(log.events, [deprecatedApis, offerWithoutMedia, broken]);
    expect(findings.map((f) => f.severity)).toEqual(['error', 'warning', 'info']);
    expect(findings[2]!.explanation).toMatch(/boom/);
  });
});
