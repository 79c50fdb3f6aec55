/**
 * The RTP stream helpers the getStats and codecs lessons compare learners'
 * numbers with: interpolation between the harness's samples, rates over any
 * interval inside them (and none outside), codecs through codecId, and RTTs
 * from both sources.
 */
import { describe, expect, it } from 'vitest';
import type { PlaygroundEvent } from '../../../sandbox/log/events.ts';
import { bitrateBetween, bitrates, codecOf, counterAt, roundTripTimes, rtpStreams } from '../../../sandbox/log/rtp-streams.ts';

/** pc 1 sends `bytes` at stats time `ts`, with a codec, an RTCP RTT and a selected pair. */
function sample(seq: number, ts: number, bytes: number): PlaygroundEvent {
  return {
    type: 'pc.stats',
    pc: 1,
    seq,
    t: seq * 1000,
    report: {
      OT1: { id: 'OT1', type: 'outbound-rtp', kind: 'video', rid: 'f', timestamp: ts, bytesSent: bytes, codecId: 'C98' },
      C98: { id: 'C98', type: 'codec', mimeType: 'video/VP9', timestamp: ts },
      RI1: { id: 'RI1', type: 'remote-inbound-rtp', kind: 'video', timestamp: ts - 400, roundTripTime: 0.002 },
      T1: { id: 'T1', type: 'transport', timestamp: ts, selectedCandidatePairId: 'CP1' },
      CP1: { id: 'CP1', type: 'candidate-pair', timestamp: ts, currentRoundTripTime: 0.001 },
    },
  };
}

const LOG = [sample(0, 10_000, 0), sample(1, 11_000, 50_000), sample(2, 12_000, 75_000)];

describe('rtp streams', () => {
  const [stream] = rtpStreams(LOG, 'outbound-rtp', 'video');

  it('groups samples per connection and id, with the rid', () => {
    expect(stream).toMatchObject({ pc: 1, id: 'OT1', kind: 'video', rid: 'f' });
    expect(stream?.samples.map((s) => s.timestamp)).toEqual([10_000, 11_000, 12_000]);
    expect(rtpStreams(LOG, 'outbound-rtp', 'audio')).toEqual([]);
  });

  it('interpolates a counter between samples and gives nothing outside them', () => {
    if (!stream) throw new Error('no stream');
    expect(counterAt(stream, 'bytesSent', 11_000)).toBe(50_000);
    expect(counterAt(stream, 'bytesSent', 10_500)).toBe(25_000);
    expect(counterAt(stream, 'bytesSent', 9_999)).toBeNull();
    expect(counterAt(stream, 'bytesSent', 12_001)).toBeNull();
  });

  it('measures bits per second over any interval the samples cover', () => {
    if (!stream) throw new Error('no stream');
    expect(bitrateBetween(stream, 10_500, 11_500)).toBe(((62_500 - 25_000) * 8 * 1000) / 1000);
    expect(bitrateBetween(stream, 11_500, 11_000)).toBeNull();
    expect(bitrates(stream).map((r) => r.bitsPerSecond)).toEqual([400_000, 200_000]);
  });

  it('names the codec through codecId, and reads RTT from RTCP and from the selected pair', () => {
    if (!stream) throw new Error('no stream');
    expect(codecOf(LOG, stream)).toBe('video/VP9');
    const rtts = roundTripTimes(LOG);
    expect(rtts.filter((r) => r.source === 'remote-inbound-rtp').map((r) => [r.timestamp, r.seconds])[0]).toEqual([10_000, 0.002]);
    expect(rtts.filter((r) => r.source === 'candidate-pair').map((r) => r.seconds)).toEqual([0.001, 0.001, 0.001]);
  });
});
