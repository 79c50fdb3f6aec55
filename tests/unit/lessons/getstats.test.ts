/**
 * Lesson 15's checks over logs recorded in Chromium (the lesson's solution and
 * starting files; pc.stats cut down to the RTP, transport and selected pair
 * objects), and over edits of the solution's log that stand for the mistakes
 * the checks must catch: a hard-coded bitrate, the wrong units, numbers from
 * another run.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import checks, { bitrateComparisons } from '../../../lessons/15-getstats/checks.ts';
import { evaluateChecks } from '../../../sandbox/checks/runner.ts';
import type { CheckResult } from '../../../sandbox/checks/types.ts';
import type { Json, PlaygroundEvent } from '../../../sandbox/log/events.ts';

const load = (name: string) => JSON.parse(readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8')) as PlaygroundEvent[];
const SOLUTION = load('15-solution.json');
const FILES = load('15-files.json');

function settle(events: readonly PlaygroundEvent[]): Record<string, CheckResult> {
  return Object.fromEntries(evaluateChecks(checks, events, [], true).map((r) => [r.id, r]));
}

/** The solution's log with each report of this name rewritten. */
function editReports(name: string, edit: (value: { [key: string]: Json }) => { [key: string]: Json }): PlaygroundEvent[] {
  return SOLUTION.map((e) => (e.type === 'report' && e.name === name ? { ...e, value: edit(e.value as { [key: string]: Json }) } : e));
}

describe('lesson 15 checks on recorded runs', () => {
  it('the solution passes every check', () => {
    const results = settle(SOLUTION);
    expect(Object.values(results).map((r) => [r.id, r.status])).toEqual([
      ['bitrate-delta', 'passed'],
      ['bitrate-tracks', 'passed'],
      ['rtt', 'passed'],
      ['loss-jitter', 'passed'],
    ]);
    expect(results['bitrate-tracks']?.reason).toMatch(/^\d+ of \d+ reports within 10 %, from \d+ kbit\/s to \d+ kbit\/s\.$/);
  });

  it("the solution's rates agree with the harness's over the same intervals, and the page's cap halves them", () => {
    const compared = bitrateComparisons(SOLUTION).filter((c) => c.harness !== null);
    expect(compared.length).toBeGreaterThanOrEqual(10);
    const close = compared.filter((c) => Math.abs(c.reported / (c.harness as number) - 1) <= 0.1);
    expect(close.length / compared.length).toBeGreaterThan(0.75);
    const rates = compared.map((c) => c.harness as number);
    expect(Math.max(...rates) / Math.min(...rates)).toBeGreaterThan(2);
  });

  it('the starting files fail every check, naming the running total', () => {
    const results = settle(FILES);
    expect(Object.values(results).every((r) => r.status === 'failed')).toBe(true);
    expect(results['bitrate-delta']?.reason).toMatch(/is the running total of bytesSent since the call began, not a rate/);
    expect(results['rtt']?.reason).toMatch(/^Nothing reported yet: playground.report\('quality'/);
  });
});

describe('lesson 15 checks catch what is not a measurement', () => {
  it('a hard-coded bitrate (with real timestamps) does not follow the rate', () => {
    const results = settle(editReports('bitrate', (v) => ({ ...v, bitsPerSecond: 480_000 })));
    expect(results['bitrate-tracks']?.status).toBe('failed');
    expect(results['bitrate-tracks']?.reason).toMatch(/more than 10 % off|keep reporting until after/);
  });

  it('bytes instead of bits, and kbit/s instead of bit/s, are named', () => {
    const bytes = settle(editReports('bitrate', (v) => ({ ...v, bitsPerSecond: (v['bitsPerSecond'] as number) / 8 })));
    expect(bytes['bitrate-delta']?.reason).toMatch(/multiply by 8 for bits/);
    const kilo = settle(editReports('bitrate', (v) => ({ ...v, bitsPerSecond: (v['bitsPerSecond'] as number) / 1000 })));
    expect(kilo['bitrate-delta']?.reason).toMatch(/report bits per second/);
  });

  it("timestamps from another run (a day earlier) are outside this call's", () => {
    const day = 86_400_000;
    const results = settle(editReports('bitrate', (v) => ({ ...v, from: (v['from'] as number) - day, to: (v['to'] as number) - day })));
    expect(results['bitrate-delta']?.status).toBe('failed');
    expect(results['bitrate-delta']?.reason).toMatch(/not within the call/);
  });

  it('RTT and jitter in milliseconds fail; they are seconds in getStats', () => {
    const results = settle(editReports('quality', (v) => ({ ...v, rtt: (v['rtt'] as number) * 1000 + 1, jitter: (v['jitter'] as number) * 1000 + 1 })));
    expect(results['rtt']?.status).toBe('failed');
    expect(results['rtt']?.reason).toMatch(/both are seconds/);
    expect(results['loss-jitter']?.status).toBe('failed');
    expect(results['loss-jitter']?.reason).toMatch(/^jitter .* jitter is in seconds\.$/);
  });
});
