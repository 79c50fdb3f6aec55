// A peer that stops reading its socket must not make the signaller hold
// everything sent to it: 20 receivers that never read, each sent OFFERs of
// almost 64 KiB by 5 senders (10 a second each, under the limits). Once the
// kernel's socket buffers are full, everything relayed to them waited in the
// server: about 3 MB a second per receiver, without end. Meanwhile two honest
// peers must still exchange an OFFER.
import { test, expect } from '@playwright/test';
import { WebSocket } from 'ws';
import { openPeer } from './support/peerjs-client.ts';
import { E2E_PORT } from './support/ports.ts';
import { MiB } from './support/server-process.ts';
import { attackServer, HONEST_MS, MEMORY_LIMIT } from './support/memory-attack.ts';

const PORT = E2E_PORT + 3;
const RECEIVERS = 20;
const SENDERS_EACH = 5;
/** 8,000 frames of 64 KiB are 500 MB: relayed to sockets that do not read, all of it stays in the server. */
const ATTACK = { frames: 8_000, maxMs: 30_000 };
const ATTACKER = '127.0.0.2';

/** A receiver that stops reading at once, and senders that fill it (2 frames every 200 ms each). */
async function deafPeer(index: number, until: () => boolean, sent: () => void): Promise<void> {
  const receiver = await openPeer(PORT, `deaf-${index}`, ATTACKER);
  (receiver as unknown as { _socket: { pause(): void } })._socket.pause();
  const frame = Buffer.from(JSON.stringify({ type: 'OFFER', dst: `deaf-${index}`, payload: { sdp: 'x'.repeat(64 * 1024 - 200) } }));
  // A sender the server closes (frames it read in a burst can cross 1 MiB a second) comes back.
  const send = async (n: number) => {
    for (let round = 0; !until(); round++) {
      const sender = await openPeer(PORT, `loud-${index}-${n}-${round}`, ATTACKER).catch(() => null);
      while (sender && !until() && sender.readyState === WebSocket.OPEN) {
        if (sender.bufferedAmount < 4 * MiB) for (let i = 0; i < 2; i++, sent()) sender.send(frame, { binary: false });
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      sender?.terminate();
    }
  };
  await Promise.all(Array.from({ length: SENDERS_EACH }, (_, n) => send(n)));
  receiver.terminate();
}

test('a peer that does not read cannot make the signaller hold what is relayed to it', async () => {
  test.setTimeout(60_000);
  const result = await attackServer(PORT, ATTACK, Array.from({ length: RECEIVERS }, (_, i) => (stop, sent) => deafPeer(i, stop, sent)));
  console.log(`slow readers: 64 KiB frames to ${RECEIVERS} peers that do not read: ${result.summary}`);
  expect(result.peak - result.baseline).toBeLessThan(MEMORY_LIMIT);
  expect(result.frames).toBeGreaterThanOrEqual(ATTACK.frames * 0.75); // a busy machine may send fewer in the time
  expect(result.honestMs).toBeLessThan(HONEST_MS);
});
