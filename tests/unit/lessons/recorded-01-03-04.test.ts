/**
 * Lessons 01, 03 and 04 over logs the real runtime recorded in Chromium
 * through the workspace (see fixtures/README.md): the solutions pass every
 * check, the starting files fail the checks for the steps they leave out.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import movingParts from '../../../lessons/01-the-moving-parts/checks.ts';
import stateMachine, { predictions } from '../../../lessons/03-offer-answer-state-machine/checks.ts';
import ownSignalling from '../../../lessons/04-build-your-own-signalling/checks.ts';
import { evaluateChecks } from '../../../sandbox/checks/runner.ts';
import type { Check } from '../../../sandbox/checks/types.ts';
import type { PlaygroundEvent } from '../../../sandbox/log/events.ts';
import { webSockets } from '../../../sandbox/log/websockets.ts';

function recorded(name: string): PlaygroundEvent[] {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as PlaygroundEvent[];
}

function statuses(checks: readonly Check[], name: string): Record<string, string> {
  return Object.fromEntries(evaluateChecks(checks, recorded(name), [], true).map((r) => [r.id, r.status]));
}

describe('lesson 01 over recorded runs', () => {
  it('the solution passes, the starting files fail both checks', () => {
    expect(statuses(movingParts, '01-solution')).toEqual({ 'all-reported': 'passed', 'flags-correct': 'passed' });
    expect(statuses(movingParts, '01-files')).toEqual({ 'all-reported': 'failed', 'flags-correct': 'failed' });
  });

  it('the runtime recorded the features once, before the first report', () => {
    const events = recorded('01-solution');
    const features = events.filter((e) => e.type === 'features');
    expect(features).toHaveLength(1);
    const firstReport = events.find((e) => e.type === 'report');
    expect(features[0]!.seq).toBeLessThan(firstReport!.seq);
  });
});

describe('lesson 03 over recorded runs', () => {
  it('the solution passes, the starting files fail both checks', () => {
    expect(statuses(stateMachine, '03-solution')).toEqual({ 'predictions-right': 'passed', 'invalid-state-caught': 'passed' });
    expect(statuses(stateMachine, '03-files')).toEqual({ 'predictions-right': 'failed', 'invalid-state-caught': 'failed' });
  });

  it('Chromium recorded each state change before the prediction that follows it', () => {
    expect(predictions(recorded('03-solution')).map((p) => p.actual)).toEqual([
      'stable', 'have-local-offer', 'have-remote-offer', 'stable', 'stable', 'have-local-offer', 'stable', 'stable',
    ]);
  });
});

describe('lesson 04 over recorded runs', () => {
  it('the solution passes, the starting files fail every check', () => {
    expect(statuses(ownSignalling, '04-solution')).toEqual({ 'offer-answer-crossed': 'passed', 'candidates-crossed': 'passed', 'both-connected': 'passed' });
    expect(statuses(ownSignalling, '04-files')).toEqual({ 'offer-answer-crossed': 'failed', 'candidates-crossed': 'failed', 'both-connected': 'failed' });
  });

  it('two sockets in one room, previews cut at 200 characters but still recognised', () => {
    const sockets = webSockets(recorded('04-solution'));
    expect(sockets).toHaveLength(2);
    expect(new Set(sockets.map((s) => s.url)).size).toBe(1);
    const kinds = sockets.flatMap((s) => s.messages.map((m) => m.kind));
    expect(kinds).toContain('offer');
    expect(kinds).toContain('answer');
    expect(kinds.filter((k) => k === 'candidate').length).toBeGreaterThan(1);
    expect(sockets.flatMap((s) => s.messages).every((m) => (m.preview ?? '').length <= 200)).toBe(true);
  });

  it('the polling variant connects without any WebSocket (so the socket checks stay unmet)', () => {
    expect(statuses(ownSignalling, '04-polling')).toEqual({ 'offer-answer-crossed': 'failed', 'candidates-crossed': 'failed', 'both-connected': 'passed' });
  });
});
