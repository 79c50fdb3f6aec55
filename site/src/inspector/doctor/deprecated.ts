/**
 * Doctor rule: APIs from old tutorials. The runtime records a `deprecated`
 * event where it can see the use (with the learner's file and line); the
 * createOffer options and the configuration are also read from the calls
 * themselves, so a log without those events still gets the advice. One
 * finding per API, with every use as evidence.
 */
import type { Json, PlaygroundEvent, SourceLocation } from '../../../../sandbox/log/events.ts';
import { usesUrlField } from '../../../../sandbox/runtime/deprecated.ts';
import type { Finding } from './finding.ts';

interface Advice {
  explanation: string;
  fix: string;
}

const OLD = 'It is from the first WebRTC API and no longer in the standard; Chromium keeps it for old pages, other browsers may not have it.';

export const DEPRECATED_APIS: Record<string, Advice> = {
  onaddstream: {
    explanation: `pc.onaddstream hands you whole streams. ${OLD}`,
    fix: 'Use the track event: pc.ontrack = (event) => { video.srcObject = event.streams[0]; };',
  },
  onremovestream: {
    explanation: `pc.onremovestream is the stream-based way to learn that remote media went away. ${OLD}`,
    fix: 'Listen on the remote stream instead: event.streams[0].onremovetrack = …, or the track\'s "ended"/"mute" events.',
  },
  addStream: {
    explanation: `pc.addStream(stream) adds a whole stream. ${OLD}`,
    fix: 'Add each track: stream.getTracks().forEach((track) => pc.addTrack(track, stream));',
  },
  removeStream: {
    explanation: `pc.removeStream(stream) removes a whole stream. ${OLD}`,
    fix: 'Remove each sender: pc.getSenders().forEach((sender) => pc.removeTrack(sender)); or use sender.replaceTrack(null) to pause.',
  },
  getLocalStreams: {
    explanation: `pc.getLocalStreams() lists the streams added with addStream. ${OLD}`,
    fix: 'Ask the senders: pc.getSenders().map((sender) => sender.track).',
  },
  getRemoteStreams: {
    explanation: `pc.getRemoteStreams() lists the remote streams. ${OLD}`,
    fix: 'Keep event.streams from the track event, or ask the receivers: pc.getReceivers().map((receiver) => receiver.track).',
  },
  webkitRTCPeerConnection: {
    explanation: 'webkitRTCPeerConnection is the prefixed name from before WebRTC was standard (2013–2017).',
    fix: 'Use RTCPeerConnection; every current browser has it unprefixed.',
  },
  offerToReceiveAudio: {
    explanation: 'createOffer({ offerToReceiveAudio }) is a legacy option; in the standard, what to receive is said with transceivers.',
    fix: 'Before createOffer: pc.addTransceiver("audio", { direction: "recvonly" }); (or addTrack for audio you also send).',
  },
  offerToReceiveVideo: {
    explanation: 'createOffer({ offerToReceiveVideo }) is a legacy option; in the standard, what to receive is said with transceivers.',
    fix: 'Before createOffer: pc.addTransceiver("video", { direction: "recvonly" }); (or addTrack for video you also send).',
  },
  'iceServers[].url': {
    explanation: 'An ICE server entry with `url` uses the old name of the field; the standard field is `urls`. A browser may ignore `url` and then has no STUN/TURN server at all.',
    fix: 'Write { urls: "stun:stun.example.org:3478" } (a string or an array of strings) instead of { url: … }.',
  },
};

export function deprecatedApis(events: readonly PlaygroundEvent[]): Finding[] {
  const uses = new Map<string, { evidence: number[]; pc?: number; location?: SourceLocation }>();
  const use = (api: string, seq: number, pc?: number, location?: SourceLocation) => {
    const entry = uses.get(api) ?? { evidence: [] };
    if (!entry.evidence.includes(seq)) entry.evidence.push(seq);
    entry.pc ??= pc;
    entry.location ??= location;
    uses.set(api, entry);
  };

  for (const event of events) {
    if (event.type === 'deprecated') use(event.api, event.seq, event.pc, event.location);
    else if (event.type === 'pc.call' && event.method === 'createOffer') {
      for (const key of ['offerToReceiveAudio', 'offerToReceiveVideo']) {
        if (event.args.some((arg) => hasKey(arg, key))) use(key, event.seq, event.pc);
      }
    } else if (event.type === 'pc.created' && usesUrlField(event.configuration)) use('iceServers[].url', event.seq, event.pc);
    else if (event.type === 'pc.call' && event.method === 'setConfiguration' && usesUrlField(event.args[0])) use('iceServers[].url', event.seq, event.pc);
  }

  return [...uses.entries()].map(([api, { evidence, pc, location }]) => {
    const advice = DEPRECATED_APIS[api] ?? {
      explanation: `${api} is deprecated.`,
      fix: 'Look up its modern replacement on MDN.',
    };
    return {
      id: `deprecated:${api}`,
      severity: 'warning' as const,
      // No use count in the title: a runtime event and the recorded call of one use are two pieces of evidence.
      title: `Deprecated API: ${api}`,
      explanation: advice.explanation,
      fix: advice.fix,
      evidence: evidence.sort((a, b) => a - b),
      ...(pc === undefined ? {} : { pc, selection: { kind: 'pc' as const, pc } }),
      ...(location ? { location } : {}),
    };
  });
}

function hasKey(value: Json | undefined, key: string): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && value[key] !== undefined;
}
