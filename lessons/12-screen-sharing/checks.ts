/**
 * Lesson 12: screen sharing. The learner reports the screen track's
 * displaySurface, and swaps camera and screen on one sender with
 * replaceTrack(). The swap is read from the runtime's getStats samples: the
 * same outbound-rtp stream (one SSRC, one sender) is fed by a media-source
 * whose trackIdentifier changes. A swap that renegotiates instead shows as a
 * second createOffer() or a negotiationneeded after the first exchange.
 */
import type { Check, Verdict } from '../../sandbox/checks/types.ts';
import type { Json, PlaygroundEvent } from '../../sandbox/log/events.ts';
import { peerConnections, type PcSummary } from '../../sandbox/log/reduce.ts';
import { lastReport } from '../../sandbox/log/reports.ts';

const pending = (reason: string): Verdict => ({ status: 'pending', reason });
const SURFACES = ['monitor', 'window', 'browser', 'application'];

type Stat = { [key: string]: Json };

function statsOf(events: readonly PlaygroundEvent[], pc: number): Array<{ seq: number; t: number; stats: Stat[] }> {
  return events.flatMap((e) =>
    e.type === 'pc.stats' && e.pc === pc
      ? [{ seq: e.seq, t: e.t, stats: Object.values(e.report).filter((s): s is Stat => typeof s === 'object' && s !== null && !Array.isArray(s)) }]
      : [],
  );
}

export interface Swap {
  pc: PcSummary;
  /** The outbound-rtp stats id: the RTP stream the sender feeds. */
  stream: string;
  from: string;
  to: string;
  /** seq and t of the first sample showing the new track. */
  seq: number;
  t: number;
}

/** The first time an outbound video stream's source track changed between two samples. */
export function firstSwap(events: readonly PlaygroundEvent[]): Swap | null {
  for (const pc of peerConnections(events)) {
    const lastTrack = new Map<string, string>();
    for (const sample of statsOf(events, pc.pc)) {
      const byId = new Map(sample.stats.map((s) => [String(s['id']), s]));
      for (const out of sample.stats) {
        if (out['type'] !== 'outbound-rtp' || out['kind'] !== 'video') continue;
        const track = byId.get(String(out['mediaSourceId']))?.['trackIdentifier'];
        if (typeof track !== 'string') continue;
        const id = String(out['id']);
        const before = lastTrack.get(id);
        if (before !== undefined && before !== track) return { pc, stream: id, from: before, to: track, seq: sample.seq, t: sample.t };
        lastTrack.set(id, track);
      }
    }
  }
  return null;
}

const short = (id: string) => id.slice(0, 8);

const displaySurface: Check = {
  id: 'display-surface',
  title: "The shared surface's displaySurface is reported",
  verify(events) {
    const report = lastReport(events, 'displaySurface');
    if (!report) return pending("Report what was shared: playground.report('displaySurface', screenTrack.getSettings().displaySurface).");
    if (typeof report.value !== 'string' || !SURFACES.includes(report.value)) {
      return pending(`displaySurface was reported as ${JSON.stringify(report.value)}; getSettings() gives one of ${SURFACES.join(', ')}.`);
    }
    return { status: 'passed', detail: `A ${report.value} was shared.` };
  },
};

const replaced: Check = {
  id: 'track-replaced',
  title: 'The screen replaced the camera on the same sender',
  verify(events) {
    const swap = firstSwap(events);
    if (swap) {
      return {
        status: 'passed',
        detail: `${swap.pc.label}'s video stream ${swap.stream} switched from track ${short(swap.from)}… to ${short(swap.to)}….`,
      };
    }
    const offers = peerConnections(events).flatMap((pc) => pc.calls.filter((c) => c.call.method === 'createOffer'));
    if (offers.length > 1) {
      return pending('The video went out on a new sender (a new m-line) instead of the old one: use sender.replaceTrack(screenTrack) rather than removeTrack + addTrack.');
    }
    return pending('No sender has switched tracks yet (seen in getStats every second once connected): call sender.replaceTrack(screenTrack).');
  },
};

/** The seq at which the offerer applied its first answer: the end of the first negotiation. */
function firstExchangeDone(pc: PcSummary): number | null {
  return pc.descriptions.find((d) => d.side === 'remote' && d.type === 'answer')?.seq ?? null;
}

const noRenegotiation: Check = {
  id: 'no-renegotiation',
  title: 'Swapping needed no new offer (no negotiationneeded after the first exchange)',
  verify(events) {
    const pcs = peerConnections(events);
    for (const pc of pcs) {
      const done = firstExchangeDone(pc);
      if (done === null) continue;
      const needed = events.find((e) => e.type === 'pc.event' && e.pc === pc.pc && e.name === 'negotiationneeded' && e.seq > done);
      if (needed) return { status: 'failed', reason: `negotiationneeded fired on ${pc.label} after the first exchange: removing or adding a track changes the SDP; replaceTrack() does not.` };
      const again = pc.calls.find((c) => c.call.method === 'createOffer' && c.call.seq > done);
      if (again) return { status: 'failed', reason: `${pc.label} called createOffer() again after the first exchange: replaceTrack() keeps the SDP as it is, so no new offer is needed.` };
    }
    const swap = firstSwap(events);
    if (!swap) return pending('Waiting for the swap to the screen.');
    if (firstExchangeDone(swap.pc) === null) return pending('The first offer/answer has not finished.');
    return { status: 'passed', detail: `One offer and one answer in all; the swap on ${swap.pc.label} changed no SDP.` };
  },
};

function decodedVideo(sample: { stats: Stat[] }): number | null {
  const inbound = sample.stats.find((s) => s['type'] === 'inbound-rtp' && s['kind'] === 'video' && typeof s['framesDecoded'] === 'number');
  return inbound ? (inbound['framesDecoded'] as number) : null;
}

const keptPlaying: Check = {
  id: 'remote-kept-playing',
  title: 'The remote video kept playing after the swap',
  verify(events) {
    const swap = firstSwap(events);
    if (!swap) return pending('Waiting for the swap to the screen.');
    const receivers = peerConnections(events).filter((pc) => pc.pc !== swap.pc.pc);
    for (const pc of receivers) {
      const samples = statsOf(events, pc.pc);
      const before = samples.filter((s) => s.seq < swap.seq).map(decodedVideo).filter((n) => n !== null);
      const after = samples.filter((s) => s.seq > swap.seq).map(decodedVideo).filter((n) => n !== null);
      const base = before[before.length - 1];
      const latest = after[after.length - 1];
      if (base !== undefined && latest !== undefined && latest > base && after.length >= 2) {
        return { status: 'passed', detail: `${pc.label} decoded ${latest - base} more frames after the swap (${latest} in all).` };
      }
    }
    return pending('Waiting for the receiving side to decode frames after the swap (two getStats samples).');
  },
};

export default [displaySurface, replaced, noRenegotiation, keptPlaying] satisfies Check[];
