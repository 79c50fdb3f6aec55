/**
 * Time series per peer connection from the runtime's getStats() snapshots
 * (one `pc.stats` event a second while connected): bitrate out and in, RTT,
 * packets lost, jitter and frames per second. Counters (bytes) become rates
 * from one report to the next; gauges (RTT, jitter, fps) are read as they are.
 * Pure; the Stats view only draws what this returns.
 */
import type { PcStatsEvent, PlaygroundEvent } from '../../../../sandbox/log/events.ts';
import { peerConnections } from '../../../../sandbox/log/reduce.ts';
import { num, statById, statsByPc, statsOfType, str, type Stat } from './report.ts';

export interface Point {
  /** Log time of the report, ms since the run started. */
  t: number;
  value: number;
}

export type SeriesId = 'bitrate-out' | 'bitrate-in' | 'rtt-ice' | 'rtt-rtcp' | 'packets-lost' | 'jitter' | 'fps-out' | 'fps-in';

export interface Series {
  id: SeriesId;
  /** "Bitrate out", … */
  label: string;
  /** "kbit/s", "ms", "packets", "fps". */
  unit: string;
  /** Where the numbers come from, for people: "outbound-rtp bytesSent", … */
  source: string;
  points: Point[];
}

export interface PcSeries {
  pc: number;
  label: string;
  /** Only the series that have at least one point. */
  series: Series[];
}

export function statsSeries(events: readonly PlaygroundEvent[]): PcSeries[] {
  const byPc = statsByPc(events);
  const labels = new Map(peerConnections(events).map((pc) => [pc.pc, pc.label]));
  return [...byPc.entries()]
    .sort(([a], [b]) => a - b)
    .map(([pc, reports]) => ({ pc, label: labels.get(pc) ?? `pc ${pc}`, series: seriesOf(reports) }));
}

export function seriesOf(reports: readonly PcStatsEvent[]): Series[] {
  const out = new SeriesCollector();
  for (let i = 0; i < reports.length; i++) {
    const cur = reports[i] as PcStatsEvent;
    const prev = i > 0 ? (reports[i - 1] as PcStatsEvent) : null;
    if (prev) {
      const seconds = (cur.t - prev.t) / 1000;
      if (seconds > 0) {
        const sent = bytesDelta(prev, cur, 'outbound-rtp', 'bytesSent');
        const received = bytesDelta(prev, cur, 'inbound-rtp', 'bytesReceived');
        out.add('bitrate-out', cur.t, sent.bytes, seconds, sent.source);
        out.add('bitrate-in', cur.t, received.bytes, seconds, received.source);
      }
    }
    const pair = selectedPair(cur);
    const iceRtt = num(pair, 'currentRoundTripTime');
    if (iceRtt !== null) out.point('rtt-ice', cur.t, iceRtt * 1000);
    const rtcpRtt = max(statsOfType(cur.report, 'remote-inbound-rtp').map((s) => num(s, 'roundTripTime')));
    if (rtcpRtt !== null) out.point('rtt-rtcp', cur.t, rtcpRtt * 1000);
    const inbound = statsOfType(cur.report, 'inbound-rtp');
    const lost = sum(inbound.map((s) => num(s, 'packetsLost')));
    if (lost !== null) out.point('packets-lost', cur.t, lost);
    const jitter = max(inbound.map((s) => num(s, 'jitter')));
    if (jitter !== null) out.point('jitter', cur.t, jitter * 1000);
    const fpsOut = max(statsOfType(cur.report, 'outbound-rtp').filter(isVideo).map((s) => num(s, 'framesPerSecond')));
    if (fpsOut !== null) out.point('fps-out', cur.t, fpsOut);
    const fpsIn = max(inbound.filter(isVideo).map((s) => num(s, 'framesPerSecond')));
    if (fpsIn !== null) out.point('fps-in', cur.t, fpsIn);
  }
  return out.list();
}

const META: Record<SeriesId, { label: string; unit: string; source: string }> = {
  'bitrate-out': { label: 'Bitrate out', unit: 'kbit/s', source: '' },
  'bitrate-in': { label: 'Bitrate in', unit: 'kbit/s', source: '' },
  'rtt-ice': { label: 'Round-trip time (ICE)', unit: 'ms', source: 'selected candidate-pair currentRoundTripTime' },
  'rtt-rtcp': { label: 'Round-trip time (RTCP)', unit: 'ms', source: 'remote-inbound-rtp roundTripTime' },
  'packets-lost': { label: 'Packets lost (received, total)', unit: 'packets', source: 'inbound-rtp packetsLost' },
  jitter: { label: 'Jitter (received)', unit: 'ms', source: 'inbound-rtp jitter' },
  'fps-out': { label: 'Frames per second out', unit: 'fps', source: 'outbound-rtp framesPerSecond' },
  'fps-in': { label: 'Frames per second in', unit: 'fps', source: 'inbound-rtp framesPerSecond' },
};

/** Collects points per series, in a fixed order for the view. */
class SeriesCollector {
  private readonly byId = new Map<SeriesId, Series>();

  point(id: SeriesId, t: number, value: number, source?: string): void {
    let series = this.byId.get(id);
    if (!series) {
      series = { id, ...META[id], points: [] };
      this.byId.set(id, series);
    }
    if (source) series.source = source;
    series.points.push({ t, value });
  }

  add(id: SeriesId, t: number, bytes: number | null, seconds: number, source: string): void {
    if (bytes === null) return;
    this.point(id, t, (bytes * 8) / 1000 / seconds, source);
  }

  list(): Series[] {
    return (Object.keys(META) as SeriesId[]).flatMap((id) => {
      const series = this.byId.get(id);
      return series ? [series] : [];
    });
  }
}

/**
 * Bytes moved between two reports: the RTP streams' when there are any;
 * for a data-only connection, the transport's (everything on the wire),
 * else the data channels' (payload only).
 */
export function bytesDelta(
  prev: PcStatsEvent,
  cur: PcStatsEvent,
  rtpType: 'outbound-rtp' | 'inbound-rtp',
  key: 'bytesSent' | 'bytesReceived',
): { bytes: number | null; source: string } {
  for (const type of [rtpType, 'transport', 'data-channel']) {
    const now = statsOfType(cur.report, type);
    if (!now.length) continue;
    let total = 0;
    let any = false;
    for (const stat of now) {
      const after = num(stat, key);
      if (after === null) continue;
      const before = num(statById(prev.report, stat['id']), key);
      // A stream that appeared since the last report, or a counter that went back (reset), counts from zero.
      total += before !== null && after >= before ? after - before : after;
      any = true;
    }
    if (any) return { bytes: total, source: `${type} ${key}` };
  }
  return { bytes: null, source: '' };
}

/** The pair in use: the transport's selected pair, else a nominated succeeded one. */
export function selectedPair(stats: PcStatsEvent): Stat | null {
  for (const transport of statsOfType(stats.report, 'transport')) {
    const pair = statById(stats.report, transport['selectedCandidatePairId']);
    if (pair) return pair;
  }
  const pairs = statsOfType(stats.report, 'candidate-pair');
  return pairs.find((p) => p['selected'] === true) ?? pairs.find((p) => p['nominated'] === true && str(p, 'state') === 'succeeded') ?? null;
}

function isVideo(stat: Stat): boolean {
  return str(stat, 'kind') === 'video' || str(stat, 'mediaType') === 'video';
}

function max(values: (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? Math.max(...present) : null;
}

function sum(values: (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? present.reduce((a, b) => a + b, 0) : null;
}

/** "Bitrate out: 312 kbit/s now, max 480 kbit/s" — the chart's text alternative. */
export function summarize(series: Series): string {
  const last = series.points.at(-1);
  if (!last) return `${series.label}: no data yet`;
  const peak = Math.max(...series.points.map((p) => p.value));
  return `${series.label}: ${formatValue(last.value)} ${series.unit} now, max ${formatValue(peak)} ${series.unit}`;
}

export function formatValue(value: number): string {
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 100) return String(Math.round(value));
  if (abs >= 10) return value.toFixed(1).replace(/\.0$/, '');
  return value.toFixed(2).replace(/\.?0+$/, '');
}
