/**
 * The frame of a memory attack on the signaller or the rooms: start a server of the spec's own,
 * note its resident memory, run the attack while sampling that memory, and
 * have honest clients do their work in the middle of it. The attack
 * stops once its workers have sent `frames` frames (how fast depends on how
 * busy the machine is, so the attack is measured in frames, not seconds), after
 * `maxMs`, or at once when memory has grown by 1.5× the limit: the test has
 * failed by then, and the machine is shared.
 */
import { exchangeOffer } from './peerjs-client.ts';
import { metricsOf, MiB, peakOf, startServerProcess } from './server-process.ts';

export const MEMORY_LIMIT = 300 * MiB;
/**
 * How long the honest pair may take to connect and exchange an OFFER during an
 * attack. Under a second on an idle machine; on a shared two-core machine the
 * attacking clients and the server compete for the same cores (10 s was seen).
 */
export const HONEST_MS = 15_000;

export interface AttackResult {
  /** Frames the workers sent. */
  frames: number;
  elapsedMs: number;
  baseline: number;
  peak: number;
  honestMs: number;
  queueFullDrops: number;
  /** One line for the test's output. */
  summary: string;
}

/** One attacking socket (or pair): sends until `stop()`, calling `sent()` for each frame. */
export type AttackWorker = (stop: () => boolean, sent: () => void) => Promise<void>;

/** `honest` is what must keep working (by default two PeerJS peers exchange an OFFER); it resolves with the time it took. */
export async function attackServer(
  port: number,
  target: { frames: number; maxMs: number },
  workers: AttackWorker[],
  honest: (tag: string) => Promise<number> = (tag) => exchangeOffer(port, tag),
): Promise<AttackResult> {
  const server = await startServerProcess(port);
  try {
    await honest('warm-up');
    const baseline = server.rss();
    const peak = peakOf(() => server.rss());
    const started = Date.now();
    let frames = 0;
    const sent = () => void frames++;
    const stop = () => frames >= target.frames || Date.now() - started > target.maxMs || peak.peak - baseline > MEMORY_LIMIT * 1.5;
    const attack = Promise.all(workers.map((work) => work(stop, sent)));
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    // A failed exchange counts as never: the memory figures below are still worth seeing.
    const honestMs = await honest('during').catch(() => Infinity);
    await attack;
    const elapsedMs = Date.now() - started;
    const highest = peak.stop();
    const queueFullDrops = (await metricsOf(server.origin)).get('playground_signaller_messages_dropped_total{reason="queue-full"}') ?? 0;
    const summary =
      `${frames} frames in ${elapsedMs} ms; RSS ${(baseline / MiB).toFixed(0)} MiB → peak ${(highest / MiB).toFixed(0)} MiB; ` +
      `honest exchange in ${honestMs} ms; queue-full drops ${queueFullDrops}`;
    return { frames, elapsedMs, baseline, peak: highest, honestMs, queueFullDrops, summary };
  } finally {
    await server.stop();
  }
}
