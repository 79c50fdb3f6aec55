/**
 * Lesson 11's checks over logs shaped like the runtime's: two connections
 * exchanging an offer and an answer whose m-sections carry the directions a
 * learner's code produces, the track events, stats and media events.
 */
import { describe, expect, it } from 'vitest';
import checks from '../../../lessons/11-tracks-and-transceivers/checks.ts';
import { evaluateChecks } from '../../../sandbox/checks/runner.ts';
import type { CheckResult } from '../../../sandbox/checks/types.ts';
import type { PlaygroundEvent, UnstampedEvent } from '../../../sandbox/log/events.ts';

function sdp(sections: Array<[kind: string, direction: string]>): string {
  const head = ['v=0', 'o=- 1 2 IN IP4 127.0.0.1', 's=-', 't=0 0', `a=group:BUNDLE ${sections.map((_, i) => i).join(' ')}`];
  const body = sections.flatMap(([kind, direction], i) => [`m=${kind} 9 UDP/TLS/RTP/SAVPF 111`, 'c=IN IP4 0.0.0.0', `a=mid:${i}`, `a=${direction}`]);
  return [...head, ...body, ''].join('\r\n');
}

/** A log of the exchange: pc 1 offers `offer`, pc 2 answers `answer`; then whatever `extra` adds. */
function exchange(offer: Array<[string, string]>, answer: Array<[string, string]>, extra: UnstampedEvent[] = []): PlaygroundEvent[] {
  const o = { type: 'offer', sdp: sdp(offer) };
  const a = { type: 'answer', sdp: sdp(answer) };
  let call = 0;
  const apply = (pc: number, method: 'setLocalDescription' | 'setRemoteDescription', description: { type: string; sdp: string }): UnstampedEvent[] => {
    call += 1;
    return [
      { type: 'pc.call', pc, call, method, args: [description], t: 0 },
      { type: 'pc.result', pc, call, method, ok: true, t: 0 },
    ];
  };
  const list: UnstampedEvent[] = [
    { type: 'pc.created', pc: 1, label: 'pc 1', configuration: {}, t: 0 },
    { type: 'pc.created', pc: 2, label: 'pc 2', configuration: {}, t: 0 },
    ...apply(1, 'setLocalDescription', o),
    ...apply(2, 'setRemoteDescription', o),
    ...apply(2, 'setLocalDescription', a),
    ...apply(1, 'setRemoteDescription', a),
    ...extra,
  ];
  return list.map((event, seq) => ({ ...event, seq, t: seq * 10 }) as PlaygroundEvent);
}

const track = (pc: number, kind: string): UnstampedEvent => ({ type: 'pc.event', pc, name: 'track', detail: { kind, trackId: `${kind}-${pc}`, streamIds: ['s'], mid: null }, t: 0 });
const decoded = (pc: number, frames: number): UnstampedEvent => ({
  type: 'pc.stats',
  pc,
  report: { IT01V: { id: 'IT01V', type: 'inbound-rtp', kind: 'video', framesDecoded: frames } },
  t: 0,
});
const playing = (element: string): UnstampedEvent => ({ type: 'media', element, event: 'playing', detail: { videoWidth: 640, videoHeight: 480, muted: true }, t: 0 });

const SOLUTION_OFFER: Array<[string, string]> = [['audio', 'sendrecv'], ['video', 'sendonly']];
const SOLUTION_ANSWER: Array<[string, string]> = [['audio', 'sendrecv'], ['video', 'recvonly']];
const ARRIVED = [track(2, 'audio'), track(2, 'video'), track(1, 'audio'), decoded(2, 120), playing('video#local'), playing('video#remote')];

function settle(events: readonly PlaygroundEvent[]): Record<string, CheckResult> {
  return Object.fromEntries(evaluateChecks(checks, events, [], true).map((r) => [r.id, r]));
}

describe('lesson 11 checks', () => {
  it("all pass for the solution's exchange", () => {
    const results = settle(exchange(SOLUTION_OFFER, SOLUTION_ANSWER, ARRIVED));
    expect(Object.values(results).map((r) => r.status)).toEqual(['passed', 'passed', 'passed', 'passed', 'passed']);
    expect(results['video-sendonly']?.reason).toBe('video (mid 1): sendonly in the offer, recvonly in the answer.');
  });

  it('the starting exchange (addTrack twice, pc2 sends nothing) fails both directions and says why', () => {
    const results = settle(exchange([['audio', 'sendrecv'], ['video', 'sendrecv']], [['audio', 'recvonly'], ['video', 'recvonly']], [track(2, 'audio'), track(2, 'video'), decoded(2, 50), playing('video#local')]));
    expect(results['audio-and-video-sections']?.status).toBe('passed');
    expect(results['audio-sendrecv']).toMatchObject({ status: 'failed' });
    expect(results['audio-sendrecv']?.reason).toMatch(/sendrecv in the offer but recvonly in the answer/);
    expect(results['video-sendonly']?.reason).toMatch(/^The video section of the offer is sendrecv; it should be sendonly\. .*addTransceiver/);
    expect(results['tracks-arrived']?.reason).toMatch(/pc 1 has had no audio track/);
    expect(results['remote-video-playing']?.reason).toMatch(/only video#local started playing/);
  });

  it('a missing video section and a refused one are named', () => {
    expect(settle(exchange([['audio', 'sendrecv']], [['audio', 'sendrecv']]))['audio-and-video-sections']?.reason).toMatch(/m-lines \[audio\], no video/);
    expect(settle(exchange(SOLUTION_OFFER, [['audio', 'sendrecv'], ['video', 'inactive']]))['video-sendonly']?.reason).toMatch(/inactive in the answer; it should be recvonly/);
  });

  it('nothing is judged before an offer was applied, and no frames means not playing', () => {
    const results = settle([{ type: 'pc.created', pc: 1, label: 'pc 1', configuration: {}, seq: 0, t: 0 }]);
    expect(Object.values(results).every((r) => r.status === 'failed' && r.reason.length > 0)).toBe(true);
    expect(results['audio-sendrecv']?.reason).toMatch(/No offer applied yet/);
    const noFrames = settle(exchange(SOLUTION_OFFER, SOLUTION_ANSWER, [playing('video#local'), playing('video#remote')]));
    expect(noFrames['remote-video-playing']?.reason).toMatch(/No video frames decoded/);
  });
});
