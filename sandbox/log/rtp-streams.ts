/**
 * RTP streams as the runtime's getStats() samples saw them (one `pc.stats`
 * event a second while connected), for checks that compare a learner's own
 * numbers with the harness's: the bytes an outbound stream had sent at any
 * moment (interpolated between samples), its rate over an interval, and the
 * gauges (RTT, jitter, loss) near a moment. Times are the stats objects' own
 * `timestamp` (milliseconds, the page's clock), the same clock the learner's
 * getStats() reports carry, so both sides' intervals line up. Pure.
 */
import type { PlaygroundEvent } from './events.ts';
import { num, statById, statsOfType, str, type Stat } from '../../site/src/inspector/stats/report.ts';
import { selectedPair } from '../../site/src/inspector/stats/series.ts';

export interface StreamSample {
  /** The stats object's timestamp (ms). */
  timestamp: number;
  /** The log time of the pc.stats event it came from. */
  t: number;
  seq: number;
  stat: Stat;
}

export interface RtpStream {
  pc: number;
  /** The stats id, e.g. "OT01V1234" (stable for the stream's life). */
  id: string;
  kind: string;
  /** The simulcast layer's rid, when the stream has one. */
  rid: string | null;
  samples: StreamSample[];
}

/** Every RTP stream of this type (outbound-rtp, inbound-rtp, remote-inbound-rtp), per connection, samples in log order. */
export function rtpStreams(events: readonly PlaygroundEvent[], type: 'outbound-rtp' | 'inbound-rtp' | 'remote-inbound-rtp', kind?: string): RtpStream[] {
  const streams = new Map<string, RtpStream>();
  for (const event of events) {
    if (event.type !== 'pc.stats') continue;
    for (const stat of statsOfType(event.report, type)) {
      const id = str(stat, 'id');
      const timestamp = num(stat, 'timestamp');
      const streamKind = str(stat, 'kind') ?? str(stat, 'mediaType') ?? '';
      if (id === null || timestamp === null || (kind !== undefined && streamKind !== kind)) continue;
      const key = `${event.pc}:${id}`;
      let stream = streams.get(key);
      if (!stream) {
        stream = { pc: event.pc, id, kind: streamKind, rid: str(stat, 'rid'), samples: [] };
        streams.set(key, stream);
      }
      stream.samples.push({ timestamp, t: event.t, seq: event.seq, stat });
    }
  }
  return [...streams.values()];
}

/** A counter (e.g. bytesSent) at `timestamp`, interpolated between the two samples around it; null outside the samples. */
export function counterAt(stream: RtpStream, key: string, timestamp: number): number | null {
  const { samples } = stream;
  for (let i = 0; i < samples.length; i++) {
    const after = samples[i] as StreamSample;
    const valueAfter = num(after.stat, key);
    if (valueAfter === null) continue;
    if (after.timestamp === timestamp) return valueAfter;
    if (after.timestamp < timestamp || i === 0) continue;
    const before = samples[i - 1] as StreamSample;
    const valueBefore = num(before.stat, key);
    if (valueBefore === null || before.timestamp > timestamp) return null;
    return valueBefore + ((valueAfter - valueBefore) * (timestamp - before.timestamp)) / (after.timestamp - before.timestamp);
  }
  return null;
}

/** Bits per second the stream sent between two timestamps (from its bytesSent), or null when the samples do not cover them. */
export function bitrateBetween(stream: RtpStream, from: number, to: number): number | null {
  if (!(to > from)) return null;
  const start = counterAt(stream, 'bytesSent', from);
  const end = counterAt(stream, 'bytesSent', to);
  return start === null || end === null ? null : ((end - start) * 8 * 1000) / (to - from);
}

/** The rate between each pair of successive samples (bits per second), stamped with the later sample. */
export function bitrates(stream: RtpStream): Array<{ from: number; to: number; t: number; bitsPerSecond: number }> {
  const out: Array<{ from: number; to: number; t: number; bitsPerSecond: number }> = [];
  for (let i = 1; i < stream.samples.length; i++) {
    const a = stream.samples[i - 1] as StreamSample;
    const b = stream.samples[i] as StreamSample;
    const rate = bitrateBetween(stream, a.timestamp, b.timestamp);
    if (rate !== null && rate >= 0) out.push({ from: a.timestamp, to: b.timestamp, t: b.t, bitsPerSecond: rate });
  }
  return out;
}

/** The codec mimeType ("video/VP9") a stream's latest sample names through its codecId, from the same report. */
export function codecOf(events: readonly PlaygroundEvent[], stream: RtpStream): string | null {
  const last = stream.samples.at(-1);
  if (!last) return null;
  const event = events.find((e) => e.type === 'pc.stats' && e.seq === last.seq);
  return event?.type === 'pc.stats' ? str(statById(event.report, last.stat['codecId']), 'mimeType') : null;
}

/**
 * Round-trip times (seconds) the harness saw, with the sample's timestamp:
 * RTCP's (remote-inbound-rtp roundTripTime) and ICE's (the selected
 * candidate-pair's currentRoundTripTime), from every connection.
 */
export function roundTripTimes(events: readonly PlaygroundEvent[]): Array<{ timestamp: number; seconds: number; source: string }> {
  const out: Array<{ timestamp: number; seconds: number; source: string }> = [];
  for (const event of events) {
    if (event.type !== 'pc.stats') continue;
    for (const stat of statsOfType(event.report, 'remote-inbound-rtp')) {
      const rtt = num(stat, 'roundTripTime');
      const at = timestampOf(event.report);
      if (rtt !== null && at !== null) out.push({ timestamp: at, seconds: rtt, source: 'remote-inbound-rtp' });
    }
    const pair: Stat | null = selectedPair(event);
    const rtt = num(pair, 'currentRoundTripTime');
    const at = num(pair, 'timestamp');
    if (rtt !== null && at !== null) out.push({ timestamp: at, seconds: rtt, source: 'candidate-pair' });
  }
  return out;
}

/** When the report was taken: remote-inbound-rtp's own timestamp is when the RTCP report arrived, so read another object's. */
function timestampOf(report: Record<string, unknown>): number | null {
  for (const value of Object.values(report)) {
    const stat = value as Stat | null;
    if (stat && typeof stat === 'object' && stat['type'] !== 'remote-inbound-rtp' && typeof stat['timestamp'] === 'number') return stat['timestamp'];
  }
  return null;
}
