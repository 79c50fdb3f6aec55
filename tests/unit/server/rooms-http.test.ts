import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { http, postJson, startTestServer, type TestServer } from './helpers.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const post = (room: string, body: unknown, headers: Record<string, string> = {}) =>
  postJson(server.ports.site, `/rooms/${room}/messages`, body, headers);
const get = async (room: string, query: string) => {
  const res = await http(server.ports.site, `/rooms/${room}/messages?${query}`);
  return { status: res.status, body: JSON.parse(res.body) as { messages?: { seq: number; from: string; data: unknown }[]; next?: number; error?: string } };
};

describe('polling rooms', () => {
  it('keeps messages in order and returns those after a seq', async () => {
    expect(JSON.parse((await post('order', { from: 'a', data: { type: 'offer' } })).body)).toEqual({ seq: 1 });
    expect(JSON.parse((await post('order', { from: 'b', data: 'answer' })).body)).toEqual({ seq: 2 });
    expect((await get('order', 'after=0')).body).toEqual({
      messages: [
        { seq: 1, from: 'a', data: { type: 'offer' } },
        { seq: 2, from: 'b', data: 'answer' },
      ],
      next: 2,
    });
    expect((await get('order', 'after=2')).body).toEqual({ messages: [], next: 2 });
  });

  it('bounds the requests waiting in one room', async () => {
    const parked = Array.from({ length: 32 }, () => get('crowded', 'after=0&wait=2'));
    await new Promise((r) => setTimeout(r, 200));
    const extra = await get('crowded', 'after=0&wait=2');
    expect([extra.status, extra.body.error]).toEqual([429, 'too many requests waiting in this room (over 32)']);
    await post('crowded', { from: 'a', data: 1 });
    expect((await Promise.all(parked)).every((reply) => reply.body.messages?.length === 1)).toBe(true);
  });

  it('wakes a waiting request when a message arrives', async () => {
    const started = Date.now();
    const waiting = get('wake', 'after=0&wait=10');
    await new Promise((r) => setTimeout(r, 100));
    await post('wake', { from: 'a', data: 1 });
    const { body } = await waiting;
    expect(body.messages).toEqual([{ seq: 1, from: 'a', data: 1 }]);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('answers an empty list when the wait runs out', async () => {
    const started = Date.now();
    expect((await get('quiet', 'after=0&wait=0.2')).body).toEqual({ messages: [], next: 0 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
  });

  it('applies the same limits as the WebSocket rooms, with clear errors', async () => {
    const big = await post('limits', { from: 'a', data: 'x'.repeat(64 * 1024 + 10) });
    const huge = await post('limits', { from: 'a', data: 'x'.repeat(70 * 1024) }); // past the body parser's limit too
    for (const reply of [big, huge]) {
      expect([reply.status, JSON.parse(reply.body).error]).toEqual([413, 'The room message is too large: its "data" may be at most 64 KiB of JSON']);
    }
    for (let i = 1; i <= 8; i++) expect((await post('limits', { from: `m${i}`, data: i })).status).toBe(201);
    const ninth = await post('limits', { from: 'm9', data: 9 });
    expect([ninth.status, JSON.parse(ninth.body).error]).toEqual([409, 'room is full (8 members)']);
    const statuses: number[] = [];
    for (let i = 0; i < 55; i++) statuses.push((await post('limits', { from: 'm1', data: i })).status);
    expect(statuses).toContain(429);
    expect((await post('bad%20name', { from: 'a', data: 1 })).status).toBe(400);
    expect(JSON.parse((await post('x', { data: 1 })).body).error).toContain('"from"');
    expect(JSON.parse((await post('x', { from: 'a' })).body).error).toContain('"data" is missing');
    expect((await get('x', 'after=-1')).status).toBe(400);
  });

  it('allows the sandbox origin (CORS, preflight) and refuses others', async () => {
    const sandbox = `http://127.0.0.1:${server.ports.sandbox}`;
    const preflight = await http(server.ports.site, '/rooms/cors/messages', {
      method: 'OPTIONS',
      headers: { origin: sandbox, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(sandbox);
    expect(preflight.headers['access-control-allow-headers']).toBe('Content-Type');
    const ok = await post('cors', { from: 'a', data: 1 }, { origin: sandbox });
    expect([ok.status, ok.headers['access-control-allow-origin']]).toEqual([201, sandbox]);
    expect((await post('cors', { from: 'a', data: 1 }, { origin: 'http://evil.example' })).status).toBe(403);
  });
});
