/**
 * How many video frames a connection decoded, sample by sample, as the
 * runtime's getStats sampler (pc.stats, about once a second while connected)
 * recorded them. Pure. Read loosely, so a report of any shape is safe.
 */
import type { PlaygroundEvent } from './events.ts';

export interface FramesSample {
  /** The most frames any inbound video stream of the connection had decoded at that sample. */
  framesDecoded: number;
  t: number;
  seq: number;
}

/** One entry per stats sample of connection `pc` that had an inbound video stream. */
export function decodedVideoFrames(events: readonly PlaygroundEvent[], pc: number): FramesSample[] {
  const samples: FramesSample[] = [];
  for (const e of events) {
    if (e.type !== 'pc.stats' || e.pc !== pc) continue;
    let most: number | null = null;
    for (const stat of Object.values(e.report)) {
      const s = stat as { type?: unknown; kind?: unknown; framesDecoded?: unknown } | null;
      if (s?.type === 'inbound-rtp' && s.kind === 'video' && typeof s.framesDecoded === 'number') most = Math.max(most ?? 0, s.framesDecoded);
    }
    if (most !== null) samples.push({ framesDecoded: most, t: e.t, seq: e.seq });
  }
  return samples;
}
