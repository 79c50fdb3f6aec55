import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import { http, startTestServer, type TestServer } from './helpers.ts';

interface Client {
  ws: WebSocket;
  messages: unknown[];
  /** Resolves with the next message that matches. */
  next(match?: (message: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  closed: Promise<number>;
  /** The close reason the server gave, once closed. */
  reason: Promise<string>;
}

/** A raw PeerJS-protocol client. Our socket is at /peerjs/peerjs; the stock server's (mounted at /) at /peerjs. */
function client(port: number, id: string, options: { origin?: string; token?: string; path?: string } = {}): Client {
  const path = options.path ?? '/peerjs/peerjs';
  const ws = new WebSocket(`ws://127.0.0.1:${port}${path}?key=peerjs&id=${id}&token=${options.token ?? 'tok'}`, {
    ...(options.origin ? { origin: options.origin } : {}),
  });
  const messages: Record<string, unknown>[] = [];
  const waiters: { match: (m: Record<string, unknown>) => boolean; resolve: (m: Record<string, unknown>) => void }[] = [];
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as Record<string, unknown>;
    messages.push(message);
    const waiter = waiters.find((w) => w.match(message));
    if (waiter) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(message);
    }
  });
  ws.on('error', () => {});
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  const reason = new Promise<string>((resolve) => ws.on('close', (_code, why) => resolve(why.toString())));
  return {
    ws,
    messages,
    closed,
    reason,
    next: (match = () => true) =>
      new Promise((resolve, reject) => {
        const seen = messages.find(match);
        if (seen) return resolve(seen);
        waiters.push({ match, resolve });
        setTimeout(() => reject(new Error(`no matching message for ${id}; got ${JSON.stringify(messages)}`)), 3000);
      }),
  };
}

/** One sample's value from Prometheus text, e.g. metric(text, 'x_total{reason="y"}'). */
function metric(text: string, sample: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${sample} `));
  if (line === undefined) throw new Error(`no sample ${sample} in:\n${text}`);
  return Number(line.slice(sample.length + 1));
}

const opened = async (c: Client) => expect(await c.next((m) => m.type === 'OPEN')).toEqual({ type: 'OPEN' });

describe('the stock peer server (for comparison)', () => {
  it('exits on a single non-JSON frame', async () => {
    const fixture = fileURLToPath(new URL('./fixtures/stock-peer.ts', import.meta.url));
    const child = spawn(process.execPath, [fixture], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const port = await new Promise<number>((resolve) =>
        child.stdout.once('data', (chunk: Buffer) => resolve((JSON.parse(chunk.toString()) as { port: number }).port)),
      );
      const c = client(port, 'victim', { path: '/peerjs' });
      await opened(c);
      c.ws.send('not json');
      expect(await exited).toBe(1);
      expect(stderr).toContain("Unhandled 'error' event");
      expect(stderr).toContain('is not valid JSON');
    } finally {
      child.kill();
    }
  });
});

describe('our signaller', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('survives malformed frames, then still relays a real PeerJS exchange', async () => {
    const port = server.ports.site;
    const junk = client(port, 'junk');
    await opened(junk);
    for (const frame of ['not json', '{', 'null', '5', '"text"', '[]', '{"type":"NOPE"}', '{"type":"OFFER"}', '{"type":"OFFER","dst":{"x":1}}']) {
      junk.ws.send(frame);
    }
    junk.ws.send(Buffer.from([0xff, 0x00, 0xfe, 0x01]));
    // Still connected after all that: a heartbeat is accepted and the socket stays open.
    junk.ws.send(JSON.stringify({ type: 'HEARTBEAT' }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(junk.ws.readyState).toBe(WebSocket.OPEN);

    // A frame over the 64 KiB cap closes that one socket with 1009 (message too big).
    junk.ws.send('x'.repeat(65 * 1024));
    expect(await junk.closed).toBe(1009);

    const a = client(port, 'alice');
    const b = client(port, 'bob');
    await Promise.all([opened(a), opened(b)]);
    const payload = { sdp: { type: 'offer', sdp: 'v=0\r\n' }, type: 'data', connectionId: 'dc_test' };
    // `src` is set by the server from the socket's id, whatever the sender claims.
    a.ws.send(JSON.stringify({ type: 'OFFER', src: 'mallory', dst: 'bob', payload }));
    expect(await b.next((m) => m.type === 'OFFER')).toEqual({ type: 'OFFER', src: 'alice', dst: 'bob', payload });
    b.ws.send(JSON.stringify({ type: 'ANSWER', dst: 'alice', payload: { sdp: { type: 'answer', sdp: 'v=0\r\n' } } }));
    expect(await a.next((m) => m.type === 'ANSWER')).toMatchObject({ src: 'bob', dst: 'alice' });

    const health = JSON.parse((await http(port, '/healthz')).body) as { status: string; peers: number };
    expect(health).toMatchObject({ status: 'ok', peers: 2 });

    a.ws.close();
    b.ws.close();
    await Promise.all([a.closed, b.closed]);
    const log = server.log.lines.join('\n');
    expect(log).toContain('peerjs: connect alice');
    // Bad frames are counted, not logged: a flood of them must not flood the log.
    expect(log).not.toContain('SyntaxError');
    const metrics = (await http(port, '/metrics')).body;
    expect(metric(metrics, 'playground_signaller_messages_dropped_total{reason="invalid-json"}')).toBe(6);
    expect(metric(metrics, 'playground_signaller_messages_dropped_total{reason="unknown-type"}')).toBe(1);
    expect(metric(metrics, 'playground_signaller_messages_dropped_total{reason="no-destination"}')).toBe(2);
    expect(metric(metrics, 'playground_signaller_messages_dropped_total{reason="binary"}')).toBe(1);
    expect(metric(metrics, 'playground_signaller_messages_relayed_total')).toBeGreaterThanOrEqual(2);
    expect(log).toMatch(/peerjs: error RangeError: .*Max payload size exceeded/);
    for (const line of server.log.lines) expect(line).not.toContain('\n');
  });

  it('tells a second client with another token that the id is taken', async () => {
    const first = client(server.ports.site, 'carol', { token: 'one' });
    await opened(first);
    const second = client(server.ports.site, 'carol', { token: 'two' });
    expect(await second.next()).toMatchObject({ type: 'ID-TAKEN' });
    first.ws.close();
  });

  it('refuses sockets from pages on other origins and accepts ours', async () => {
    const evil = client(server.ports.site, 'evil', { origin: 'http://evil.example' });
    const refused = await new Promise<number>((resolve) => evil.ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
    expect(refused).toBe(403);

    const frame = client(server.ports.site, 'framed', { origin: `http://127.0.0.1:${server.ports.sandbox}` });
    await opened(frame);
    const page = client(server.ports.site, 'paged', { origin: `http://localhost:${server.ports.site}` });
    await opened(page);
    frame.ws.close();
    page.ws.close();
  });

  it('does not list the connected peers', async () => {
    const listed = client(server.ports.site, 'hidden-peer');
    await opened(listed);
    const response = await http(server.ports.site, '/peerjs/peerjs/peers');
    expect(response.status).not.toBe(200);
    expect(response.body).not.toContain('hidden-peer');
    listed.ws.close();
  });

  it('lets only our origins read a peer id over HTTP', async () => {
    const sandboxOrigin = `http://127.0.0.1:${server.ports.sandbox}`;
    const ours = await http(server.ports.site, '/peerjs/peerjs/id', { headers: { origin: sandboxOrigin } });
    expect(ours.status).toBe(200);
    expect(ours.body).toMatch(/^[0-9a-f-]{36}$/);
    expect(ours.headers['access-control-allow-origin']).toBe(sandboxOrigin);
    const theirs = await http(server.ports.site, '/peerjs/peerjs/id', { headers: { origin: 'http://evil.example' } });
    expect(theirs.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('closes a socket that floods the signaller, with a reason', async () => {
    const flood = client(server.ports.site, 'flooder');
    await opened(flood);
    for (let i = 0; i < 250; i++) flood.ws.send(JSON.stringify({ type: 'HEARTBEAT' }));
    expect(await flood.closed).toBe(1008);
    expect(await flood.reason).toMatch(/too many messages \(over 200 per second\)/);
    const metrics = (await http(server.ports.site, '/metrics')).body;
    expect(metric(metrics, 'playground_signaller_messages_dropped_total{reason="rate-limit"}')).toBeGreaterThanOrEqual(1);
  });

  it('closes a socket that sends more than 1 MiB a second, with a reason', async () => {
    const flood = client(server.ports.site, 'heavy');
    await opened(flood);
    const big = JSON.stringify({ type: 'HEARTBEAT', payload: 'x'.repeat(60 * 1024) });
    for (let i = 0; i < 20; i++) flood.ws.send(big); // 1.2 MB, well under 200 frames
    expect(await flood.closed).toBe(1008);
    expect(await flood.reason).toBe('too much data (over 1024 KiB per second)');
  });

  it('holds at most 64 messages for a peer that is not connected, and delivers them when it connects', async () => {
    const sender = client(server.ports.site, 'patient');
    await opened(sender);
    for (let i = 0; i < 100; i++) sender.ws.send(JSON.stringify({ type: 'CANDIDATE', dst: 'latecomer', payload: { n: i } }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    let metrics = (await http(server.ports.site, '/metrics')).body;
    expect(metric(metrics, 'playground_signaller_messages_dropped_total{reason="queue-full"}')).toBe(36);
    expect(metric(metrics, 'playground_signaller_queued_messages')).toBe(64);

    const late = client(server.ports.site, 'latecomer');
    await opened(late);
    await late.next((m) => (m.payload as { n?: number } | undefined)?.n === 63);
    expect(late.messages.filter((m) => (m as { type?: string }).type === 'CANDIDATE')).toHaveLength(64);
    metrics = (await http(server.ports.site, '/metrics')).body;
    expect(metric(metrics, 'playground_signaller_queued_messages')).toBe(0);
    sender.ws.close();
    late.ws.close();
  });

  it('reports peers, rooms and TURN credentials in the Prometheus text format', async () => {
    const a = client(server.ports.site, 'counted');
    await opened(a);
    const response = await http(server.ports.site, '/metrics');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    expect(metric(response.body, 'playground_peers_connected')).toBeGreaterThanOrEqual(1);
    for (const name of ['playground_rooms', 'playground_room_members', 'playground_turn_credentials_issued_total', 'playground_errors_total{source="peerjs"}']) {
      expect(Number.isFinite(metric(response.body, name)), name).toBe(true);
    }
    a.ws.close();
    await a.closed;
  });
});

describe('an allowed extra origin (ALLOWED_ORIGINS)', () => {
  it('may use the signaller; other pages still may not', async () => {
    const server = await startTestServer({ env: { ALLOWED_ORIGINS: 'https://proxy.example' } });
    try {
      const proxied = client(server.ports.site, 'proxied', { origin: 'https://proxy.example' });
      await opened(proxied);
      const evil = client(server.ports.site, 'evil2', { origin: 'https://evil.example' });
      const refused = await new Promise<number>((resolve) => evil.ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
      expect(refused).toBe(403);
      proxied.ws.close();
    } finally {
      await server.stop();
    }
  });
});

describe('shutting down', () => {
  it('closes PeerJS and room sockets with 1001 and a reason', async () => {
    const server = await startTestServer();
    const c = client(server.ports.site, 'leaving');
    await opened(c);
    const room = new WebSocket(`ws://127.0.0.1:${server.ports.site}/rooms/closing`);
    await new Promise((resolve) => room.once('open', resolve));
    const roomClosed = new Promise<[number, string]>((resolve) => room.once('close', (code, why) => resolve([code, why.toString()])));
    const stopping = server.stop();
    expect(await c.closed).toBe(1001);
    expect(await c.reason).toBe('The playground server is shutting down');
    expect(await roomClosed).toEqual([1001, 'The playground server is shutting down']);
    await stopping;
  });
});
