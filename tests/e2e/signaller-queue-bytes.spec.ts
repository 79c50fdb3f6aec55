// Messages for absent peers are held by size as well as by count: 200 sockets
// sending OFFERs of almost 64 KiB each to made-up ids (each socket just under
// the limits: 10 a second, 640 KiB) must not grow the server by more than 300 MB, and two honest
// peers must still exchange an OFFER meanwhile. Without a byte cap, 10,000
// queued messages of 64 KiB took the server past 2.5 GB.
import { test, expect } from '@playwright/test';
import { WebSocket } from 'ws';
import { signallerUrl } from './support/peerjs-client.ts';
import { E2E_PORT } from './support/ports.ts';
import { MiB } from './support/server-process.ts';
import { attackServer, HONEST_MS, MEMORY_LIMIT } from './support/memory-attack.ts';

const PORT = E2E_PORT + 3;
const SOCKETS = 200;
/** 8,000 frames of 64 KiB are 500 MB: held as they arrive, they took the server 600 MB past its start. */
const ATTACK = { frames: 8_000, maxMs: 30_000 };
const ATTACKER = '127.0.0.2';

/** One flooding socket: 2 frames every 200 ms, to ids nobody owns; reconnects if closed. */
async function flood(index: number, until: () => boolean, sent: () => void, closes: Map<number, number>): Promise<void> {
  const padding = 'x'.repeat(64 * 1024 - 200);
  // Prebuilt frames (text, sent from Buffers) keep the test process from becoming the bottleneck.
  const frames = Array.from({ length: 64 }, (_, i) =>
    Buffer.from(JSON.stringify({ type: 'OFFER', dst: `absent-${index}-${i}`, payload: { sdp: padding } })),
  );
  let next = 0;
  for (let round = 0; !until(); round++) {
    const ws = new WebSocket(signallerUrl(PORT, `flood-${index}-${round}`), { localAddress: ATTACKER });
    ws.on('error', () => {});
    ws.on('close', (code) => closes.set(code, (closes.get(code) ?? 0) + 1));
    await new Promise((resolve) => {
      ws.once('open', resolve);
      ws.once('close', resolve);
    });
    while (!until() && ws.readyState === WebSocket.OPEN) {
      if (ws.bufferedAmount < 4 * MiB) {
        for (let i = 0; i < 2; i++, sent()) ws.send(frames[next++ % frames.length]!, { binary: false });
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    ws.terminate();
  }
}

test('large messages to absent peers cannot grow the signaller past 300 MB', async () => {
  test.setTimeout(60_000);
  const closes = new Map<number, number>();
  const result = await attackServer(PORT, ATTACK, Array.from({ length: SOCKETS }, (_, i) => (stop, sent) => flood(i, stop, sent, closes)));
  console.log(`queue bytes: 64 KiB frames from ${SOCKETS} sockets: ${result.summary}; closes ${JSON.stringify(Object.fromEntries(closes))}`);
  expect(result.peak - result.baseline).toBeLessThan(MEMORY_LIMIT);
  expect(result.frames).toBeGreaterThanOrEqual(ATTACK.frames * 0.75); // a busy machine may send fewer in the time
  expect(result.queueFullDrops).toBeGreaterThan(0);
  expect(result.honestMs).toBeLessThan(HONEST_MS);
});
