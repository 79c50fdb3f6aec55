/**
 * Lesson 13: renegotiation and ICE restart. The checks read the offers one
 * connection applied, in order (through the inspector's SDP tokenizer and
 * renegotiation diff), its answers and states, and the frames the receiving
 * side decoded. Goal: an audio-only call, then on the same connection a new
 * offer that adds a video m-line after the audio one, then an offer with new
 * ICE credentials, with the call still connected and video still arriving.
 */
import type { Check, Verdict } from '../../sandbox/checks/types.ts';
import type { PlaygroundEvent } from '../../sandbox/log/events.ts';
import { answerAfter, lastRecorded, localOffers } from '../../sandbox/log/negotiation.ts';
import { everReached, peerConnections, type AppliedDescription, type PcSummary } from '../../sandbox/log/reduce.ts';
import { decodedVideoFrames } from '../../sandbox/log/video-frames.ts';
import { renegotiationDiff, tokenize, type TokenizedSdp } from '../../site/src/inspector/sdp/index.ts';

const pending = (reason: string): Verdict => ({ status: 'pending', reason });

interface Offer {
  applied: AppliedDescription;
  sdp: TokenizedSdp;
}

interface Call {
  /** The connection that made the offers (the one with the most). */
  offerer: PcSummary;
  /** The connection that applied its offers remotely, once one has. */
  answerer: PcSummary | null;
  offers: Offer[];
  pcs: PcSummary[];
}

function call(events: readonly PlaygroundEvent[]): Call | null {
  const pcs = peerConnections(events);
  const offerer = [...pcs].sort((a, b) => localOffers(b).length - localOffers(a).length)[0];
  if (!offerer || localOffers(offerer).length === 0) return null;
  const offers = localOffers(offerer).map((applied) => ({ applied, sdp: tokenize(applied.sdp ?? '') }));
  const answerer = pcs.find((pc) => pc !== offerer && pc.descriptions.some((d) => d.side === 'remote' && d.type === 'offer')) ?? null;
  return { offerer, answerer, offers, pcs };
}

const kinds = (sdp: TokenizedSdp): string[] => sdp.media.filter((m) => m.port !== 0).map((m) => m.kind);
const hasVideo = (offer: Offer): boolean => kinds(offer.sdp).includes('video');
const version = (offer: Offer): string => /^o=\S+ \S+ (\S+)/m.exec(offer.applied.sdp ?? '')?.[1] ?? '?';

const NO_OFFER = 'No offer applied yet: add the microphone with pc1.addTrack() and negotiate in onnegotiationneeded.';

const audioCall: Check = {
  id: 'audio-call',
  title: 'The call starts audio-only and connects',
  verify(events) {
    const c = call(events);
    if (!c) return pending(NO_OFFER);
    const [first] = c.offers as [Offer];
    if (hasVideo(first)) return pending(`${c.offerer.label}'s first offer already has m-lines [${kinds(first.sdp).join(', ')}]: start with the microphone alone and add the camera mid-call.`);
    if (!kinds(first.sdp).includes('audio')) return pending(`${c.offerer.label}'s first offer has no audio m-line: add the microphone track before negotiating.`);
    if (!everReached(c.offerer, 'connectionState', 'connected')) return pending(`The audio offer went out; waiting for ${c.offerer.label} to connect (its answer must come back with setRemoteDescription).`);
    return { status: 'passed', detail: `${c.offerer.label} offered [audio] (o= version ${version(first)}) and connected.` };
  },
};

/** The first later offer that added a video section to the first, audio-only one, with what changed. */
function videoOffer(c: Call): { offer: Offer; index: number } | null {
  const [first] = c.offers;
  if (!first || hasVideo(first)) return null;
  const index = c.offers.findIndex((o, i) => i > 0 && hasVideo(o));
  return index > 0 ? { offer: c.offers[index] as Offer, index } : null;
}

const videoAdded: Check = {
  id: 'video-added',
  title: 'A second offer on the same connection added a video m-line after the audio one',
  verify(events) {
    const c = call(events);
    if (!c) return pending(NO_OFFER);
    const found = videoOffer(c);
    if (!found) {
      const elsewhere = c.pcs.find((pc) => pc !== c.offerer && localOffers(pc).some((d) => kinds(tokenize(d.sdp ?? '')).includes('video')));
      if (elsewhere) return pending(`The video went out on another connection (${elsewhere.label}): add the camera to ${c.offerer.label} with addTrack(), so the existing call renegotiates.`);
      return pending(`${c.offerer.label} made ${c.offers.length} offer(s), none with video after the first: addTrack() the camera mid-call and let negotiationneeded send a new offer.`);
    }
    const [first] = c.offers as [Offer];
    const diff = renegotiationDiff(first.sdp, found.offer.sdp);
    const firstKinds = first.sdp.media.map((m) => m.kind);
    const kept = firstKinds.every((kind, i) => found.offer.sdp.media[i]?.kind === kind && found.offer.sdp.media[i]?.mid === first.sdp.media[i]?.mid);
    if (!kept) return pending(`The new offer reordered the m-lines ([${firstKinds.join(', ')}] became [${found.offer.sdp.media.map((m) => m.kind).join(', ')}]): add to the same connection, never build a new one.`);
    if (!diff.changes.some((change) => change.what === 'added' && change.kind === 'video')) return pending('The later offer has video but no new video m-line was added to the first one.');
    if (!answerAfter(c.offerer, found.offer.applied.seq)) return pending(`The offer with video is out (o= version ${version(found.offer)}); waiting for ${c.offerer.label} to apply pc2's answer to it.`);
    return { status: 'passed', detail: `o= version ${diff.versionBefore} → ${diff.versionAfter}: m-lines [${kinds(found.offer.sdp).join(', ')}], answered.` };
  },
};

const iceRestarted: Check = {
  id: 'ice-restarted',
  title: 'After restartIce() a new offer carried a new ice-ufrag, and the call stayed connected',
  verify(events) {
    const c = call(events);
    if (!c) return pending(NO_OFFER);
    const index = c.offers.findIndex((o, i) => i > 0 && renegotiationDiff((c.offers[i - 1] as Offer).sdp, o.sdp).iceRestart);
    if (index < 0) {
      const asked = c.offerer.calls.some((r) => r.call.method === 'restartIce');
      return pending(asked
        ? 'restartIce() was called, but no offer with a new ice-ufrag was applied yet: negotiationneeded must send one.'
        : `No ICE restart yet: every offer of ${c.offerer.label} has the same ice-ufrag. Call pc1.restartIce().`);
    }
    const restart = c.offers[index] as Offer;
    const diff = renegotiationDiff((c.offers[index - 1] as Offer).sdp, restart.sdp);
    const ufrags = diff.changes.find((change) => change.what === 'ice-restart');
    const answer = answerAfter(c.offerer, restart.applied.seq);
    if (!answer) return pending(`The restart offer is out (ice-ufrag/pwd ${ufrags?.after ?? '?'}); waiting for its answer.`);
    const state = lastRecorded(c.offerer, 'connectionState');
    if (state !== 'connected') return pending(`After the ICE restart ${c.offerer.label} is ${state}; it should stay (or come back to) connected.`);
    return { status: 'passed', detail: `ice-ufrag/pwd ${ufrags?.before ?? '?'} → ${ufrags?.after ?? '?'}; still connected.` };
  },
};

const videoArrives: Check = {
  id: 'video-frames',
  title: 'pc2 decodes the video, and still does after an ICE restart',
  verify(events) {
    const c = call(events);
    const receiver = c?.answerer;
    if (!c || !receiver) return pending('No video can arrive before an offer reaches the other connection.');
    const samples = decodedVideoFrames(events, receiver.pc);
    const frames = samples[samples.length - 1]?.framesDecoded ?? 0;
    if (frames === 0) return pending(`${receiver.label} has decoded no video frames yet (the Stats tab shows inbound-rtp video once the camera is negotiated).`);
    const playing = new Set(events.flatMap((e) => (e.type === 'media' && e.event === 'playing' && e.element.startsWith('video') ? [e.element] : [])));
    if (playing.size < 2) return pending(`${receiver.label} decoded ${frames} frames, but only ${[...playing].join(', ') || 'no <video>'} started playing: in pc2.ontrack set the remote <video>'s srcObject to event.streams[0].`);
    const restart = c.offers.find((o, i) => i > 0 && renegotiationDiff((c.offers[i - 1] as Offer).sdp, o.sdp).iceRestart);
    if (!restart) return { status: 'passed', detail: `${receiver.label} decoded ${frames} frames.` };
    const before = [...samples].reverse().find((s) => s.seq < restart.applied.seq)?.framesDecoded ?? 0;
    const after = samples.find((s) => s.seq > restart.applied.seq && s.framesDecoded > before);
    if (!after) return pending(`${receiver.label} decoded ${before} frames before the ICE restart; waiting for more after it.`);
    return { status: 'passed', detail: `${receiver.label} decoded ${before} frames before the ICE restart and ${after.framesDecoded} after.` };
  },
};

export default [audioCall, videoAdded, iceRestarted, videoArrives] satisfies Check[];
