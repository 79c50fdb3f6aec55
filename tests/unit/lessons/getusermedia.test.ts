import { describe, expect, it } from 'vitest';
import checks, { unmet } from '../../../lessons/09-getusermedia/checks.ts';
import { evaluateChecks } from '../../../sandbox/checks/runner.ts';
import type { CheckResult } from '../../../sandbox/checks/types.ts';
import type { Json, PlaygroundEvent } from '../../../sandbox/log/events.ts';

// Recorded by the real runtime in Chromium with its fake camera (the lesson's
// solution, then its starting files), trimmed to the events the checks read
// (console lines and the features event left out; seq keeps its gaps).
const CONSTRAINTS: Json = {
  video: { width: { ideal: 640 }, height: { ideal: 480 }, frameRate: { ideal: 30, max: 30 } },
  audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true },
};
const SETTINGS: Json = {
  aspectRatio: 1.3333333333333333,
  deviceId: '155d54508bc22dcad96c88e6e62fe09ee46bfb6cd1572666646aa96e453a1faa',
  exposureMode: 'manual',
  exposureTime: 50,
  focusDistance: 50,
  focusMode: 'manual',
  frameRate: 20,
  groupId: 'beaafc6a81afcd8420132909e1a0bee63d0f79734350193d49d31d3a8a0aebb0',
  height: 480,
  resizeMode: 'none',
  width: 640,
};
const EXPLAINED = 'No device can meet the "width" constraint: make it an ideal value instead of exact, min or max.';

function solutionRun(): PlaygroundEvent[] {
  return [
    { type: 'run', status: 'started', seq: 0, t: 23.7 },
    { type: 'report', name: 'constraints', value: CONSTRAINTS, seq: 2, t: 72.4 },
    { type: 'report', name: 'settings', value: SETTINGS, seq: 4, t: 209.8 },
    { type: 'report', name: 'error:OverconstrainedError', value: EXPLAINED, seq: 6, t: 215 },
    { type: 'media', element: 'video#preview', event: 'playing', detail: { muted: true, videoWidth: 640, videoHeight: 480 }, seq: 7, t: 310.2 },
    { type: 'run', status: 'stopped', seq: 8, t: 7945.2 },
  ];
}

function startingRun(): PlaygroundEvent[] {
  return [
    { type: 'run', status: 'started', seq: 0, t: 61.4 },
    { type: 'report', name: 'constraints', value: CONSTRAINTS, seq: 2, t: 197.5 },
    { type: 'report', name: 'error:OverconstrainedError', value: 'Could not open the camera (OverconstrainedError).', seq: 5, t: 1000.9 },
    { type: 'run', status: 'stopped', seq: 6, t: 8463.5 },
  ];
}

function settle(events: readonly PlaygroundEvent[]): Record<string, CheckResult> {
  return Object.fromEntries(evaluateChecks(checks, events, [], true).map((r) => [r.id, r]));
}

/** The solution's run with one event replaced (matched by seq). */
function withEvent(seq: number, event: PlaygroundEvent): PlaygroundEvent[] {
  return solutionRun().map((e) => (e.seq === seq ? event : e));
}

describe('lesson 09 checks', () => {
  it('has the three goals of the lesson', () => {
    expect(checks.map((c) => c.id)).toEqual(['settings-meet-constraints', 'overconstrained-explained', 'preview-playing']);
  });

  it('all pass for the solution’s run (ideal 30 fps, the fake camera gives 20: a wish, not a demand)', () => {
    const results = settle(solutionRun());
    expect(Object.values(results).map((r) => r.status)).toEqual(['passed', 'passed', 'passed']);
    expect(results['settings-meet-constraints']?.reason).toBe('The camera gives 640×480 at 20 frames a second, as asked.');
    expect(results['preview-playing']?.reason).toBe('video#preview plays 640×480, muted.');
  });

  it('the starting files fail every check, each saying what is missing', () => {
    const results = settle(startingRun());
    expect(Object.values(results).map((r) => r.status)).toEqual(['failed', 'failed', 'failed']);
    expect(results['settings-meet-constraints']?.reason).toMatch(/^No settings reported yet/);
    expect(results['overconstrained-explained']?.reason).toBe(
      '"Could not open the camera (OverconstrainedError)." does not say which constraint failed: include error.constraint in the message for an OverconstrainedError.',
    );
    expect(results['preview-playing']?.reason).toMatch(/^The preview is not playing yet/);
  });

  it('fails settings that break an exact demand, naming the value', () => {
    const events = withEvent(2, {
      type: 'report',
      name: 'constraints',
      value: { video: { width: { exact: 1280 }, frameRate: { max: 15 } } },
      seq: 2,
      t: 72.4,
    });
    expect(settle(events)['settings-meet-constraints']).toMatchObject({
      status: 'failed',
      reason: 'width is 640, but exact 1280 was required; frameRate is 20, above the max 15.',
    });
  });

  it('accepts the video constraints reported on their own, and fails audio-track settings', () => {
    const bare = withEvent(2, { type: 'report', name: 'constraints', value: { width: { min: 320 } }, seq: 2, t: 72.4 });
    expect(settle(bare)['settings-meet-constraints']?.status).toBe('passed');
    const audio = withEvent(4, { type: 'report', name: 'settings', value: { echoCancellation: true, sampleRate: 48000 }, seq: 4, t: 209.8 });
    expect(settle(audio)['settings-meet-constraints']?.reason).toMatch(/report the settings of the video track/);
  });

  it('fails a preview that plays unmuted, and waits for one that has no size yet', () => {
    const loud = withEvent(7, { type: 'media', element: 'video#preview', event: 'playing', detail: { muted: false, videoWidth: 640, videoHeight: 480 }, seq: 7, t: 310 });
    expect(settle(loud)['preview-playing']?.reason).toBe('video#preview plays but is not muted: a local preview must be muted, or you hear yourself.');
    const empty = withEvent(7, { type: 'media', element: 'video#preview', event: 'playing', detail: { muted: true, videoWidth: 0, videoHeight: 0 }, seq: 7, t: 310 });
    expect(settle(empty)['preview-playing']?.status).toBe('failed');
  });

  it('fails an empty explanation', () => {
    const events = withEvent(6, { type: 'report', name: 'error:OverconstrainedError', value: '  ', seq: 6, t: 215 });
    expect(settle(events)['overconstrained-explained']?.reason).toMatch(/explanation is empty/);
  });
});

describe('unmet', () => {
  it('treats bare values and ideal as wishes', () => {
    expect(unmet('width', 1280, 640)).toBeNull();
    expect(unmet('width', { ideal: 1280 }, 640)).toBeNull();
  });

  it('allows half a frame of slack, so 30.00003 meets exact 30', () => {
    expect(unmet('frameRate', { exact: 30 }, 30.000030517578125)).toBeNull();
    expect(unmet('frameRate', { min: 24 }, 20)).toBe('frameRate is 20, below the min 24');
  });

  it('compares exact strings and reports a demanded value that is missing', () => {
    expect(unmet('facingMode', { exact: 'user' }, 'environment')).toBe('facingMode is environment, but exact "user" was required');
    expect(unmet('width', { min: 320 }, undefined)).toBe('width is missing from the settings');
  });
});
