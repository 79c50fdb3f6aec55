/**
 * Lesson 14's checks over logs the runtime recorded in Chromium through the
 * workspace (fixtures/14-*: both peers open a data channel in the same
 * moment, and their offers cross on a 100 ms in-page channel), and edits of
 * them for the cases a learner's code can fall into.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import checks from '../../../lessons/14-perfect-negotiation/checks.ts';
import { evaluateChecks } from '../../../sandbox/checks/runner.ts';
import type { CheckResult } from '../../../sandbox/checks/types.ts';
import type { PlaygroundEvent } from '../../../sandbox/log/events.ts';
import { diagnose } from '../../../site/src/inspector/doctor/diagnose.ts';

function recorded(name: string): PlaygroundEvent[] {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as PlaygroundEvent[];
}

function settle(events: readonly PlaygroundEvent[]): Record<string, CheckResult> {
  return Object.fromEntries(evaluateChecks(checks, events, [], true).map((r) => [r.id, r]));
}

/** The seq of the first call of `method` on `pc` (with a description of `type` when given). */
function callSeq(events: readonly PlaygroundEvent[], pc: number, method: string, type?: string): number {
  const call = events.find(
    (e) => e.type === 'pc.call' && e.pc === pc && e.method === method && (type === undefined || (e.args[0] as { type?: string } | undefined)?.type === type),
  );
  if (!call) throw new Error(`no ${method} on pc ${pc} in the log`);
  return call.seq;
}

describe('lesson 14 over recorded runs', () => {
  it('all pass for the recorded solution: pc 1 (polite) rolled back, pc 2 (impolite) kept its offer', () => {
    const results = settle(recorded('14-solution'));
    expect(Object.values(results).map((r) => r.status)).toEqual(['passed', 'passed', 'passed', 'passed', 'passed']);
    expect(results['glare']?.reason).toBe('pc 1 and pc 2 were both in have-local-offer.');
    expect(results['polite-rolled-back']?.reason).toBe('pc 1 went have-local-offer → stable and answered.');
    expect(results['impolite-ignored']?.reason).toBe('pc 2 kept its offer and applied pc 1\'s answer.');
  });

  it('the recorded solution swallowed the candidates of the ignored offer: failed addIceCandidate is no failure', () => {
    const failed = recorded('14-solution').filter((e) => e.type === 'pc.result' && !e.ok);
    expect(failed.every((e) => e.type === 'pc.result' && e.method === 'addIceCandidate')).toBe(true);
    expect(settle(recorded('14-solution'))['stable-and-connected']?.status).toBe('passed');
  });

  it('the recorded starting files: glare, both answer, both answers refused in stable, never connected', () => {
    const events = recorded('14-files');
    const refused = events.filter((e) => e.type === 'pc.result' && !e.ok && e.method === 'setRemoteDescription');
    expect(refused.map((e) => e.type === 'pc.result' && !e.ok && e.error.name)).toEqual(['InvalidStateError', 'InvalidStateError']);
    const results = settle(events);
    expect(results['glare']?.status).toBe('passed');
    expect(results['polite-rolled-back']?.reason).toMatch(/So did pc 2, which the impolite peer must not/);
    expect(results['impolite-ignored']).toMatchObject({ status: 'failed', reason: expect.stringMatching(/^Both pc 1 and pc 2 answered the other's offer/) });
    expect(results['stable-and-connected']).toMatchObject({ status: 'failed', reason: expect.stringMatching(/^pc \d is stable but connecting/) });
    expect(results['messages-crossed']).toMatchObject({ status: 'failed', reason: expect.stringMatching(/^No message has reached pc 1 or pc 2/) });
  });
});

describe('lesson 14 over edits of the recorded runs', () => {
  it('both peers ignoring the other offer leaves both in have-local-offer', () => {
    const solution = recorded('14-solution');
    // The log as it stands when both offers are out and nobody has given way.
    const stuck = solution.filter((e) => e.seq < callSeq(solution, 1, 'setRemoteDescription', 'offer'));
    const results = settle(stuck);
    expect(results['glare']?.status).toBe('passed');
    expect(results['polite-rolled-back']?.reason).toMatch(/^Neither peer gave its offer up \(pc 1 and pc 2 still in have-local-offer\)/);
    expect(results['impolite-ignored']?.reason).toMatch(/^Nobody gave way yet/);
    expect(results['stable-and-connected']?.reason).toBe('pc 1 is stuck in have-local-offer.');
  });

  it('a polite peer that rolled back but has not answered yet is still pending', () => {
    const solution = recorded('14-solution');
    // Cut just before pc 1's second setLocalDescription (its answer).
    const answerAt = solution.filter((e) => e.type === 'pc.call' && e.pc === 1 && e.method === 'setLocalDescription')[1]?.seq ?? 0;
    const rolledBack = solution.filter((e) => e.seq < answerAt);
    expect(settle(rolledBack)['polite-rolled-back']?.reason).toBe('pc 1 rolled back; waiting for it to answer the other offer with setLocalDescription().');
  });

  it('an explicit rollback counts as giving way', () => {
    const solution = recorded('14-solution');
    const at = callSeq(solution, 1, 'setRemoteDescription', 'offer');
    // setLocalDescription({type: 'rollback'}) first, so the offer is then applied in stable (no implicit rollback).
    const explicit: PlaygroundEvent[] = solution.flatMap((e) =>
      e.seq === at
        ? [
            { type: 'pc.call', pc: 1, call: 900, method: 'setLocalDescription', args: [{ type: 'rollback' }], seq: at - 0.5, t: e.t },
            { type: 'pc.state', pc: 1, which: 'signalingState', value: 'stable', seq: at - 0.4, t: e.t },
            { type: 'pc.result', pc: 1, call: 900, method: 'setLocalDescription', ok: true, value: { type: 'rollback', sdp: '' }, seq: at - 0.3, t: e.t },
            e,
          ]
        : [e],
    );
    expect(settle(explicit)['polite-rolled-back']?.status).toBe('passed');
    // Without the rollback's success it is not giving way.
    const refused = explicit.map((e) => (e.type === 'pc.result' && e.call === 900 ? { ...e, ok: false, error: { name: 'InvalidStateError', message: 'x' } } : e)) as PlaygroundEvent[];
    expect(settle(refused)['polite-rolled-back']?.reason).toMatch(/^Neither peer gave its offer up/);
  });

  it('a run without glare (one side offers, the other answers) passes nothing', () => {
    const results = settle(recorded('13-solution'));
    expect(Object.values(results).every((r) => r.status === 'failed' && r.reason.startsWith('No glare yet'))).toBe(true);
  });
});

describe('the Doctor over lesson 14', () => {
  it('warns, not errs, about the candidates of the offer the solution ignored', () => {
    const solution = recorded('14-solution');
    const findings = diagnose(solution).filter((f) => f.id.startsWith('ice-before-remote'));
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.map((f) => f.severity)).toEqual(findings.map(() => 'warning'));
    expect(diagnose(solution).filter((f) => f.severity === 'error')).toEqual([]);
  });
});
