/**
 * Lesson 07's checks over logs the runtime recorded in Chromium against the
 * playground's coturn (fixtures/07-*), and edits of them for the other cases.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import checks from '../../../lessons/07-stun-and-turn/checks.ts';
import { evaluateChecks } from '../../../sandbox/checks/runner.ts';
import type { CheckResult } from '../../../sandbox/checks/types.ts';
import type { Json, PlaygroundEvent } from '../../../sandbox/log/events.ts';

function recorded(name: string): PlaygroundEvent[] {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as PlaygroundEvent[];
}

function settle(events: readonly PlaygroundEvent[]): Record<string, CheckResult> {
  return Object.fromEntries(evaluateChecks(checks, events, [], true).map((r) => [r.id, r]));
}

type JsonObject = { [key: string]: Json };

/** The solution's stats with every local candidate's type replaced, as if ICE had picked a direct path. */
function selectedType(type: string): PlaygroundEvent[] {
  return recorded('07-solution').map((event) => {
    if (event.type !== 'pc.stats') return event;
    const report: Record<string, Json> = {};
    for (const [id, stat] of Object.entries(event.report)) {
      const s = stat as JsonObject;
      report[id] = s['type'] === 'local-candidate' ? { ...s, candidateType: type } : s;
    }
    return { ...event, report };
  });
}

describe('lesson 07 checks', () => {
  it('all pass for the recorded solution (relay-only through coturn, a wrong password)', () => {
    const results = settle(recorded('07-solution'));
    expect(Object.values(results).map((r) => r.status)).toEqual(['passed', 'passed', 'passed']);
    expect(results['relay-selected']?.reason).toBe('pc 1 sends through the TURN server (local candidate: relay).');
    expect(results['credentials-read']?.reason).toMatch(/^Valid until 20\d\d-.*for "playground"\.$/);
  });

  it('the recorded solution really has a 401 icecandidateerror for each TURN URL', () => {
    const codes = recorded('07-solution').flatMap((e) => (e.type === 'pc.event' && e.name === 'icecandidateerror' ? [(e.detail as JsonObject)['errorCode']] : []));
    expect(codes).toEqual([401, 401]);
  });

  it('the recorded starting files fail all three, each naming the missing step', () => {
    const results = settle(recorded('07-files'));
    expect(Object.values(results).map((r) => r.status)).toEqual(['failed', 'failed', 'failed']);
    expect(results['relay-selected']?.reason).toMatch(/^pc 1 may only use relay candidates but has no TURN server/);
    expect(results['wrong-password-401']?.reason).toMatch(/answered 401, but your code did not show it/);
    expect(results['credentials-read']?.reason).toMatch(/^Report what the username says/);
  });

  it('a direct (host) pair does not count as relayed', () => {
    const result = settle(selectedType('host'))['relay-selected'];
    expect(result).toMatchObject({ status: 'failed' });
    expect(result?.reason).toMatch(/selected pair uses a host candidate: set iceTransportPolicy: 'relay'/);
  });

  it('the recorded solution on a playground without coturn fails every check with the install command', () => {
    const results = settle(recorded('07-no-coturn'));
    for (const result of Object.values(results)) {
      expect(result.status).toBe('failed');
      expect(result.reason).toMatch(/coturn\) is not installed: sudo apt-get install -y coturn, then restart npm start\.$/);
    }
  });

  it('without coturn (no TURN entry anywhere) tells the learner how to install it', () => {
    const events = recorded('07-files').map((event) =>
      event.type === 'pc.created' ? { ...event, configuration: { iceServers: [], iceTransportPolicy: 'relay' } } : event,
    ).filter((e) => !(e.type === 'pc.event' && e.name === 'icecandidateerror'));
    const results = settle(events);
    expect(results['relay-selected']?.reason).toMatch(/sudo apt-get install -y coturn/);
    expect(results['wrong-password-401']?.reason).toMatch(/sudo apt-get install -y coturn/);
  });

  it('a console line before the error, or a number that merely contains 401, does not count as surfacing it', () => {
    const base = recorded('07-files');
    const error = base.find((e) => e.type === 'pc.event' && e.name === 'icecandidateerror')!;
    const before = { type: 'console', level: 'log', text: 'expecting a 401 soon', seq: error.seq - 0.5, t: error.t } as PlaygroundEvent;
    const port = { type: 'console', level: 'log', text: 'relay 192.0.2.2:54012', seq: 1e6, t: 1e6 } as PlaygroundEvent;
    expect(settle([...base, before, port].sort((a, b) => a.seq - b.seq))['wrong-password-401']?.status).toBe('failed');
    const logged = { type: 'console', level: 'error', text: 'TURN error 401: Unauthorized.', seq: 1e6 + 1, t: 1e6 } as PlaygroundEvent;
    expect(settle([...base, logged])['wrong-password-401']?.status).toBe('passed');
  });

  it('an expiry reported as text is explained, not accepted', () => {
    const events = recorded('07-solution').map((event) =>
      event.type === 'report' && event.name === 'turn-credentials' ? { ...event, value: { ...(event.value as JsonObject), expiresAt: String((event.value as JsonObject)['expiresAt']) } } : event,
    );
    expect(settle(events)['credentials-read']?.reason).toMatch(/expiresAt in unix seconds, a number/);
  });
});
