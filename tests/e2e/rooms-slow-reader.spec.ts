// The WebSocket rooms against a member that stops reading: 10 rooms, each
// with one member that never reads and 5 members sending it messages of
// almost 64 KiB (10 a second each, under the limits). Once the kernel's
// socket buffers were full, everything relayed to the deaf member waited in
// the server, without end. Meanwhile two honest members of another room must
// still pass a message.
import { test, expect } from '@playwright/test';
import { WebSocket } from 'ws';
import { E2E_PORT } from './support/ports.ts';
import { MiB } from './support/server-process.ts';
import { attackServer, HONEST_MS, MEMORY_LIMIT } from './support/memory-attack.ts';

const PORT = E2E_PORT + 3;
const ROOMS = 10;
const SENDERS_EACH = 5;
/** 8,000 messages of 64 KiB are 500 MB: relayed to members that do not read, it all stayed in the server. */
const ATTACK = { frames: 8_000, maxMs: 30_000 };
const ATTACKER = '127.0.0.2';

function join(room: string, localAddress = '127.0.0.1'): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${PORT}/rooms/${room}`, { localAddress });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** Two members of a fresh room: one sends, the other receives; resolves with the time it took. */
async function honestPair(tag: string): Promise<number> {
  const started = Date.now();
  const [a, b] = await Promise.all([join(`honest-${tag}`), join(`honest-${tag}`)]);
  try {
    const received = new Promise<string>((resolve) => b.once('message', (data) => resolve(String(data))));
    a.send('{"type":"offer"}');
    if ((await received) !== '{"type":"offer"}') throw new Error('wrong message');
    return Date.now() - started;
  } finally {
    a.close();
    b.close();
  }
}

async function deafRoom(index: number, until: () => boolean, sent: () => void): Promise<void> {
  const room = `deaf-${index}`;
  const deaf = await join(room, ATTACKER);
  (deaf as unknown as { _socket: { pause(): void } })._socket.pause();
  const message = Buffer.from('x'.repeat(64 * 1024 - 100));
  const send = async () => {
    while (!until()) {
      const sender = await join(room, ATTACKER).catch(() => null);
      sender?.on('error', () => {});
      while (sender && !until() && sender.readyState === WebSocket.OPEN) {
        if (sender.bufferedAmount < 4 * MiB) for (let i = 0; i < 2; i++, sent()) sender.send(message, { binary: false });
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      sender?.terminate();
    }
  };
  await Promise.all(Array.from({ length: SENDERS_EACH }, send));
  deaf.terminate();
}

test('a room member that does not read cannot make the server hold what is relayed to it', async () => {
  test.setTimeout(60_000);
  const result = await attackServer(PORT, ATTACK, Array.from({ length: ROOMS }, (_, i) => (stop, sent) => deafRoom(i, stop, sent)), honestPair);
  console.log(`rooms, slow readers: 64 KiB messages to ${ROOMS} members that do not read: ${result.summary}`);
  expect(result.peak - result.baseline).toBeLessThan(MEMORY_LIMIT);
  expect(result.frames).toBeGreaterThanOrEqual(ATTACK.frames * 0.75); // a busy machine may send fewer in the time
  expect(result.honestMs).toBeLessThan(HONEST_MS);
});
