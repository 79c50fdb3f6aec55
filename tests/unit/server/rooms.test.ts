import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { isRoomName, rateLimiter } from '../../../signal-server/room-limits.ts';
import { startTestServer, type TestServer } from './helpers.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

interface Client {
  ws: WebSocket;
  received: string[];
  closed: Promise<{ code: number; reason: string }>;
}

function connect(room: string, headers: Record<string, string> = {}): Promise<Client> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.ports.site}/rooms/${room}`, { headers });
    const received: string[] = [];
    ws.on('message', (data) => received.push(data.toString()));
    const closed = new Promise<{ code: number; reason: string }>((done) =>
      ws.on('close', (code, reason) => done({ code, reason: reason.toString() })),
    );
    ws.once('open', () => resolve({ ws, received, closed }));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

const until = async (test: () => boolean) => {
  for (let i = 0; i < 100 && !test(); i++) await new Promise((r) => setTimeout(r, 10));
};

describe('room relay', () => {
  it('relays each text message to the other members, not back to the sender', async () => {
    const [a, b, c] = await Promise.all([connect('relay'), connect('relay'), connect('relay')]);
    const other = await connect('elsewhere');
    a!.ws.send('{"type":"offer"}');
    await until(() => b!.received.length > 0 && c!.received.length > 0);
    expect(b!.received).toEqual(['{"type":"offer"}']);
    expect(c!.received).toEqual(['{"type":"offer"}']);
    b!.ws.send('answer');
    await until(() => a!.received.length > 0);
    expect(a!.received).toEqual(['answer']);
    expect(other.received).toEqual([]);
    for (const client of [a, b, c, other]) client!.ws.close();
    await Promise.all([a, b, c, other].map((client) => client!.closed));
    await until(() => server.log.lines.filter((l) => l.startsWith('rooms: leave')).length === 4);
    expect(server.log.lines).toContain('rooms: join relay (3 members)');
    expect(server.log.lines).toContain('rooms: leave relay (0 left)');
  });

  it('closes 1009 on a message over 64 KiB', async () => {
    const a = await connect('big');
    a.ws.send('x'.repeat(64 * 1024 + 1));
    expect((await a.closed).code).toBe(1009);
  });

  it('refuses binary frames with 1003', async () => {
    const a = await connect('binary');
    a.ws.send(Buffer.from([1, 2, 3]));
    expect(await a.closed).toEqual({ code: 1003, reason: expect.stringContaining('binary messages are not relayed') });
  });

  it('closes the ninth member with 1008 "room is full (8 members)"', async () => {
    const members = await Promise.all(Array.from({ length: 8 }, () => connect('full')));
    const ninth = await connect('full');
    expect(await ninth.closed).toEqual({ code: 1008, reason: 'room is full (8 members)' });
    members[0]!.ws.close();
    await members[0]!.closed;
    await until(() => server.log.lines.includes('rooms: leave full (7 left)'));
    const again = await connect('full');
    again.ws.send('hi');
    await until(() => members[1]!.received.length > 0);
    expect(members[1]!.received).toEqual(['hi']);
    for (const m of [...members, again]) m.ws.close();
  });

  it('closes a flooding sender with 1008 and says why', async () => {
    const a = await connect('flood');
    for (let i = 0; i < 60; i++) a.ws.send(String(i));
    expect(await a.closed).toEqual({ code: 1008, reason: 'too many messages (over 50 per second)' });
  });

  it('refuses bad names and foreign origins before upgrading', async () => {
    await expect(connect('a'.repeat(65))).rejects.toThrow('HTTP 400');
    await expect(connect('bad%20name')).rejects.toThrow('HTTP 400');
    await expect(connect('ok', { origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
    const trusted = await connect('ok', { origin: `http://127.0.0.1:${server.ports.sandbox}` });
    trusted.ws.close();
  });
});

describe('room limits', () => {
  it('names are 1–64 of [A-Za-z0-9_-]', () => {
    expect(isRoomName('lesson-04_A')).toBe(true);
    expect(isRoomName('a'.repeat(64))).toBe(true);
    for (const bad of ['', 'a'.repeat(65), 'a b', 'a/b', 'é', '..']) expect(isRoomName(bad)).toBe(false);
  });

  it('rate limiter allows n per one-second window', () => {
    let t = 0;
    const limiter = rateLimiter(2, () => t);
    expect([limiter.allow(), limiter.allow(), limiter.allow()]).toEqual([true, true, false]);
    t = 1000;
    expect(limiter.allow()).toBe(true);
  });
});
