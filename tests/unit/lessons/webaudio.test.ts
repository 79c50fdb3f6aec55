/**
 * Lesson 17's checks over logs the runtime recorded in Chromium (fixtures/17-*:
 * the fake microphone's beep through a WebAudio graph, pc.stats cut down to the
 * audio media-source and inbound-rtp), and edits of them for the other cases.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import checks, { MIN_LEVEL, receivedAudio, sentAudioTracks, sentLevel } from '../../../lessons/17-webaudio/checks.ts';
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

/** The log with every stats object of `type` changed by `edit`. */
function editStats(events: readonly PlaygroundEvent[], type: string, edit: (s: JsonObject) => JsonObject): PlaygroundEvent[] {
  return events.map((event) => {
    if (event.type !== 'pc.stats') return event;
    const report: Record<string, Json> = {};
    for (const [id, stat] of Object.entries(event.report)) report[id] = (stat as JsonObject)['type'] === type ? edit(stat as JsonObject) : stat;
    return { ...event, report };
  });
}

function withReport(events: readonly PlaygroundEvent[], value: Json): PlaygroundEvent[] {
  const last = events[events.length - 1] as PlaygroundEvent;
  return [...events, { type: 'report', name: 'remoteLevel', value, seq: last.seq + 1, t: last.t + 1 }];
}

describe('lesson 17 checks', () => {
  const solution = recorded('17-solution');
  const files = recorded('17-files');

  it('all pass for the recorded solution', () => {
    const results = settle(solution);
    expect(Object.values(results).map((r) => r.status)).toEqual(['passed', 'passed', 'passed', 'passed', 'passed']);
    expect(results['sends-webaudio']?.reason).toBe('pc 1 sends the track of a MediaStreamAudioDestinationNode.');
    expect(results['no-feedback']?.reason).toBe('audio#remote plays the remote stream muted.');
  });

  it('measures the sent level from the media-source energy, as Chromium recorded it', () => {
    expect(sentAudioTracks(solution)).toEqual([{ pc: 1, label: 'MediaStreamAudioDestinationNode' }]);
    const sent = sentLevel(solution);
    expect(sent?.pc).toBe(1);
    // The fake microphone beeps; WebRTC's energy-based level of it is about 0.5.
    expect(sent?.level).toBeGreaterThan(0.3);
    expect(sent?.level).toBeLessThan(0.8);
    expect(receivedAudio(solution).find((r) => r.pc === 2)?.decoded).toBeGreaterThanOrEqual(48_000);
  });

  it('the starting files fail: the raw microphone is sent, the remote stream is never played, the analyser hears nothing', () => {
    const results = settle(files);
    expect(results['sends-webaudio']).toMatchObject({ status: 'failed' });
    expect(results['sends-webaudio']?.reason).toContain('"Fake Default Audio Input", the microphone itself');
    // Sound does go out: the microphone beeps.
    expect(results['sound-sent']?.status).toBe('passed');
    // Recorded: packets arrive, yet Chromium decodes nothing with no element playing the stream.
    const received = receivedAudio(files).find((r) => r.pc === 2);
    expect(received?.packets).toBeGreaterThan(0);
    expect(received?.decoded).toBe(0);
    expect(results['remote-decoded']).toMatchObject({ status: 'failed' });
    expect(results['remote-decoded']?.reason).toContain('a media element plays it');
    expect(results['analyser-agrees']?.reason).toMatch(/^The analyser reports 0\.000 while 0\.\d\d is being sent/);
    expect(results['no-feedback']).toMatchObject({ status: 'failed', reason: expect.stringContaining('No <audio> element plays') });
  });

  it('a suspended AudioContext sends silence, and says so', () => {
    const silent = editStats(solution, 'media-source', (s) => ({ ...s, totalAudioEnergy: 0, audioLevel: 0 }));
    const results = settle(silent);
    expect(results['sound-sent']).toMatchObject({ status: 'failed', reason: expect.stringContaining('is the AudioContext running') });
    expect(results['analyser-agrees']?.status).toBe('failed');
    expect(sentLevel(silent)?.level).toBeLessThan(MIN_LEVEL);
  });

  it('the analyser must report a 0..1 sample level that agrees with the sent level', () => {
    expect(settle(withReport(solution, 255))['analyser-agrees']?.reason).toContain('not bytes or decibels');
    expect(settle(withReport(solution, -30))['analyser-agrees']?.reason).toContain('not bytes or decibels');
    expect(settle(withReport(solution, 'loud'))['analyser-agrees']?.reason).toContain('report a number');
    expect(settle(withReport(solution, 0.01))['analyser-agrees']?.reason).toContain('hears (almost) silence');
    expect(settle(withReport(solution, 0.3))['analyser-agrees']?.status).toBe('passed');
  });

  it('an unmuted element playing your own microphone fails at once', () => {
    const unmuted = solution.map((e) => (e.type === 'media' ? { ...e, detail: { muted: false } } : e));
    const [result] = evaluateChecks(checks, unmuted, [], false).filter((r) => r.id === 'no-feedback');
    expect(result).toMatchObject({ status: 'failed', reason: expect.stringContaining('audio#remote played unmuted') });
  });

  it('no audio track added: says how to add one', () => {
    const none = solution.filter((e) => !(e.type === 'pc.call' && e.method === 'addTrack'));
    expect(settle(none)['sends-webaudio']?.reason).toContain('No audio track was added');
  });
});
