/**
 * Lesson 15: getStats. The learner reports the outgoing bitrate it computed
 * from two outbound-rtp reports (with the two reports' timestamps), and the
 * RTT, packets lost and jitter it read (with the inbound-rtp report's
 * timestamp). The runtime's own getStats() samples, once a second, are the
 * reference: its bytesSent is interpolated at the learner's two timestamps, so
 * both rates cover the same interval, and its gauges are read within two
 * seconds of the learner's. Stats timestamps are the page's clock in ms, so
 * a number copied from another run is out of range. The page lowers the
 * sender's cap partway through, so the true rate changes and a constant
 * cannot follow it.
 */
import type { Check, Verdict } from '../../sandbox/checks/types.ts';
import type { Json, PlaygroundEvent } from '../../sandbox/log/events.ts';
import { reportObject, reports } from '../../sandbox/log/reports.ts';
import { bitrateBetween, counterAt, roundTripTimes, rtpStreams, type RtpStream } from '../../sandbox/log/rtp-streams.ts';
import { num } from '../../site/src/inspector/stats/report.ts';

/** How close the learner's numbers must be to the harness's (the lesson says 10 %). */
export const TOLERANCE = 0.1;
/** Loopback RTT and jitter are a millisecond or two, rounded to the millisecond: half of one is the least difference that means anything. */
const GAUGE_FLOOR = 0.0005;
/** Gauges are compared with the harness's samples this close in time (ms). */
const NEAR_MS = 2000;

const pending = (reason: string): Verdict => ({ status: 'pending', reason });
const kbps = (bps: number) => `${Math.round(bps / 1000)} kbit/s`;
const within = (value: number, reference: number) => Math.abs(value - reference) <= TOLERANCE * Math.abs(reference);

type Fields = { [key: string]: Json };
const field = (value: Fields, key: string): number | null => {
  const v = value[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};

export interface BitrateComparison {
  reported: number;
  from: number;
  to: number;
  /** The harness's rate over the same interval, or null when its samples do not cover it. */
  harness: number | null;
}

/** Every well-formed 'bitrate' report with the harness's rate over the same interval. */
export function bitrateComparisons(events: readonly PlaygroundEvent[]): BitrateComparison[] {
  const streams = rtpStreams(events, 'outbound-rtp', 'video');
  const out: BitrateComparison[] = [];
  for (const report of reports(events).filter((r) => r.name === 'bitrate')) {
    const value = reportObject(report);
    const reported = value && field(value, 'bitsPerSecond');
    const from = value && field(value, 'from');
    const to = value && field(value, 'to');
    if (reported === null || from === null || to === null || !(to > from)) continue;
    const rates = streams.map((s) => bitrateBetween(s, from, to)).filter((r): r is number => r !== null);
    // With one sending stream there is one rate; with several, the learner's is the closest.
    const harness = rates.length ? rates.reduce((best, r) => (Math.abs(r - reported) < Math.abs(best - reported) ? r : best)) : null;
    out.push({ reported, from, to, harness });
  }
  return out;
}

/** Why a report is not a rate over two samples, when the log shows it (the running total, wrong units, a bad shape). */
function bitrateMistake(events: readonly PlaygroundEvent[], streams: RtpStream[]): string | null {
  const all = reports(events).filter((r) => r.name === 'bitrate');
  const last = all.at(-1);
  if (!last) return "Nothing reported yet: playground.report('bitrate', { bitsPerSecond, from, to }) with the timestamps of the two outbound-rtp reports you diffed.";
  const value = reportObject(last);
  if (!value) return `bitrate was reported as ${JSON.stringify(last.value)}; report an object { bitsPerSecond, from, to }.`;
  const reported = field(value, 'bitsPerSecond');
  const to = field(value, 'to');
  if (reported === null) return 'The bitrate report has no number bitsPerSecond.';
  if (to !== null) {
    for (const stream of streams) {
      const total = counterAt(stream, 'bytesSent', to);
      if (total !== null && total > 0 && (within(reported, total * 8) || within(reported, total))) {
        return `${Math.round(reported)} is the running total of bytesSent since the call began, not a rate: subtract the previous report's bytesSent and divide by the seconds between the two timestamps.`;
      }
    }
  }
  const from = field(value, 'from');
  if (from === null || to === null) return 'Report the timestamps of the two outbound-rtp reports you diffed as from and to (ms, as getStats gives them).';
  if (!(to > from)) return `from (${from}) must be the earlier report's timestamp and to (${to}) the later one's.`;
  return null;
}

const bitrateDelta: Check = {
  id: 'bitrate-delta',
  title: 'The bitrate is a bytesSent difference over a timestamp difference',
  verify(events) {
    const comparisons = bitrateComparisons(events);
    const hit = comparisons.find((c) => c.harness !== null && within(c.reported, c.harness));
    if (hit && hit.harness !== null) {
      return { status: 'passed', detail: `${kbps(hit.reported)} over ${Math.round(hit.to - hit.from)} ms; the harness measured ${kbps(hit.harness)} over the same interval.` };
    }
    const mistake = bitrateMistake(events, rtpStreams(events, 'outbound-rtp', 'video'));
    if (mistake) return pending(mistake);
    const compared = comparisons.filter((c) => c.harness !== null);
    const last = compared.at(-1);
    if (!last || last.harness === null) {
      return pending('Your from/to are not within the call: use the timestamp fields of pc1\'s video outbound-rtp reports (the harness samples them once a second while connected).');
    }
    const ratio = last.reported / last.harness;
    if (within(ratio, 1 / 8)) return pending(`${kbps(last.reported)} is an eighth of the harness's ${kbps(last.harness)}: bytesSent counts bytes; multiply by 8 for bits.`);
    if (within(ratio, 1 / 1000)) return pending(`${last.reported} looks like kbit/s or a per-millisecond rate; report bits per second (timestamps are in ms: divide their difference by 1000).`);
    return pending(`You reported ${kbps(last.reported)}; the harness measured ${kbps(last.harness)} between the same two timestamps.`);
  },
};

/** The least spread (largest over smallest harness rate) the matched reports must cover: the page's cap at 6 s makes it about 2. */
const SPREAD = 1.3;

const bitrateTracks: Check = {
  id: 'bitrate-tracks',
  title: 'Your bitrate stays within 10 % of the harness\'s as the rate changes',
  verify(events) {
    const compared = bitrateComparisons(events).filter((c) => c.harness !== null);
    const matched = compared.filter((c) => within(c.reported, c.harness as number));
    const wrong = compared.length - matched.length;
    if (compared.length >= 5 && wrong > compared.length / 3) {
      return pending(`${wrong} of ${compared.length} bitrate reports are more than 10 % off the harness's rate over the same interval.`);
    }
    if (matched.length < 3) return pending(`${matched.length} of 3 bitrate reports match the harness so far: report one every second.`);
    const rates = matched.map((c) => c.harness as number);
    const spread = Math.max(...rates) / Math.max(1, Math.min(...rates));
    if (spread < SPREAD) {
      return pending(`Matched ${matched.length} reports between ${kbps(Math.min(...rates))} and ${kbps(Math.max(...rates))}; keep reporting until after the page lowers the cap (at 6 s).`);
    }
    return { status: 'passed', detail: `${matched.length} of ${compared.length} reports within 10 %, from ${kbps(Math.min(...rates))} to ${kbps(Math.max(...rates))}.` };
  },
};

interface QualityReport {
  value: Fields;
  timestamp: number;
}

function qualityReports(events: readonly PlaygroundEvent[]): QualityReport[] | string {
  const all = reports(events).filter((r) => r.name === 'quality');
  if (!all.length) return "Nothing reported yet: playground.report('quality', { rtt, packetsLost, jitter, timestamp }), timestamp from pc2's inbound-rtp report.";
  const out: QualityReport[] = [];
  for (const report of all) {
    const value = reportObject(report);
    const timestamp = value && field(value, 'timestamp');
    if (value && timestamp !== null) out.push({ value, timestamp });
  }
  return out.length ? out : `quality was reported as ${JSON.stringify(all.at(-1)?.value)}; it needs a number timestamp (the inbound-rtp report's).`;
}

/** Does `value` fall among the harness's values near this time, give or take 10 % (and `floor`)? null: no harness value near it. */
function amongNearby(nearby: number[], value: number, floor: number): boolean | null {
  if (!nearby.length) return null;
  const low = Math.min(...nearby);
  const high = Math.max(...nearby);
  const slack = Math.max(TOLERANCE * high, floor);
  return value >= low - slack && value <= high + slack;
}

/** Judge one number of the quality reports against the harness's series; `unit` words a failure. */
function judgeGauge(
  events: readonly PlaygroundEvent[],
  key: string,
  harness: Array<{ timestamp: number; value: number }>,
  floor: number,
  hint: string,
): Verdict {
  const quality = qualityReports(events);
  if (typeof quality === 'string') return pending(quality);
  let matched = 0;
  let compared = 0;
  let lastMiss = '';
  for (const { value, timestamp } of quality) {
    const reported = field(value, key);
    if (reported === null) {
      lastMiss = `The quality report has no number ${key}.`;
      continue;
    }
    const nearby = harness.filter((h) => Math.abs(h.timestamp - timestamp) <= NEAR_MS).map((h) => h.value);
    const ok = amongNearby(nearby, reported, floor);
    if (ok === null) continue;
    compared += 1;
    if (ok) matched += 1;
    else lastMiss = `${key} ${reported} is not near the harness's ${nearby.join(', ')} at that time. ${hint}`;
  }
  if (compared === 0) return pending(lastMiss || 'timestamp is not within the call: use the timestamp of pc2\'s video inbound-rtp report.');
  if (matched >= 2 && matched >= compared * 0.8) return { status: 'passed', detail: `${matched} of ${compared} ${key} values agree with the harness's.` };
  return pending(lastMiss || `${matched} of 2 ${key} values agree with the harness's so far.`);
}

const rtt: Check = {
  id: 'rtt',
  title: 'The round-trip time (in seconds) matches the harness\'s',
  verify(events) {
    const harness = roundTripTimes(events).map((r) => ({ timestamp: r.timestamp, value: r.seconds }));
    return judgeGauge(events, 'rtt', harness, GAUGE_FLOOR, 'Read remote-inbound-rtp roundTripTime (through outbound.remoteId) or the selected candidate-pair\'s currentRoundTripTime; both are seconds.');
  },
};

function inboundSeries(events: readonly PlaygroundEvent[], key: string): Array<{ timestamp: number; value: number }> {
  return rtpStreams(events, 'inbound-rtp', 'video').flatMap((s) =>
    s.samples.flatMap((sample) => {
      const value = num(sample.stat, key);
      return value === null ? [] : [{ timestamp: sample.timestamp, value }];
    }),
  );
}

const lossAndJitter: Check = {
  id: 'loss-jitter',
  title: "pc2's packetsLost and jitter (in seconds) match the harness's",
  verify(events) {
    const hint = "Read them from pc2's video inbound-rtp report; jitter is in seconds.";
    const lost = judgeGauge(events, 'packetsLost', inboundSeries(events, 'packetsLost'), 0, hint);
    if (lost.status !== 'passed') return lost;
    const jitter = judgeGauge(events, 'jitter', inboundSeries(events, 'jitter'), GAUGE_FLOOR, hint);
    if (jitter.status !== 'passed') return jitter;
    return { status: 'passed', detail: `${lost.detail ?? ''} ${jitter.detail ?? ''}`.trim() };
  },
};

export default [bitrateDelta, bitrateTracks, rtt, lossAndJitter] satisfies Check[];
