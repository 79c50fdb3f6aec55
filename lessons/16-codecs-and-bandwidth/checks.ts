/**
 * Lesson 16: codecs and bandwidth. The learner reports the video codec it
 * preferred and the cap it put on one simulcast layer; the checks read what
 * really happened: the offer's m=video order and the codec the sender's
 * outbound-rtp names (getStats), the offer's a=rid/a=simulcast lines and how
 * many layers actually carry bytes, and the capped layer's rate from the
 * harness's own samples (bytesSent deltas over the stats timestamps).
 */
import type { Check, Verdict } from '../../sandbox/checks/types.ts';
import type { PlaygroundEvent } from '../../sandbox/log/events.ts';
import { peerConnections } from '../../sandbox/log/reduce.ts';
import { lastReport, reportObject } from '../../sandbox/log/reports.ts';
import { bitrates, codecOf, rtpStreams, type RtpStream } from '../../sandbox/log/rtp-streams.ts';
import { codecTable } from '../../site/src/inspector/sdp/codecs.ts';
import { tokenize, type MediaSection } from '../../site/src/inspector/sdp/tokenize.ts';

/**
 * The layer's mean rate since the cap settled must stay under cap + 15 %.
 * The encoder's rate control aims at the cap on average; a key frame (and a
 * browser receiving three layers on one m-line asks for many) overshoots for
 * a moment. Measured here with a 300 kbit/s cap: single seconds between 250
 * and 431 kbit/s, means of 276 to 314 over 3 to 15 seconds.
 */
export const CAP_MARGIN = 0.15;
/** A cap must be one the layer can reach and that still shows a picture. */
const CAP_RANGE = [50_000, 500_000] as const;
/** Let the encoder settle this long after the cap was reported before measuring (ms). */
const SETTLE_MS = 2000;
/** A layer counts as sent when it moved at least this many bits per second between two samples. */
const SENDING_BPS = 10_000;

const pending = (reason: string): Verdict => ({ status: 'pending', reason });
const kbps = (bps: number) => `${Math.round(bps / 1000)} kbit/s`;

/** "vp9", "VP9", "video/vp9" → "video/VP9". */
export function normalizeCodec(name: string): string {
  const bare = name.trim().replace(/^video\//i, '');
  return `video/${bare.toUpperCase()}`;
}

/** The first video m-section of the first offer a connection applied locally, with its pc. */
function firstVideoOffer(events: readonly PlaygroundEvent[]): { pc: number; label: string; section: MediaSection } | null {
  for (const pc of peerConnections(events)) {
    const offer = pc.descriptions.find((d) => d.side === 'local' && d.type === 'offer' && d.sdp !== null);
    const section = offer?.sdp ? tokenize(offer.sdp).media.find((m) => m.kind === 'video') : undefined;
    if (section) return { pc: pc.pc, label: pc.label, section };
  }
  return null;
}

function sentVideo(events: readonly PlaygroundEvent[]): RtpStream[] {
  return rtpStreams(events, 'outbound-rtp', 'video');
}

const codecChosen: Check = {
  id: 'codec',
  title: 'The video goes out in the codec you preferred (not the default VP8)',
  verify(events) {
    const report = lastReport(events, 'codec');
    if (!report || typeof report.value !== 'string') return pending("Report your choice: playground.report('codec', 'video/VP9') (or 'video/AV1').");
    const choice = normalizeCodec(report.value);
    if (choice === 'video/VP8') return pending('VP8 is what Chromium lists first anyway: prefer VP9 or AV1 to see setCodecPreferences at work.');
    const offer = firstVideoOffer(events);
    if (!offer) return pending('No offer with a video section yet.');
    const first = codecTable(offer.section)[0]?.codec ?? '';
    if (normalizeCodec(first) !== choice) {
      return pending(`${offer.label}'s offer lists ${first || 'nothing'} first on m=video: call transceiver.setCodecPreferences() with ${choice} first, before createOffer().`);
    }
    const streams = sentVideo(events);
    const used = streams.map((s) => codecOf(events, s)).find((c) => c !== null);
    if (!used) return pending(`The offer puts ${choice} first; waiting for getStats to show the sender's codec.`);
    if (normalizeCodec(used) !== choice) return pending(`The offer prefers ${choice} but the sender encodes ${used}: did the answer keep it?`);
    return { status: 'passed', detail: `${choice} is first in the offer and the sender encodes with it (outbound-rtp codec ${used}).` };
  },
};

/** The rids a section sends, from a=simulcast:send (the a=rid lines say what each is). */
function simulcastRids(section: MediaSection): string[] {
  const line = section.lines.find((l) => l.attribute === 'simulcast');
  const match = /(?:^|\s)send\s+(\S+)/.exec(line?.attributeValue ?? '');
  return match ? (match[1] as string).split(/[;,]/).map((rid) => rid.replace(/^~/, '')) : [];
}

/** The rids of outbound video streams that moved bytes between their last two samples. */
function activeRids(streams: RtpStream[]): string[] {
  return streams.filter((s) => s.rid !== null && (bitrates(s).at(-1)?.bitsPerSecond ?? 0) >= SENDING_BPS).map((s) => s.rid as string);
}

/** Did the answer the offerer applied accept simulcast (a=simulcast:recv in its video section)? */
function answerAcceptsSimulcast(events: readonly PlaygroundEvent[], pc: number): boolean {
  const answer = peerConnections(events)
    .find((p) => p.pc === pc)
    ?.descriptions.find((d) => d.side === 'remote' && d.type === 'answer' && d.sdp !== null);
  const section = answer?.sdp ? tokenize(answer.sdp).media.find((m) => m.kind === 'video') : undefined;
  return !!section?.lines.some((l) => l.attribute === 'simulcast' && /(^|\s)recv\s/.test(l.attributeValue ?? ''));
}

const threeLayers: Check = {
  id: 'three-layers',
  title: 'Three simulcast layers are offered and really sent',
  verify(events) {
    const offer = firstVideoOffer(events);
    if (!offer) return pending('No offer with a video section yet.');
    const rids = simulcastRids(offer.section);
    if (rids.length < 3) {
      return pending(`${offer.label}'s offer has ${rids.length ? `a=simulcast with ${rids.join(', ')}` : 'no a=simulcast line'}: give addTransceiver sendEncodings with three rids (q, h, f).`);
    }
    const streams = sentVideo(events);
    const active = activeRids(streams);
    if (active.length >= 3) return { status: 'passed', detail: `The offer names ${rids.join(', ')}; getStats shows ${active.join(', ')} sending.` };
    if (streams.length < 3) {
      return pending(`The offer names ${rids.join(', ')} but getStats shows ${streams.length} outbound video stream(s): for VP9 and AV1 give every encoding a scalabilityMode (e.g. 'L1T3').`);
    }
    const sending = active.join(', ') || 'no layer';
    if (!answerAcceptsSimulcast(events, offer.pc)) {
      return pending(`Only ${sending} is sending: the answer has no a=simulcast:recv, so the sender keeps one layer. Answer like an SFU: pass the answer through acceptSimulcast() before pc1.setRemoteDescription().`);
    }
    return pending(`The answer accepts simulcast, and ${sending} is sending so far: the bandwidth estimate starts low and the largest layer comes last (a cap on it lets it start sooner).`);
  },
};

const underCap: Check = {
  id: 'under-cap',
  title: 'The capped layer stays under its maxBitrate',
  verify(events) {
    const report = lastReport(events, 'maxBitrate');
    const value = reportObject(report);
    const rid = value?.['rid'];
    const cap = value?.['maxBitrate'];
    if (!report || typeof rid !== 'string' || typeof cap !== 'number') {
      return pending("Cap a layer with sender.setParameters(), then report it: playground.report('maxBitrate', { rid: 'f', maxBitrate: 300_000 }).");
    }
    if (cap < CAP_RANGE[0] || cap > CAP_RANGE[1]) return pending(`A cap of ${kbps(cap)} does not bite here: choose one between ${kbps(CAP_RANGE[0])} and ${kbps(CAP_RANGE[1])}.`);
    const stream = sentVideo(events).find((s) => s.rid === rid);
    if (!stream) return pending(`No outbound video stream with rid ${rid} in getStats yet.`);
    // From when both the cap was set and the layer was sending, plus time for the encoder to settle.
    const rates = bitrates(stream);
    const firstSent = rates.find((r) => r.bitsPerSecond >= SENDING_BPS)?.t ?? Infinity;
    const after = rates.filter((r) => r.t >= Math.max(report.t, firstSent) + SETTLE_MS);
    const fix = `set maxBitrate on the encoding with rid ${rid} and await sender.setParameters()`;
    if (firstSent === Infinity) return pending(`Layer ${rid} is not sending, so its cap proves nothing: send three layers first.`);
    if (after.length < 3) return pending(`Measuring layer ${rid} against ${kbps(cap)}: ${after.length} of 3 seconds so far.`);
    const seconds = after.reduce((sum, r) => sum + (r.to - r.from), 0) / 1000;
    const mean = after.reduce((sum, r) => sum + (r.bitsPerSecond * (r.to - r.from)) / 1000, 0) / seconds;
    if (mean > cap * (1 + CAP_MARGIN)) return pending(`Layer ${rid} averaged ${kbps(mean)} over ${Math.round(seconds)} s, over its cap of ${kbps(cap)} (+${CAP_MARGIN * 100} %): ${fix}.`);
    const peak = Math.max(...after.map((r) => r.bitsPerSecond));
    return { status: 'passed', detail: `Layer ${rid} averaged ${kbps(mean)} over ${Math.round(seconds)} s (at most ${kbps(peak)} in a second), under its cap of ${kbps(cap)} (+${CAP_MARGIN * 100} % margin).` };
  },
};

export default [codecChosen, threeLayers, underCap] satisfies Check[];
