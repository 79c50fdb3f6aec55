import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PcStatsEvent, PlaygroundEvent } from '../../../../sandbox/log/events.ts';
import { bytesDelta, formatValue, selectedPair, seriesOf, statsSeries, summarize, type Series } from '../../../../site/src/inspector/stats/series.ts';

// Real getStats() reports from Chromium, one a second, for two peers in one page:
// audio+video (media) and a data channel with 20 kB sent a second (data).
const load = (name: string) => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as PcStatsEvent[];
const media = load('stats-media.json');
const data = load('stats-data.json');

const ids = (series: Series[]) => series.map((s) => s.id);
const byId = (series: Series[], id: string) => series.find((s) => s.id === id)!;

describe('stats series', () => {
  it('derives every series from a media connection', () => {
    const [pc1, pc2] = statsSeries(media as PlaygroundEvent[]);
    expect(pc1!.pc).toBe(1);
    expect(ids(pc1!.series)).toEqual(expect.arrayContaining(['bitrate-out', 'rtt-ice', 'rtt-rtcp', 'fps-out']));
    expect(ids(pc2!.series)).toEqual(expect.arrayContaining(['bitrate-in', 'packets-lost', 'jitter', 'fps-in']));
    // Four reports → three rate points.
    expect(byId(pc1!.series, 'bitrate-out').points).toHaveLength(3);
    expect(byId(pc1!.series, 'bitrate-out').source).toBe('outbound-rtp bytesSent');
    for (const p of byId(pc1!.series, 'bitrate-out').points) expect(p.value).toBeGreaterThan(10); // kbit/s: video flows
    for (const p of byId(pc2!.series, 'fps-in').points) expect(p.value).toBeGreaterThanOrEqual(0);
  });

  it('computes the bitrate as bytes delta over time delta', () => {
    const reports = media.filter((r) => r.pc === 1);
    const [a, b] = reports as [PcStatsEvent, PcStatsEvent];
    const delta = bytesDelta(a, b, 'outbound-rtp', 'bytesSent');
    const sumOf = (r: PcStatsEvent) =>
      Object.values(r.report).reduce<number>((s, v) => s + ((v as { type?: string; bytesSent?: number }).type === 'outbound-rtp' ? ((v as { bytesSent: number }).bytesSent) : 0), 0);
    expect(delta.bytes).toBe(sumOf(b) - sumOf(a));
    const first = byId(seriesOf(reports), 'bitrate-out').points[0]!;
    expect(first.t).toBe(b.t);
    expect(first.value).toBeCloseTo((delta.bytes! * 8) / 1000 / ((b.t - a.t) / 1000), 6);
  });

  it('uses the transport\'s bytes for a data-only connection', () => {
    const pc1 = seriesOf(data.filter((r) => r.pc === 1));
    const out = byId(pc1, 'bitrate-out');
    expect(out.source).toBe('transport bytesSent');
    // 20 messages of 1000 bytes a second = 160 kbit/s of payload, plus SCTP/DTLS overhead.
    expect(out.points.at(-1)!.value).toBeGreaterThan(150);
    expect(ids(pc1)).not.toContain('fps-out');
  });

  it('counts a new stream, and a counter that went back, from zero', () => {
    const report = (t: number, stats: Record<string, number>): PcStatsEvent => ({
      type: 'pc.stats', pc: 1, seq: t, t,
      report: Object.fromEntries(Object.entries(stats).map(([id, bytesSent]) => [id, { id, type: 'outbound-rtp', bytesSent }])),
    });
    expect(bytesDelta(report(0, { a: 100 }), report(1000, { a: 300, b: 50 }), 'outbound-rtp', 'bytesSent').bytes).toBe(250);
    expect(bytesDelta(report(0, { a: 500 }), report(1000, { a: 100 }), 'outbound-rtp', 'bytesSent').bytes).toBe(100);
    expect(bytesDelta(report(0, {}), { type: 'pc.stats', pc: 1, seq: 1, t: 1, report: {} }, 'outbound-rtp', 'bytesSent').bytes).toBeNull();
  });

  it('finds the selected pair', () => {
    const last = media.filter((r) => r.pc === 1).at(-1)!;
    expect(selectedPair(last)?.['nominated']).toBe(true);
    expect(selectedPair({ type: 'pc.stats', pc: 1, seq: 0, t: 0, report: {} })).toBeNull();
  });

  it('summarizes each chart in words', () => {
    const series: Series = { id: 'bitrate-out', label: 'Bitrate out', unit: 'kbit/s', source: '', points: [{ t: 1, value: 480.2 }, { t: 2, value: 312.4 }] };
    expect(summarize(series)).toBe('Bitrate out: 312 kbit/s now, max 480 kbit/s');
    expect(summarize({ ...series, points: [] })).toBe('Bitrate out: no data yet');
    expect(formatValue(0.0012)).toBe('0');
    expect(formatValue(1.5)).toBe('1.5');
    expect(formatValue(12.34)).toBe('12.3');
  });
});
