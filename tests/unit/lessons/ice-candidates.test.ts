/**
 * Lesson 06's checks over logs the runtime recorded in Chromium (fixtures/06-*),
 * and over edits of them that stand for the mistakes a learner makes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import checks from '../../../lessons/06-ice-candidates/checks.ts';
import { evaluateChecks } from '../../../sandbox/checks/runner.ts';
import type { CheckResult } from '../../../sandbox/checks/types.ts';
import type { Json, PlaygroundEvent } from '../../../sandbox/log/events.ts';

function recorded(name: string): PlaygroundEvent[] {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as PlaygroundEvent[];
}

function settle(events: readonly PlaygroundEvent[]): Record<string, CheckResult> {
  return Object.fromEntries(evaluateChecks(checks, events, [], true).map((r) => [r.id, r]));
}

/** The solution's log with each report's value passed through `edit` (return undefined to drop the report). */
function withReports(edit: (name: string, value: { [key: string]: Json }) => { [key: string]: Json } | undefined): PlaygroundEvent[] {
  return recorded('06-solution').flatMap((event): PlaygroundEvent[] => {
    if (event.type !== 'report') return [event];
    const value = edit(event.name, { ...(event.value as { [key: string]: Json }) });
    return value === undefined ? [] : [{ ...event, value }];
  });
}

describe('lesson 06 checks', () => {
  it('all pass for the recorded solution', () => {
    const results = settle(recorded('06-solution'));
    expect(Object.values(results).map((r) => r.status)).toEqual(['passed', 'passed', 'passed', 'passed']);
    expect(results['priorities-decoded']?.reason).toBe('All 4 candidates decoded correctly.');
  });

  it('the recorded starting files fail the decoding and the order, and say why', () => {
    const results = settle(recorded('06-files'));
    expect(results['priorities-decoded']).toMatchObject({ status: 'failed' });
    expect(results['priorities-decoded']?.reason).toMatch(/typePreference is null, but priority 21139\d+ holds 126\./);
    expect(results['candidates-after-remote-description']).toMatchObject({ status: 'failed' });
    expect(results['candidates-after-remote-description']?.reason).toMatch(
      /^pc 2\.addIceCandidate\(\) was called before its setRemoteDescription\(\)\. It failed: InvalidStateError/,
    );
    expect(results['gathering-timed']?.status).toBe('passed');
    expect(results['connected']?.status).toBe('passed');
  });

  it('catches a component read as the raw low byte (255) instead of 256 minus it', () => {
    const events = withReports((name, value) => (name.startsWith('candidate:') ? { ...value, component: 255 } : value));
    expect(settle(events)['priorities-decoded']?.reason).toMatch(/component is 255, but priority \d+ holds 1\./);
  });

  it('catches a wrong local preference (a shift without the 16-bit mask)', () => {
    const events = withReports((name, value) =>
      name.startsWith('candidate:') ? { ...value, localPreference: Math.floor((value['priority'] as number) / 256) } : value,
    );
    expect(settle(events)['priorities-decoded']).toMatchObject({ status: 'failed' });
    expect(settle(events)['priorities-decoded']?.reason).toMatch(/localPreference is \d+, but priority \d+ holds (30|50)\./);
  });

  it('names a candidate nobody reported', () => {
    let dropped = false;
    const events = withReports((name, value) => {
      if (!dropped && name.startsWith('candidate:pc2-')) {
        dropped = true;
        return undefined;
      }
      // Reports without the priority are matched by the foundation in their name.
      const { priority: _priority, ...rest } = value;
      return name.startsWith('candidate:') ? rest : value;
    });
    expect(settle(events)['priorities-decoded']?.reason).toMatch(/^No report for pc 2's candidate \d+ \(priority \d+\)/);
  });

  it('catches a candidate type that differs from the candidate line', () => {
    const events = withReports((name, value) => (name.startsWith('candidate:') ? { ...value, type: 'srflx' } : value));
    expect(settle(events)['priorities-decoded']?.reason).toMatch(/type is "srflx", but the candidate line says "typ host"\./);
  });

  it('rejects timings that do not match what the runtime measured', () => {
    const events = withReports((name, value) => (name === 'gathering' ? { firstCandidate: 500, complete: 1500 } : value));
    expect(settle(events)['gathering-timed']).toMatchObject({ status: 'failed' });
    expect(settle(events)['gathering-timed']?.reason).toMatch(/but the runtime measured [\d.]+ ms and [\d.]+ ms after setLocalDescription\./);
  });

  it('does not pass while a connection is still gathering', () => {
    const events = recorded('06-solution');
    const firstEnd = events.findIndex((e) => e.type === 'pc.event' && e.name === 'icecandidate' && (e.detail as { candidate: Json }).candidate === null);
    const results = evaluateChecks(checks, events.slice(0, firstEnd), [], false);
    expect(results.find((r) => r.id === 'priorities-decoded')).toMatchObject({ status: 'pending', reason: expect.stringMatching(/is still gathering candidates\.$/) });
  });

  it('waits, never passes, before anything was gathered or reported', () => {
    const early = recorded('06-solution').filter((e) => e.type !== 'report' && !(e.type === 'pc.event' && e.name === 'icecandidate'));
    const results = evaluateChecks(checks, early, [], false);
    expect(results.find((r) => r.id === 'priorities-decoded')).toMatchObject({ status: 'pending' });
    expect(results.find((r) => r.id === 'gathering-timed')?.reason).toMatch(/^Report the timings/);
  });
});
