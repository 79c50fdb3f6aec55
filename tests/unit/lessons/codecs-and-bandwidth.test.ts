/**
 * Lesson 16's checks over logs recorded in Chromium (pc.stats cut down to the
 * outbound-rtp and codec objects): the solution (VP9, three layers answered
 * like an SFU, layer f capped at 300 kbit/s), the starting files, and the
 * solution with the cap reported but never applied (then the top layer does
 * not start within the run at all: the bandwidth estimate starts low and q
 * and h take it).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import checks, { normalizeCodec } from '../../../lessons/16-codecs-and-bandwidth/checks.ts';
import { evaluateChecks } from '../../../sandbox/checks/runner.ts';
import type { CheckResult } from '../../../sandbox/checks/types.ts';
import type { PlaygroundEvent } from '../../../sandbox/log/events.ts';

const load = (name: string) => JSON.parse(readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8')) as PlaygroundEvent[];
const SOLUTION = load('16-solution.json');

function settle(events: readonly PlaygroundEvent[]): Record<string, CheckResult> {
  return Object.fromEntries(evaluateChecks(checks, events, [], true).map((r) => [r.id, r]));
}

describe('lesson 16 checks on recorded runs', () => {
  it('the solution passes every check', () => {
    const results = settle(SOLUTION);
    expect(Object.values(results).map((r) => [r.id, r.status])).toEqual([
      ['codec', 'passed'],
      ['three-layers', 'passed'],
      ['under-cap', 'passed'],
    ]);
    expect(results['codec']?.reason).toBe('video/VP9 is first in the offer and the sender encodes with it (outbound-rtp codec video/VP9).');
    expect(results['under-cap']?.reason).toMatch(/^Layer f averaged \d+ kbit\/s over \d+ s \(at most \d+ kbit\/s in a second\), under its cap of 300 kbit\/s/);
  });

  it('the starting files fail every check', () => {
    const results = settle(load('16-files.json'));
    expect(Object.values(results).every((r) => r.status === 'failed')).toBe(true);
    expect(results['three-layers']?.reason).toMatch(/no a=simulcast line/);
  });

  it('a cap reported but not applied proves nothing: the top layer never started', () => {
    const results = settle(load('16-nocap.json'));
    expect(results['codec']?.status).toBe('passed');
    expect(results['three-layers']?.reason).toMatch(/^The answer accepts simulcast, and q, h is sending so far/);
    expect(results['under-cap']?.reason).toMatch(/^Layer f is not sending/);
  });
});

describe('lesson 16 checks catch a wrong claim', () => {
  const withReport = (name: string, value: unknown) =>
    SOLUTION.map((e) => (e.type === 'report' && e.name === name ? { ...e, value: value as never } : e));

  it('a codec claimed but not preferred is named with what the offer lists first', () => {
    const results = settle(withReport('codec', 'video/AV1'));
    expect(results['codec']?.reason).toBe("pc 1's offer lists VP9 first on m=video: call transceiver.setCodecPreferences() with video/AV1 first, before createOffer().");
    expect(settle(withReport('codec', 'vp8'))['codec']?.reason).toMatch(/^VP8 is what Chromium lists first anyway/);
  });

  it('a lower cap than the one applied is exceeded', () => {
    const results = settle(withReport('maxBitrate', { rid: 'f', maxBitrate: 150_000 }));
    expect(results['under-cap']?.status).toBe('failed');
    expect(results['under-cap']?.reason).toMatch(/over its cap of 150 kbit\/s/);
  });

  it('codec names are read loosely', () => {
    expect(['vp9', 'VP9', 'video/vp9', ' video/VP9 '].map(normalizeCodec)).toEqual(Array(4).fill('video/VP9'));
  });
});
