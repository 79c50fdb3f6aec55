/**
 * Lesson 19's checks over logs recorded in Chromium (tests/unit/lessons/fixtures/README.md):
 * the starting files fail every case's check with the Doctor's own finding,
 * the solution passes them all; and the edges a learner meets on the way
 * (a case left out by ONLY, a playground without coturn, a fix that only
 * half works).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import checks from '../../../lessons/19-troubleshooting/checks.ts';
import { evaluateChecks } from '../../../sandbox/checks/runner.ts';
import type { CheckResult } from '../../../sandbox/checks/types.ts';
import type { PlaygroundEvent } from '../../../sandbox/log/events.ts';
import { LogBuilder } from '../log/builder.ts';

const fixture = (name: string): PlaygroundEvent[] =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as PlaygroundEvent[];

const CASES = ['order', 'no-media', 'wrong-peer', 'turn', 'big-message', 'flood', 'peerjs', 'stale-apis', 'echo'];

function settle(events: readonly PlaygroundEvent[]): Record<string, CheckResult> {
  return Object.fromEntries(evaluateChecks(checks, events, [], true).map((r) => [r.id, r]));
}

describe('lesson 19 over recorded runs', () => {
  it('has one check per case', () => {
    expect(checks.map((c) => c.id)).toEqual(CASES);
  });

  it('passes every check for the solution', () => {
    const results = settle(fixture('19-solution.json'));
    for (const name of CASES) expect(results[name], name).toMatchObject({ status: 'passed' });
    expect(results['flood']!.reason).toBe('All 20971520 bytes arrived.');
  });

  it('fails every check for the starting files, each with the Doctor\'s finding for that case', () => {
    const results = settle(fixture('19-files.json'));
    const expected: Record<string, RegExp> = {
      order: /addIceCandidate before setRemoteDescription/,
      'no-media': /the offer has no media and no data channel/,
      'wrong-peer': /called in the wrong state \(stable\)/,
      turn: /refused the credentials \(401\)/,
      'big-message': /larger than the peer accepts/,
      flood: /send queue was full/,
      peerjs: /peer-unavailable/,
      'stale-apis': /Deprecated API: iceServers\[\]\.url/,
      echo: /video#preview plays your own microphone unmuted/,
    };
    for (const name of CASES) {
      expect(results[name]!.status, name).toBe('failed');
      expect(results[name]!.reason, name).toMatch(/^Doctor: /);
      expect(results[name]!.reason, name).toMatch(expected[name]!);
    }
  });

  it('fails live, before the run settles, once the mistake is in the log', () => {
    const live = evaluateChecks(checks, fixture('19-files.json'), [], false);
    expect(live.every((r) => r.status === 'failed')).toBe(true);
  });

  it('is pending for a case that has not run (left out by ONLY)', () => {
    const onlyEcho = fixture('19-solution.json').filter((e) => e.type !== 'report' || e.value === 'echo');
    const live = Object.fromEntries(evaluateChecks(checks, onlyEcho, [], false).map((r) => [r.id, r]));
    expect(live['echo']!.status).toBe('passed');
    expect(live['order']).toMatchObject({ status: 'pending', reason: expect.stringMatching(/has not run yet/) });
  });
});

describe('lesson 19 checks on edge cases', () => {
  const mark = (log: LogBuilder, name: string) => log.push({ type: 'report', name: 'case', value: name });

  it('turn: no TURN server means no connection in the case, and the reason says how to install coturn', () => {
    const log = new LogBuilder().started();
    mark(log, 'turn');
    log.log('✗ [turn] Error: playground.iceServers has no TURN server', 'error');
    expect(settle(log.events)['turn']!.reason).toMatch(/sudo apt-get install -y coturn/);
  });

  it('turn: connecting without the relay-only policy is not the fix', () => {
    const log = new LogBuilder().started();
    mark(log, 'turn');
    log.pc(1, { iceServers: [{ urls: 'turn:127.0.0.1:3478', username: 'u', credential: 'p' }] }).state(1, 'connectionState', 'connected');
    expect(settle(log.events)['turn']!.reason).toMatch(/Keep iceTransportPolicy: 'relay'/);
  });

  it('big-message: some bytes are not all of them', () => {
    const log = new LogBuilder().started();
    mark(log, 'big-message');
    log.pc(1).pc(2).channel(1, 1, 'local', 'photo').channel(2, 2, 'remote', 'photo').message(2, 2, 'received', null, 16384);
    expect(settle(log.events)['big-message']).toMatchObject({ status: 'failed', reason: expect.stringMatching(/^16384 of 1048576 bytes arrived so far/) });
  });

  it('echo: a preview that plays muted passes even when an earlier case failed', () => {
    const log = new LogBuilder().started();
    mark(log, 'order');
    log.log('✗ [order] Error: something', 'error');
    mark(log, 'echo');
    log.push({ type: 'media', element: 'video#preview', event: 'playing', detail: { muted: true, videoWidth: 640, videoHeight: 480, microphone: true } });
    expect(settle(log.events)['echo']).toMatchObject({ status: 'passed', reason: 'video#preview plays muted.' });
  });
});
