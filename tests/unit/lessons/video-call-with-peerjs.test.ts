import { describe, expect, it } from 'vitest';
import checks from '../../../lessons/10-video-call-with-peerjs/checks.ts';
import { evaluateChecks } from '../../../sandbox/checks/runner.ts';
import type { CheckResult } from '../../../sandbox/checks/types.ts';
import type { PlaygroundEvent } from '../../../sandbox/log/events.ts';

// Recorded by the real runtime in Chromium (fake camera, the real PeerJS
// client against the playground's signaller), trimmed to the events the checks
// read: signalling messages, candidates and the Peers' options left out, and
// each pc.stats report cut down to its inbound video stream (two samples per
// side kept). seq keeps its gaps.
const SOLUTION: PlaygroundEvent[] = [
  {"type": "run", "status": "started", "seq": 0, "t": 46.1},
  {"type": "peerjs.peer", "peer": 1, "event": "created", "seq": 2, "t": 71.5},
  {"type": "peerjs.peer", "peer": 2, "event": "created", "seq": 3, "t": 76.4},
  {"type": "peerjs.peer", "peer": 1, "event": "open", "id": "d2190d19-2c3f-4b14-a4bd-19962e632a4d", "seq": 5, "t": 97.5},
  {"type": "peerjs.peer", "peer": 2, "event": "open", "id": "46d9aca4-840c-46f0-8217-a97a751618ba", "seq": 8, "t": 102.9},
  {"type": "peerjs.connection", "peer": 1, "kind": "media", "connectionId": "mc_vrf2oywduv", "remoteId": "46d9aca4-840c-46f0-8217-a97a751618ba", "pc": 1, "event": "created", "seq": 20, "t": 114.9},
  {"type": "peerjs.connection", "peer": 2, "kind": "media", "connectionId": "mc_vrf2oywduv", "remoteId": "d2190d19-2c3f-4b14-a4bd-19962e632a4d", "event": "created", "seq": 31, "t": 135.5},
  {"type": "pc.event", "pc": 2, "name": "track", "detail": {"kind": "audio", "trackId": "f2789f92-7b8c-4dd1-ae3b-6d10439700ee", "streamIds": ["a7521f2d-6afd-4289-9b3b-fdab3928a71b"], "mid": "0"}, "seq": 58, "t": 175.8},
  {"type": "peerjs.connection", "peer": 2, "kind": "media", "connectionId": "mc_vrf2oywduv", "remoteId": "d2190d19-2c3f-4b14-a4bd-19962e632a4d", "pc": 2, "event": "open", "seq": 59, "t": 176},
  {"type": "pc.event", "pc": 2, "name": "track", "detail": {"kind": "video", "trackId": "a2cc299e-9665-4fb3-8849-04de10ac7c66", "streamIds": ["a7521f2d-6afd-4289-9b3b-fdab3928a71b"], "mid": "1"}, "seq": 61, "t": 176.7},
  {"type": "media", "element": "video#local", "event": "playing", "detail": {"muted": true, "videoWidth": 640, "videoHeight": 480}, "seq": 108, "t": 241.3},
  {"type": "pc.event", "pc": 1, "name": "track", "detail": {"kind": "audio", "trackId": "147b3a29-6737-4748-bf82-fa38298b6bee", "streamIds": ["a7521f2d-6afd-4289-9b3b-fdab3928a71b"], "mid": "0"}, "seq": 135, "t": 288},
  {"type": "peerjs.connection", "peer": 1, "kind": "media", "connectionId": "mc_vrf2oywduv", "remoteId": "46d9aca4-840c-46f0-8217-a97a751618ba", "pc": 1, "event": "open", "seq": 136, "t": 288.1},
  {"type": "pc.event", "pc": 1, "name": "track", "detail": {"kind": "video", "trackId": "05073c29-4c8f-447b-8613-ec72090f30a9", "streamIds": ["a7521f2d-6afd-4289-9b3b-fdab3928a71b"], "mid": "1"}, "seq": 138, "t": 290},
  {"type": "media", "element": "video#remote", "event": "playing", "detail": {"muted": true, "videoWidth": 640, "videoHeight": 480}, "seq": 158, "t": 391},
  {"type": "pc.stats", "pc": 1, "report": {"IT01V1872532182": {"type": "inbound-rtp", "kind": "video", "framesDecoded": 19, "bytesReceived": 51633, "frameWidth": 640, "frameHeight": 480}}, "seq": 159, "t": 1301.8},
  {"type": "pc.stats", "pc": 2, "report": {"IT01V2908156783": {"type": "inbound-rtp", "kind": "video", "framesDecoded": 18, "bytesReceived": 50881, "frameWidth": 640, "frameHeight": 480}}, "seq": 160, "t": 1302.5},
  {"type": "pc.stats", "pc": 1, "report": {"IT01V1872532182": {"type": "inbound-rtp", "kind": "video", "framesDecoded": 39, "bytesReceived": 111529, "frameWidth": 640, "frameHeight": 480}}, "seq": 161, "t": 2300.5},
  {"type": "pc.stats", "pc": 2, "report": {"IT01V2908156783": {"type": "inbound-rtp", "kind": "video", "framesDecoded": 38, "bytesReceived": 111018, "frameWidth": 640, "frameHeight": 480}}, "seq": 162, "t": 2300.7},
  {"type": "peerjs.peer", "peer": 1, "event": "disconnected", "id": "d2190d19-2c3f-4b14-a4bd-19962e632a4d", "seq": 171, "t": 6497.8},
  {"type": "peerjs.connection", "peer": 1, "kind": "media", "connectionId": "mc_vrf2oywduv", "remoteId": "46d9aca4-840c-46f0-8217-a97a751618ba", "pc": 1, "event": "close", "seq": 174, "t": 6512.9},
  {"type": "peerjs.peer", "peer": 1, "event": "close", "seq": 175, "t": 6513},
  {"type": "peerjs.peer", "peer": 2, "event": "disconnected", "id": "46d9aca4-840c-46f0-8217-a97a751618ba", "seq": 176, "t": 6513},
  {"type": "peerjs.connection", "peer": 2, "kind": "media", "connectionId": "mc_vrf2oywduv", "remoteId": "d2190d19-2c3f-4b14-a4bd-19962e632a4d", "pc": 2, "event": "close", "seq": 179, "t": 6523},
  {"type": "peerjs.peer", "peer": 2, "event": "close", "seq": 181, "t": 6526.2},
  {"type": "run", "status": "stopped", "seq": 182, "t": 6526.3},
];

const STARTING: PlaygroundEvent[] = [
  {"type": "run", "status": "started", "seq": 0, "t": 31.5},
  {"type": "peerjs.peer", "peer": 1, "event": "created", "seq": 2, "t": 103.1},
  {"type": "peerjs.peer", "peer": 2, "event": "created", "seq": 3, "t": 104},
  {"type": "peerjs.peer", "peer": 1, "event": "open", "id": "674aa78a-5ebf-4b54-b24b-6063643539ad", "seq": 5, "t": 138.8},
  {"type": "peerjs.peer", "peer": 2, "event": "open", "id": "ff514206-7200-4a55-a553-139e58edb613", "seq": 8, "t": 148.1},
  {"type": "peerjs.connection", "peer": 1, "kind": "media", "connectionId": "mc_nrpl8i7mbmn", "remoteId": "ff514206-7200-4a55-a553-139e58edb613", "pc": 1, "event": "created", "seq": 20, "t": 195.1},
  {"type": "peerjs.connection", "peer": 2, "kind": "media", "connectionId": "mc_nrpl8i7mbmn", "remoteId": "674aa78a-5ebf-4b54-b24b-6063643539ad", "event": "created", "seq": 29, "t": 245.1},
  {"type": "media", "element": "video#local", "event": "playing", "detail": {"muted": true, "videoWidth": 640, "videoHeight": 480}, "seq": 31, "t": 248.4},
  {"type": "peerjs.peer", "peer": 1, "event": "disconnected", "id": "674aa78a-5ebf-4b54-b24b-6063643539ad", "seq": 79, "t": 8296},
  {"type": "peerjs.peer", "peer": 1, "event": "close", "seq": 82, "t": 8299.9},
  {"type": "peerjs.peer", "peer": 2, "event": "disconnected", "id": "ff514206-7200-4a55-a553-139e58edb613", "seq": 83, "t": 8300},
  {"type": "peerjs.peer", "peer": 2, "event": "close", "seq": 84, "t": 8300},
  {"type": "run", "status": "stopped", "seq": 85, "t": 8300.1},
];

function settle(events: readonly PlaygroundEvent[]): Record<string, CheckResult> {
  return Object.fromEntries(evaluateChecks(checks, events, [], true).map((r) => [r.id, r]));
}

const without = (drop: (e: PlaygroundEvent) => boolean): PlaygroundEvent[] => SOLUTION.filter((e) => !drop(e));

describe('lesson 10 checks', () => {
  it('has the four goals of the lesson', () => {
    expect(checks.map((c) => c.id)).toEqual(['peers-open', 'call-answered', 'remote-playing', 'frames-flowing']);
  });

  it('all pass for the solution’s run', () => {
    const results = settle(SOLUTION);
    expect(Object.values(results).map((r) => r.status)).toEqual(['passed', 'passed', 'passed', 'passed']);
    expect(results['call-answered']?.reason).toBe('Video arrived on both sides (pc 2 and pc 1).');
    expect(results['remote-playing']?.reason).toBe('video#remote plays 640×480.');
    expect(results['frames-flowing']?.reason).toBe('pc 1, IT01V1872532182: 39 frames decoded and counting.');
  });

  it('the starting files open both peers and ring, but nobody answers', () => {
    const results = settle(STARTING);
    expect(Object.values(results).map((r) => r.status)).toEqual(['passed', 'failed', 'failed', 'failed']);
    expect(results['call-answered']?.reason).toBe('The call rang but nobody answered: in the call handler, call call.answer(stream).');
    expect(results['frames-flowing']?.reason).toMatch(/^No incoming video yet/);
  });

  it('answering without a stream sends video one way only', () => {
    const oneWay = without((e) => e.type === 'pc.event' && e.pc === 1);
    expect(settle(oneWay)['call-answered']?.reason).toBe(
      'Video travels one way only: answer with a stream, call.answer(stream), so the caller receives one too.',
    );
  });

  it('the local preview playing does not count as the remote video', () => {
    const noRemote = without((e) => e.type === 'media' && e.element === 'video#remote');
    expect(settle(noRemote)['remote-playing']).toMatchObject({
      status: 'failed',
      reason: 'video#remote is not playing yet: in the stream handler, set its srcObject to the remote stream.',
    });
  });

  it('explains a remote video the autoplay policy blocked', () => {
    const blocked = SOLUTION.map((e): PlaygroundEvent =>
      e.type === 'media' && e.element === 'video#remote'
        ? { ...e, event: 'play-blocked', detail: { name: 'NotAllowedError', message: 'play() failed because the user didn’t interact with the document first.' } }
        : e,
    );
    expect(settle(blocked)['remote-playing']?.reason).toMatch(/^video#remote was not allowed to play: .* Add muted\.$/);
  });

  it('frames must grow: one stats sample, or a frozen count, is not enough', () => {
    const stats = SOLUTION.filter((e) => e.type === 'pc.stats');
    const first = stats[0]!;
    const once = without((e) => e.type === 'pc.stats' && e !== first);
    expect(settle(once)['frames-flowing']?.reason).toBe('Video is negotiated, but the decoded frame count is not growing yet.');
    const frozen = [...once, { ...first, seq: 999, t: 9999 }];
    expect(settle(frozen)['frames-flowing']?.status).toBe('failed');
  });
});
