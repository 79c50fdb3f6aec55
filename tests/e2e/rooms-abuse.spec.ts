// The polling rooms against the misuse seen in the wild: a thousand parked
// long-polls on made-up room names, eight made-up senders filling a room, and
// an oversized message. New rooms must keep opening, a room must not stay
// locked for minutes, the size error must name the room message and its
// limit, and the server's memory must stay within 300 MB of where it started.
import { request as httpRequest } from 'node:http';
import { test, expect } from '@playwright/test';
import { E2E_PORT } from './support/ports.ts';
import { MiB, peakOf, startServerProcess } from './support/server-process.ts';

const PORT = E2E_PORT + 3;

interface Reply {
  status: number;
  body: { error?: string; messages?: unknown[]; seq?: number };
}

/** One request to the rooms, from a chosen loopback address; resolves when answered (or the socket dies: status 0). */
function roomRequest(port: number, method: 'GET' | 'POST', path: string, body?: unknown, localAddress = '127.0.0.1'): Promise<Reply> {
  return new Promise((resolve) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = httpRequest(
      { host: '127.0.0.1', port, method, path, localAddress, agent: false, headers: payload ? { 'Content-Type': 'application/json' } : {} },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as Reply['body']) : {} }));
        res.on('error', () => resolve({ status: 0, body: {} }));
      },
    );
    req.on('error', () => resolve({ status: 0, body: {} }));
    req.end(payload);
  });
}

test('parked long-polls on made-up rooms do not stop new rooms from opening', async () => {
  test.setTimeout(60_000);
  const server = await startServerProcess(PORT);
  const port = server.ports.site;
  try {
    const baseline = server.rss();
    const peak = peakOf(() => server.rss());
    // 1,100 long-polls from three addresses (each under the per-address connection cap).
    const parked = Array.from({ length: 1_100 }, (_, i) =>
      roomRequest(port, 'GET', `/rooms/ghost-${i}/messages?after=0&wait=20`, undefined, `127.0.0.${2 + (i % 3)}`),
    );
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const posted = await roomRequest(port, 'POST', '/rooms/honest-room/messages', { from: 'a', data: { type: 'offer' } });
    const polled = await roomRequest(port, 'GET', '/rooms/honest-room/messages?after=0&wait=1');
    const fresh = await roomRequest(port, 'GET', '/rooms/another-honest-room/messages?after=0&wait=0.5');
    const highest = peak.stop();
    console.log(
      `rooms: 1,100 parked long-polls; new room POST ${posted.status} ${JSON.stringify(posted.body)}, GET ${polled.status}, ` +
        `GET on a new room ${fresh.status}; RSS ${(baseline / MiB).toFixed(0)} → peak ${(highest / MiB).toFixed(0)} MiB`,
    );
    expect(posted.status).toBe(201);
    expect([polled.status, polled.body.messages?.length]).toEqual([200, 1]);
    expect(fresh.status).toBe(200);
    expect(highest - baseline).toBeLessThan(300 * MiB);
    const answered = await Promise.all(parked);
    expect(answered.filter((r) => r.status === 200).length).toBe(1_100); // each answered after its 20 s wait
  } finally {
    await server.stop();
  }
});

test('made-up senders cannot lock a room for minutes, and a too-large message names its real limit', async () => {
  test.setTimeout(60_000);
  const server = await startServerProcess(PORT);
  const port = server.ports.site;
  try {
    for (let i = 1; i <= 8; i++) {
      expect((await roomRequest(port, 'POST', '/rooms/locked/messages', { from: `made-up-${i}`, data: i }, '127.0.0.2')).status).toBe(201);
    }
    const started = Date.now();
    let reply = await roomRequest(port, 'POST', '/rooms/locked/messages', { from: 'honest', data: { type: 'offer' } });
    expect(reply.status).toBe(409);
    while (reply.status === 409 && Date.now() - started < 40_000) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      reply = await roomRequest(port, 'POST', '/rooms/locked/messages', { from: 'honest', data: { type: 'offer' } });
    }
    const lockedFor = Date.now() - started;
    const big = await roomRequest(port, 'POST', '/rooms/big/messages', { from: 'a', data: 'x'.repeat(70 * 1024) });
    console.log(`rooms: locked by 8 made-up senders for ${(lockedFor / 1000).toFixed(1)} s (then ${reply.status}); 70 KiB POST: ${big.status} ${big.body.error}`);
    expect(reply.status).toBe(201);
    expect(lockedFor).toBeLessThan(40_000);
    expect(big.status).toBe(413);
    expect(big.body.error).toMatch(/room message/);
    expect(big.body.error).toContain('64 KiB');
    expect(big.body.error).not.toMatch(/run/);
  } finally {
    await server.stop();
  }
});
