/**
 * Signaller capacity: PeerJS-protocol clients ramp to 10,000 concurrent
 * connections with heartbeats, then OFFER/CANDIDATE messages flow between
 * random pairs at 2,000 per second, timed from send to arrival. The same run
 * against the stock `peer` server with its default options is the baseline.
 *
 *   npm run bench -- signaller
 *   BENCH_PEERS=2000 BENCH_RATE=500 BENCH_SECONDS=5 npm run bench -- signaller
 *
 * Each server runs as its own child process (its memory is its own); the
 * clients all live in this process, whose open-file limit must allow them
 * (`ulimit -n`).
 */
import type { BenchRow } from './types.ts';
import { closeClients, connectClients, heartbeats, measureLatency, startServerChild, type Latency } from './signaller/load.ts';

const PEERS = Number(process.env.BENCH_PEERS ?? 10_000);
const RATE = Number(process.env.BENCH_RATE ?? 2_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

/** The latency comparison runs at the same load on both servers: as many peers as the stock one holds by default. */
const SAME_LOAD = Number(process.env.BENCH_SAME_LOAD ?? 5_000);

interface Run {
  held: number;
  refused: number;
  rampSeconds: number;
  rssMb: number;
  /** At every peer the server held. */
  latency: Latency;
  /** With SAME_LOAD peers connected, for the comparison. */
  latencySameLoad: Latency;
}

async function run(script: string): Promise<Run> {
  const server = await startServerChild(script);
  try {
    const started = performance.now();
    const { open, refused } = await connectClients(server, PEERS);
    const rampSeconds = (performance.now() - started) / 1000;
    let stopHeartbeats = heartbeats(open);
    try {
      // Settle, so the memory figure is the steady state of that many peers.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      await measureLatency(open, RATE, 1); // warm-up: JIT and buffers, not measured
      const latency = await measureLatency(open, RATE, SECONDS);
      const rssMb = server.rssMb();
      // Down to the common load, heartbeats and all, then the same measurement again.
      stopHeartbeats();
      await closeClients(open.slice(SAME_LOAD));
      const kept = open.slice(0, SAME_LOAD);
      stopHeartbeats = heartbeats(kept);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const latencySameLoad = await measureLatency(kept, RATE, SECONDS);
      return { held: open.length, refused, rampSeconds, rssMb, latency, latencySameLoad };
    } finally {
      stopHeartbeats();
      await closeClients(open);
    }
  } finally {
    await server.stop();
  }
}

export async function bench(): Promise<BenchRow[]> {
  const stock = await run('./stock.ts');
  const ours = await run('./ours.ts');
  const base = (value: number) => ({ name: 'stock peer', value });
  const delivered = (l: Latency) => (100 * l.received) / Math.max(1, l.sent);
  console.error(`signaller: ours ${JSON.stringify(ours)}\nsignaller: stock ${JSON.stringify(stock)}`);
  return [
    { name: `peers held (of ${PEERS}; stock refuses past its default concurrent_limit)`, value: ours.held, unit: 'peers', target: `${PEERS}`, baseline: base(stock.held) },
    { name: `ramp to ${PEERS} peers`, value: ours.rampSeconds, unit: 's', baseline: base(stock.rampSeconds) },
    { name: `relay p50 at ${RATE}/s, ${SAME_LOAD} peers each`, value: ours.latencySameLoad.p50, unit: 'ms', baseline: base(stock.latencySameLoad.p50) },
    { name: `relay p99 at ${RATE}/s, ${SAME_LOAD} peers each`, value: ours.latencySameLoad.p99, unit: 'ms', target: '≤ 1.1× stock', baseline: base(stock.latencySameLoad.p99) },
    { name: `relay p50 at ${RATE}/s, all peers held`, value: ours.latency.p50, unit: 'ms', baseline: base(stock.latency.p50) },
    { name: `relay p99 at ${RATE}/s, all peers held`, value: ours.latency.p99, unit: 'ms', target: '< 10 ms', baseline: base(stock.latency.p99) },
    { name: 'messages delivered', value: Math.min(delivered(ours.latency), delivered(ours.latencySameLoad)), unit: '%', target: '100', baseline: base(Math.min(delivered(stock.latency), delivered(stock.latencySameLoad))) },
    { name: 'server memory (RSS) with all peers held', value: ours.rssMb, unit: 'MB', target: '< 300 MB', baseline: base(stock.rssMb) },
  ];
}
