/**
 * A getStats() snapshot of every connected peer connection once a second, for
 * the inspector's graphs. Cheap on purpose: one timer for the whole frame,
 * running only while some connection is connected, one request in flight per
 * connection, and certificates' DER blobs left out.
 */
import type { Json } from '../../log/events.ts';
import { natives } from '../natives.ts';
import type { Recorder } from '../recorder.ts';

export const STATS_INTERVAL_MS = 1000;

export class StatsSampler {
  private readonly connected = new Map<RTCPeerConnection, number>();
  private readonly inFlight = new WeakSet<RTCPeerConnection>();
  private timer: number | null = null;
  private readonly recorder: Recorder;
  private readonly getStats: (this: RTCPeerConnection) => Promise<RTCStatsReport>;

  constructor(recorder: Recorder, getStats: (this: RTCPeerConnection) => Promise<RTCStatsReport>) {
    this.recorder = recorder;
    this.getStats = getStats;
  }

  watch(pc: RTCPeerConnection, n: number, connected: boolean): void {
    if (connected) this.connected.set(pc, n);
    else this.connected.delete(pc);
    if (this.connected.size && this.timer === null) this.timer = natives.setInterval(() => this.sample(), STATS_INTERVAL_MS);
    if (!this.connected.size) this.stop();
  }

  stop(): void {
    if (this.timer !== null) natives.clearInterval(this.timer);
    this.timer = null;
  }

  private sample(): void {
    for (const [pc, n] of this.connected) {
      if (pc.signalingState === 'closed') {
        this.watch(pc, n, false);
        continue;
      }
      if (this.inFlight.has(pc)) continue;
      this.inFlight.add(pc);
      this.getStats
        .call(pc)
        .then((report) => this.recorder.record({ type: 'pc.stats', pc: n, report: statsJson(report) }))
        .catch(() => {
          // A connection closing mid-request has no stats to give; the next tick tries again.
        })
        .finally(() => this.inFlight.delete(pc));
    }
  }
}

export function statsJson(report: RTCStatsReport): Record<string, Json> {
  const out: Record<string, Json> = {};
  report.forEach((stat: Record<string, unknown>) => {
    const copy: { [key: string]: Json } = {};
    for (const [key, value] of Object.entries(stat)) {
      if (key === 'base64Certificate') continue;
      if (value === undefined || typeof value === 'function') continue;
      copy[key] = value as Json;
    }
    out[String(stat.id)] = copy;
  });
  return out;
}
