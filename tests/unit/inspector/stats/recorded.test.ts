// Stats series over logs recorded from real Chromium (tests/fixtures/README.md).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PlaygroundEvent } from '../../../../sandbox/log/events.ts';
import { statsSeries } from '../../../../site/src/inspector/stats/series.ts';

const log = (name: string): PlaygroundEvent[] =>
  JSON.parse(readFileSync(new URL(`../../../fixtures/logs/${name}.json`, import.meta.url), 'utf8')) as PlaygroundEvent[];

describe('stats over recorded runs', () => {
  it('audio-video: media flows both ways at a video frame rate', () => {
    const pcs = statsSeries(log('audio-video'));
    expect(pcs).toHaveLength(2);
    for (const pc of pcs) {
      const get = (id: string) => pc.series.find((s) => s.id === id);
      expect(get('bitrate-out')!.points.at(-1)!.value).toBeGreaterThan(20);
      expect(get('bitrate-in')!.points.at(-1)!.value).toBeGreaterThan(20);
      expect(get('fps-in')!.points.at(-1)!.value).toBeGreaterThan(5);
      expect(get('rtt-ice')!.points.at(-1)!.value).toBeLessThan(100);
    }
  });

  it('data-only: no media series', () => {
    for (const pc of statsSeries(log('data-only'))) {
      expect(pc.series.map((s) => s.id)).not.toContain('fps-in');
      expect(pc.series.find((s) => s.id === 'bitrate-out')!.source).toBe('transport bytesSent');
    }
  });

  it('no stats, no series', () => {
    expect(statsSeries(log('mistake-no-m-line'))).toEqual([]);
  });
});
