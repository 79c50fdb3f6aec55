// Messages for absent peers are held by size as well as by count: 60 sockets
// sending OFFERs of almost 64 KiB each to made-up ids (each socket just under
// the rate limit) must not grow the server by more than 300 MB, and two honest
// peers must still exchange an OFFER meanwhile. Without a byte cap, 10,000
// queued messages of 64 KiB took the server past 2.5 GB.
import { test, expect } from '@playwright/test';
import { WebSocket } from 'ws';
import { exchangeOffer, signallerUrl } from './support/peerjs-client.ts';
import { E2E_PORT } from './support/ports.ts';
import { metricsOf, MiB, peakOf, startServerProcess } from './support/server-process.ts';

const PORT = E2E_PORT + 3;
const SOCKETS = 60;
const ATTACK_MS = 10_000;
const LIMIT = 300 * MiB;
const ATTACKER = '127.0.0.2';

/** One flooding socket: 10 frames every 100 ms (100/s, half the rate limit), to ids nobody owns; reconnects if closed. */
async function flood(index: number, until: () => boolean, closes: Map<number, number>): Promise<number> {
  const padding = 'x'.repeat(64 * 1024 - 200);
  // Prebuilt frames (text, sent from Buffers) keep the test process from becoming the bottleneck.
  const frames = Array.from({ length: 64 }, (_, i) =>
    Buffer.from(JSON.stringify({ type: 'OFFER', dst: `absent-${index}-${i}`, payload: { sdp: padding } })),
  );
  let sent = 0;
  for (let round = 0; !until(); round++) {
    const ws = new WebSocket(signallerUrl(PORT, `flood-${index}-${round}`), { localAddress: ATTACKER });
    ws.on('error', () => {});
    ws.on('close', (code) => closes.set(code, (closes.get(code) ?? 0) + 1));
    await new Promise((resolve) => {
      ws.once('open', resolve);
      ws.once('close', resolve);
    });
    while (!until() && ws.readyState === WebSocket.OPEN) {
      if (ws.bufferedAmount < 4 * MiB) for (let i = 0; i < 10; i++) ws.send(frames[sent++ % frames.length]!, { binary: false });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    ws.terminate();
  }
  return sent;
}

test('large messages to absent peers cannot grow the signaller past 300 MB', async () => {
  test.setTimeout(60_000);
  const server = await startServerProcess(PORT);
  try {
    await exchangeOffer(PORT, 'warm-up');
    const baseline = server.rss();
    const peak = peakOf(() => server.rss());
    const started = Date.now();
    // Stop early once the limit is crossed: the test has failed, and the machine is shared.
    const over = () => Date.now() - started > ATTACK_MS || peak.peak - baseline > LIMIT * 1.5;
    const closes = new Map<number, number>();
    const attack = Promise.all(Array.from({ length: SOCKETS }, (_, i) => flood(i, over, closes)));

    await new Promise((resolve) => setTimeout(resolve, 4_000));
    const honestMs = await exchangeOffer(PORT, 'during');
    const frames = (await attack).reduce((a, b) => a + b, 0);
    const highest = peak.stop();
    const samples = await metricsOf(server.origin);
    console.log(
      `queue bytes: ${frames} frames of 64 KiB from ${SOCKETS} sockets in ${Date.now() - started} ms; RSS ${(baseline / MiB).toFixed(0)} MiB → peak ${(highest / MiB).toFixed(0)} MiB; ` +
        `honest OFFER in ${honestMs} ms; queue-full drops ${samples.get('playground_signaller_messages_dropped_total{reason="queue-full"}')}; ` +
        `closes ${JSON.stringify(Object.fromEntries(closes))}`,
    );
    // 5,000 frames of 64 KiB are 320 MB: enough to cross the limit were they all held.
    expect(frames).toBeGreaterThan(5_000);
    expect(highest - baseline).toBeLessThan(LIMIT);
    expect(samples.get('playground_signaller_messages_dropped_total{reason="queue-full"}')).toBeGreaterThan(0);
    // Slow on a busy two-core machine (the server parses every flooding frame), but it gets through.
    expect(honestMs).toBeLessThan(10_000);
  } finally {
    await server.stop();
  }
});
