import { describe, expect, it } from 'vitest';
import checks, { REQUIRED } from '../../../lessons/01-the-moving-parts/checks.ts';
import { evaluateChecks } from '../../../sandbox/checks/runner.ts';
import type { CheckResult } from '../../../sandbox/checks/types.ts';
import type { Json, PlaygroundEvent } from '../../../sandbox/log/events.ts';
import { LogBuilder } from '../log/builder.ts';

/** What Chromium offers the playground's frame (http://127.0.0.1 is a secure context). */
const CHROMIUM = {
  RTCPeerConnection: true,
  RTCDataChannel: true,
  getUserMedia: true,
  getDisplayMedia: true,
  enumerateDevices: true,
  secureContext: true,
  WebSocket: true,
  AudioContext: true,
};

function run(reported: Record<string, Json>, features: Record<string, boolean> | null = CHROMIUM): PlaygroundEvent[] {
  const log = new LogBuilder().started();
  if (features) log.push({ type: 'features', features });
  for (const [name, value] of Object.entries(reported)) {
    log.push({ type: 'report', name, value }).log(`${name}: ${value ? 'yes' : 'no'}`);
  }
  return log.events;
}

function settle(events: readonly PlaygroundEvent[]): Record<string, CheckResult> {
  return Object.fromEntries(evaluateChecks(checks, events, [], true).map((r) => [r.id, r]));
}

describe('lesson 01 checks', () => {
  it('pass when every flag is reported as the browser has it', () => {
    const results = settle(run(CHROMIUM));
    expect(results['all-reported']).toMatchObject({ status: 'passed', reason: 'All 6 reported.' });
    expect(results['flags-correct']).toMatchObject({ status: 'passed', reason: 'All 8 reported flags match this browser.' });
  });

  it('fail for the starting files: two flags wrong, two missing', () => {
    // main.js in files/: getDisplayMedia looked up on navigator, the secure context judged by https: only.
    const results = settle(run({ RTCPeerConnection: true, getUserMedia: true, getDisplayMedia: false, secureContext: false }));
    expect(results['all-reported']).toMatchObject({ status: 'failed' });
    expect(results['all-reported']?.reason).toMatch(/^Not reported yet: RTCDataChannel, enumerateDevices\./);
    expect(results['flags-correct']?.status).toBe('failed');
    expect(results['flags-correct']?.reason).toBe(
      'getDisplayMedia is true here, not false (it lives on navigator.mediaDevices, like getUserMedia); ' +
        'secureContext is true here, not false (http://localhost and http://127.0.0.1 count as secure too: read window.isSecureContext).',
    );
  });

  it('compares with the runtime’s truth, not with a fixed answer', () => {
    const insecure = { ...CHROMIUM, getUserMedia: false, getDisplayMedia: false, enumerateDevices: false, secureContext: false };
    expect(settle(run(insecure, insecure))['flags-correct']?.status).toBe('passed');
    expect(settle(run(CHROMIUM, insecure))['flags-correct']?.status).toBe('failed');
  });

  it('takes the last report of a name, and wants booleans', () => {
    const events = run({ ...CHROMIUM, secureContext: 'yes' });
    expect(settle(events)['flags-correct']?.reason).toBe('secureContext was reported as "yes": report true or false.');
    const fixed = [...events, { seq: events.length, t: 99, type: 'report', name: 'secureContext', value: true } as PlaygroundEvent];
    expect(settle(fixed)['flags-correct']?.status).toBe('passed');
  });

  it('waits for the flags still missing, and for the runtime’s features', () => {
    const partial = evaluateChecks(checks, run({ RTCPeerConnection: true }), [], false);
    expect(partial[1]).toMatchObject({ status: 'pending', reason: `The 1 reported so far are right; still missing: ${REQUIRED.slice(1).join(', ')}.` });
    expect(evaluateChecks(checks, run(CHROMIUM, null), [], false)[1]?.reason).toMatch(/^Waiting for the playground/);
  });
});
