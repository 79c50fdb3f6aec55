/**
 * Hostile and broken PeerJS-protocol clients, for the fuzz test: every kind
 * of frame and socket behaviour a signaller on the internet meets. Each
 * worker loops until `until` and counts what it sent; sockets are opened
 * without an Origin header (as tools do), so the Origin check lets them in
 * and the gate behind it has to cope.
 */
import { connect, type Socket } from 'node:net';
import { WebSocket } from 'ws';
import { signallerUrl } from './peerjs-client.ts';

export interface FuzzTally {
  frames: number;
  sockets: number;
  halfOpen: number;
}

/** Small seeded generator, so a failing run can be repeated with the same seed. */
export function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

/** One hostile frame: text or binary, valid JSON or not, known type or not. */
export function hostileFrame(next: () => number): string | Buffer {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  // Half the frames flood a few absent ids (their queues fill), half spread over many.
  const id = next() < 0.5 ? `ghost-${Math.floor(next() * 8)}` : `ghost-${Math.floor(next() * 5000)}`;
  return pick<() => string | Buffer>([
    () => 'not json at all',
    () => '{"type":"OFFER","dst":',
    () => Buffer.from(Array.from({ length: 64 }, () => Math.floor(next() * 256))),
    () => JSON.stringify({ type: pick(['OPEN', 'ID-TAKEN', 'EXPIRE', '__proto__', 'constructor', 'HEARTBEAT2']), dst: id }),
    () => JSON.stringify({ type: 'OFFER', src: 'someone-else', dst: id, payload: { sdp: 'x'.repeat(Math.floor(next() * 2000)) } }),
    () => JSON.stringify({ type: 'CANDIDATE', dst: id, payload: { candidate: 'candidate:1 1 udp 1 1.2.3.4 9 typ host' } }),
    () => JSON.stringify({ type: 'ANSWER', dst: { $ne: null } }),
    () => JSON.stringify([{ type: 'OFFER' }]),
    () => '{"type":"LEAVE"}',
    () => JSON.stringify({ type: 'HEARTBEAT', payload: 'y'.repeat(Math.floor(next() * 4000)) }),
  ])();
}

function opened(ws: WebSocket): Promise<boolean> {
  return new Promise((resolve) => {
    ws.once('open', () => resolve(true));
    ws.once('error', () => resolve(false));
    ws.once('close', () => resolve(false));
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends bursts of hostile frames (some oversized), reconnecting whenever the server closes the socket. */
async function frameWorker(port: number, seed: number, until: number, tally: FuzzTally): Promise<void> {
  const next = random(seed);
  while (Date.now() < until) {
    const ws = new WebSocket(signallerUrl(port, `fuzz-${seed}-${tally.sockets}`, `t${seed}`));
    ws.on('error', () => {});
    tally.sockets++;
    if (!(await opened(ws))) {
      await pause(20);
      continue;
    }
    let bursts = 0;
    while (ws.readyState === WebSocket.OPEN && Date.now() < until) {
      // Most bursts stay under the rate limit; every 5th floods past it (1008).
      const size = ++bursts % 5 === 0 ? 250 : 20;
      for (let i = 0; i < size; i++) {
        // Now and then one frame past the 64 KiB cap: the server closes that socket (1009).
        ws.send(next() < 0.002 ? 'z'.repeat(70 * 1024) : hostileFrame(next));
        tally.frames++;
      }
      await pause(150);
    }
    ws.terminate();
  }
}

/** Floods a few absent ids with candidates, just under the rate limit, so their queues fill. */
async function floodWorker(port: number, seed: number, until: number, tally: FuzzTally): Promise<void> {
  while (Date.now() < until) {
    const ws = new WebSocket(signallerUrl(port, `flood-${seed}-${tally.sockets}`, `f${seed}`));
    ws.on('error', () => {});
    tally.sockets++;
    if (!(await opened(ws))) continue;
    while (ws.readyState === WebSocket.OPEN && Date.now() < until) {
      for (let i = 0; i < 15; i++) {
        ws.send(JSON.stringify({ type: 'CANDIDATE', dst: `absent-${seed}-${i % 3}`, payload: { candidate: `candidate:${i} 1 udp 1 10.0.0.1 9 typ host` } }));
        tally.frames++;
      }
      await pause(100);
    }
    ws.terminate();
  }
}

/** Connects, sometimes takes an honest peer's id, and leaves at once: connect/disconnect churn. */
async function churnWorker(port: number, seed: number, until: number, tally: FuzzTally, victims: () => string[]): Promise<void> {
  const next = random(seed);
  while (Date.now() < until) {
    const targets = victims();
    const id = targets.length > 0 && next() < 0.3 ? (targets[Math.floor(next() * targets.length)] as string) : `churn-${seed}-${tally.sockets}`;
    const ws = new WebSocket(signallerUrl(port, id, `guess${Math.floor(next() * 1e6)}`));
    ws.on('error', () => {});
    tally.sockets++;
    await opened(ws);
    if (next() < 0.5) ws.close();
    else ws.terminate();
    await pause(5);
  }
}

/** Opens TCP connections that send half an upgrade request and then say nothing. */
function halfOpen(port: number, count: number, tally: FuzzTally): Socket[] {
  return Array.from({ length: count }, (_, i) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(`GET /peerjs/peerjs?key=peerjs&id=half-${i}&token=t HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\n`);
    });
    socket.on('error', () => {});
    tally.halfOpen++;
    return socket;
  });
}

/**
 * Runs the whole hostile mix against the signaller for `durationMs`.
 * `victims` lists the honest peers' ids as they become known, for take-over attempts.
 */
export async function fuzzSignaller(port: number, durationMs: number, victims: () => string[] = () => []): Promise<FuzzTally> {
  const tally: FuzzTally = { frames: 0, sockets: 0, halfOpen: 0 };
  const until = Date.now() + durationMs;
  const idle = halfOpen(port, 50, tally);
  try {
    await Promise.all([
      ...[1, 2, 3, 4].map((seed) => frameWorker(port, seed, until, tally)),
      ...[11, 12].map((seed) => churnWorker(port, seed, until, tally, victims)),
      floodWorker(port, 21, until, tally),
    ]);
  } finally {
    for (const socket of idle) socket.destroy();
  }
  return tally;
}
