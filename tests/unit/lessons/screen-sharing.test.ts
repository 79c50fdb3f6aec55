/**
 * Lesson 12's checks over logs shaped like the runtime's: getStats samples in
 * which one outbound video stream's media-source track changes (replaceTrack),
 * renegotiation (a second createOffer, a late negotiationneeded), and the
 * receiver's decoded frames.
 */
import { describe, expect, it } from 'vitest';
import checks, { firstSwap } from '../../../lessons/12-screen-sharing/checks.ts';
import { evaluateChecks } from '../../../sandbox/checks/runner.ts';
import type { CheckResult } from '../../../sandbox/checks/types.ts';
import type { PlaygroundEvent, UnstampedEvent } from '../../../sandbox/log/events.ts';

const OFFER = { type: 'offer', sdp: 'v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=mid:0\r\n' };
const ANSWER = { type: 'answer', sdp: 'v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=mid:0\r\n' };

let call = 0;
function calls(pc: number, method: 'createOffer' | 'setLocalDescription' | 'setRemoteDescription', arg?: object): UnstampedEvent[] {
  call += 1;
  return [
    { type: 'pc.call', pc, call, method, args: arg ? [arg as never] : [], t: 0 },
    { type: 'pc.result', pc, call, method, ok: true, t: 0 },
  ];
}

const FIRST_EXCHANGE: UnstampedEvent[] = [
  { type: 'pc.created', pc: 1, label: 'pc 1', configuration: {}, t: 0 },
  { type: 'pc.created', pc: 2, label: 'pc 2', configuration: {}, t: 0 },
  { type: 'pc.event', pc: 1, name: 'negotiationneeded', detail: {}, t: 0 },
  ...calls(1, 'createOffer'),
  ...calls(1, 'setLocalDescription', OFFER),
  ...calls(2, 'setRemoteDescription', OFFER),
  ...calls(2, 'setLocalDescription', ANSWER),
  ...calls(1, 'setRemoteDescription', ANSWER),
];

/** pc 1's sender sample: outbound stream `stream` fed by `track`. */
const sent = (track: string, stream = 'OT01V1'): UnstampedEvent => ({
  type: 'pc.stats',
  pc: 1,
  report: {
    [stream]: { id: stream, type: 'outbound-rtp', kind: 'video', mediaSourceId: `SV-${track}` },
    [`SV-${track}`]: { id: `SV-${track}`, type: 'media-source', kind: 'video', trackIdentifier: track },
  },
  t: 0,
});
const received = (frames: number): UnstampedEvent => ({
  type: 'pc.stats',
  pc: 2,
  report: { IT01V: { id: 'IT01V', type: 'inbound-rtp', kind: 'video', framesDecoded: frames } },
  t: 0,
});
const surface = (value: unknown): UnstampedEvent => ({ type: 'report', name: 'displaySurface', value: value as never, t: 0 });

function log(...events: UnstampedEvent[]): PlaygroundEvent[] {
  return [...FIRST_EXCHANGE, ...events].map((event, seq) => ({ ...event, seq, t: seq * 10 }) as PlaygroundEvent);
}

function settle(events: readonly PlaygroundEvent[]): Record<string, CheckResult> {
  return Object.fromEntries(evaluateChecks(checks, events, [], true).map((r) => [r.id, r]));
}

const CAMERA = 'camera-0000-track';
const SCREEN = 'screen-1111-track';

describe('lesson 12 checks', () => {
  it("all pass for a swap on the same stream that the receiver keeps decoding", () => {
    const results = settle(log(sent(CAMERA), received(30), sent(CAMERA), received(60), surface('monitor'), sent(SCREEN), received(90), sent(SCREEN), received(120)));
    expect(Object.values(results).map((r) => r.status)).toEqual(['passed', 'passed', 'passed', 'passed']);
    expect(results['track-replaced']?.reason).toBe("pc 1's video stream OT01V1 switched from track camera-0… to screen-1….");
    expect(results['remote-kept-playing']?.reason).toBe('pc 2 decoded 60 more frames after the swap (120 in all).');
  });

  it('remove + add with renegotiation fails: a new stream is no swap, and the second offer is named', () => {
    const results = settle(
      log(sent(CAMERA), received(30), surface('monitor'), { type: 'pc.event', pc: 1, name: 'negotiationneeded', detail: {}, t: 0 }, ...calls(1, 'createOffer'), sent(SCREEN, 'OT02V2'), received(60)),
    );
    expect(results['display-surface']?.status).toBe('passed');
    expect(results['track-replaced']).toMatchObject({ status: 'failed' });
    expect(results['track-replaced']?.reason).toMatch(/new sender/);
    expect(results['no-renegotiation']?.reason).toMatch(/^negotiationneeded fired on pc 1 after the first exchange/);
    expect(results['remote-kept-playing']?.status).toBe('failed');
  });

  it('a second createOffer alone is caught too', () => {
    expect(settle(log(sent(CAMERA), ...calls(1, 'createOffer'), sent(SCREEN)))['no-renegotiation']?.reason).toMatch(/called createOffer\(\) again/);
  });

  it('the displaySurface report must be one getSettings() can give', () => {
    expect(settle(log(surface('screen')))['display-surface']?.reason).toMatch(/reported as "screen"/);
    expect(settle(log())['display-surface']?.reason).toMatch(/playground\.report\('displaySurface'/);
  });

  it('a receiver that stopped decoding after the swap does not pass', () => {
    const results = settle(log(sent(CAMERA), received(60), sent(SCREEN), received(60), received(60)));
    expect(results['track-replaced']?.status).toBe('passed');
    expect(results['remote-kept-playing']?.status).toBe('failed');
  });

  it('firstSwap ignores samples without a source track (a removed sender)', () => {
    expect(firstSwap(log(sent(CAMERA), { type: 'pc.stats', pc: 1, report: { OT01V1: { id: 'OT01V1', type: 'outbound-rtp', kind: 'video' } }, t: 0 }))).toBeNull();
  });
});
