/**
 * Lesson 11: tracks and transceivers. The checks read the descriptions the
 * two connections applied (their m-sections and directions, through the
 * inspector's SDP tokenizer) and the `track` events the runtime recorded.
 * Goal: audio sendrecv both ways, video sendonly from the offerer (so
 * recvonly in the answer), and both kinds arriving at the answerer.
 */
import type { Check, Verdict } from '../../sandbox/checks/types.ts';
import type { PlaygroundEvent } from '../../sandbox/log/events.ts';
import { peerConnections, type AppliedDescription, type PcSummary } from '../../sandbox/log/reduce.ts';
import { tokenize, type MediaSection, type TokenizedSdp } from '../../site/src/inspector/sdp/index.ts';
import { decodedVideoFrames } from '../../sandbox/log/video-frames.ts';

const pending = (reason: string): Verdict => ({ status: 'pending', reason });

/** A section's direction; a section without one (or a session-level one) means sendrecv. */
function directionOf(sdp: TokenizedSdp, section: MediaSection): string {
  if (section.direction) return section.direction;
  const session = sdp.session.find((l) => l.attributeValue === null && ['sendrecv', 'sendonly', 'recvonly', 'inactive'].includes(l.attribute ?? ''));
  return session?.attribute ?? 'sendrecv';
}

interface Negotiation {
  offerer: PcSummary;
  answerer: PcSummary | null;
  offer: TokenizedSdp;
  /** The answer as the offerer applied it, null until it has. */
  answer: TokenizedSdp | null;
}

function applied(pc: PcSummary, side: 'local' | 'remote', type: string): AppliedDescription | undefined {
  return [...pc.descriptions].reverse().find((d) => d.side === side && d.type === type && d.sdp !== null);
}

/** The latest offer/answer exchange: the connection that applied an offer locally, and the one that applied it remotely. */
function negotiation(events: readonly PlaygroundEvent[]): Negotiation | null {
  const pcs = peerConnections(events);
  const offerer = pcs.find((pc) => applied(pc, 'local', 'offer'));
  const offer = offerer && applied(offerer, 'local', 'offer');
  if (!offerer || !offer?.sdp) return null;
  const answerer = pcs.find((pc) => pc !== offerer && applied(pc, 'remote', 'offer')) ?? null;
  const answer = applied(offerer, 'remote', 'answer');
  return { offerer, answerer, offer: tokenize(offer.sdp), answer: answer?.sdp ? tokenize(answer.sdp) : null };
}

function sectionOf(sdp: TokenizedSdp, kind: string): MediaSection | undefined {
  return sdp.media.find((m) => m.kind === kind && m.port !== 0);
}

const NOT_YET = 'No offer applied yet: pc1 needs its tracks, then createOffer() and setLocalDescription().';

const sections: Check = {
  id: 'audio-and-video-sections',
  title: 'The offer has an audio and a video section',
  verify(events) {
    const n = negotiation(events);
    if (!n) return pending(NOT_YET);
    const kinds = n.offer.media.map((m) => m.kind);
    const missing = ['audio', 'video'].filter((k) => !sectionOf(n.offer, k));
    if (missing.length) {
      return pending(`${n.offerer.label}'s offer has m-lines [${kinds.join(', ') || 'none'}], no ${missing.join(' or ')}: add the track (or a transceiver) before createOffer().`);
    }
    return { status: 'passed', detail: `m-lines: ${kinds.join(', ')}.` };
  },
};

/** Checks that the offer and the answer give the section of `kind` the expected directions. */
function directionCheck(id: string, title: string, kind: string, offered: string, answered: string, advice: { offer: string; answer: string }): Check {
  return {
    id,
    title,
    verify(events) {
      const n = negotiation(events);
      if (!n) return pending(NOT_YET);
      const offerSection = sectionOf(n.offer, kind);
      if (!offerSection) return pending(`${n.offerer.label}'s offer has no ${kind} section yet.`);
      const inOffer = directionOf(n.offer, offerSection);
      if (inOffer !== offered) return pending(`The ${kind} section of the offer is ${inOffer}; it should be ${offered}. ${advice.offer}`);
      if (!n.answer) return pending(`The offer's ${kind} section is ${offered}; waiting for ${n.offerer.label} to apply the answer.`);
      const answerSection = n.answer.media[offerSection.index];
      if (!answerSection || answerSection.port === 0) return pending(`The answer rejected the ${kind} section (port 0).`);
      const inAnswer = directionOf(n.answer, answerSection);
      if (inAnswer !== answered) return pending(`The ${kind} section is ${offered} in the offer but ${inAnswer} in the answer; it should be ${answered}. ${advice.answer}`);
      return { status: 'passed', detail: `${kind} (mid ${offerSection.mid ?? '?'}): ${offered} in the offer, ${answered} in the answer.` };
    },
  };
}

const audioBothWays = directionCheck('audio-sendrecv', 'Audio goes both ways (sendrecv in offer and answer)', 'audio', 'sendrecv', 'sendrecv', {
  offer: 'pc1.addTrack(mic, stream) gives a sendrecv transceiver.',
  answer: "The answerer only says sendrecv when it has something to send: add pc2's own microphone with addTrack() before createAnswer().",
});

const videoOneWay = directionCheck('video-sendonly', 'Video goes one way (sendonly in the offer, recvonly in the answer)', 'video', 'sendonly', 'recvonly', {
  offer: "Add the camera with pc1.addTransceiver(track, { direction: 'sendonly', streams: [stream] }) instead of addTrack().",
  answer: 'A sendonly offer can only be answered with recvonly or inactive: does pc2 receive it?',
});

function trackKinds(events: readonly PlaygroundEvent[], pc: number): Set<string> {
  const kinds = new Set<string>();
  for (const e of events) {
    if (e.type !== 'pc.event' || e.pc !== pc || e.name !== 'track') continue;
    const kind = (e.detail as { kind?: unknown } | null)?.kind;
    if (typeof kind === 'string') kinds.add(kind);
  }
  return kinds;
}

const tracksArrived: Check = {
  id: 'tracks-arrived',
  title: "pc2 received pc1's audio and video tracks, and pc1 received pc2's audio",
  verify(events) {
    const n = negotiation(events);
    if (!n || !n.answerer) return pending('No track can arrive before the offer reaches the other connection.');
    const atAnswerer = trackKinds(events, n.answerer.pc);
    const missing = ['audio', 'video'].filter((k) => !atAnswerer.has(k));
    if (missing.length) return pending(`${n.answerer.label} has had no ${missing.join(' or ')} track event yet.`);
    if (!trackKinds(events, n.offerer.pc).has('audio')) {
      return pending(`${n.offerer.label} has had no audio track from ${n.answerer.label}: the answerer has to add its microphone before it answers.`);
    }
    return { status: 'passed', detail: `${n.answerer.label} got audio and video; ${n.offerer.label} got audio back.` };
  },
};

/** The most frames any inbound video stream of connection `pc` has decoded, as the runtime's getStats samples saw it. */
function framesDecoded(events: readonly PlaygroundEvent[], pc: number): number {
  return Math.max(0, ...decodedVideoFrames(events, pc).map((sample) => sample.framesDecoded));
}

const remotePlaying: Check = {
  id: 'remote-video-playing',
  title: 'The received video is decoded and playing in the page',
  verify(events) {
    const n = negotiation(events);
    const decoded = n?.answerer ? framesDecoded(events, n.answerer.pc) : 0;
    if (!n?.answerer || decoded === 0) return pending('No video frames decoded on the receiving side yet (the Stats tab shows inbound-rtp once the peers connect).');
    // The local preview plays too: the remote one is a second <video> that started playing.
    const playing = [...new Set(events.flatMap((e) => (e.type === 'media' && e.event === 'playing' && e.element.startsWith('video') ? [e.element] : [])))];
    if (playing.length < 2) {
      return pending(`${n.answerer.label} decoded ${decoded} frames, but only ${playing.join(', ') || 'no <video>'} started playing: set the remote <video>'s srcObject to event.streams[0].`);
    }
    return { status: 'passed', detail: `${n.answerer.label} decoded ${decoded} frames; ${playing.join(' and ')} are playing.` };
  },
};

export default [sections, audioBothWays, videoOneWay, tracksArrived, remotePlaying] satisfies Check[];
