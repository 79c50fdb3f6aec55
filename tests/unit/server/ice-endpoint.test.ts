import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../signal-server/config.ts';
import type { TurnInfo } from '../../../signal-server/ice-servers.ts';
import { startServer, type RunningServer } from '../../../signal-server/server.ts';
import { turnPassword } from '../../../signal-server/turn-credentials.ts';
import { http, memoryLogger, postJson, SANDBOX_FILES, SITE_FILES, tempTree } from './helpers.ts';

// A server whose coturn "runs" (the ICE servers need only its port and secret).
let server: RunningServer;
const turn = { info: { port: 4393, secret: 'unit-secret', ttl: 600, addresses: ['127.0.0.1'] } as TurnInfo | null };
beforeAll(async () => {
  server = await startServer(parseConfig({ PORT: '0', SANDBOX_PORT: '0' }), { siteDist: tempTree(SITE_FILES), sandboxDist: tempTree(SANDBOX_FILES) }, memoryLogger(), turn);
});
afterAll(() => server.close());

describe('GET /api/ice-servers', () => {
  it('returns STUN and TURN with a valid, time-limited credential for the host the page used', async () => {
    const res = await http(server.ports.site, '/api/ice-servers', { host: `localhost:${server.ports.site}` });
    const body = JSON.parse(res.body);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(body.ttl).toBe(600);
    expect(body.iceServers[0]).toEqual({ urls: ['stun:127.0.0.1:4393'] });
    const relay = body.iceServers[1];
    expect(relay.urls).toEqual(['turn:127.0.0.1:4393?transport=udp', 'turn:127.0.0.1:4393?transport=tcp']);
    const [expiry, label] = relay.username.split(':');
    expect(label).toMatch(/^playground-[\w-]{8}$/);
    expect(Number(expiry) - Date.now() / 1000).toBeGreaterThan(590);
    expect(Number(expiry) - Date.now() / 1000).toBeLessThanOrEqual(601);
    expect(relay.credential).toBe(turnPassword('unit-secret', relay.username));
  });

  it('lets the sandbox origin read it and refuses other origins', async () => {
    const sandbox = `http://127.0.0.1:${server.ports.sandbox}`;
    const ok = await http(server.ports.site, '/api/ice-servers', { host: `localhost:${server.ports.site}`, headers: { origin: sandbox } });
    expect([ok.status, ok.headers['access-control-allow-origin']]).toEqual([200, sandbox]);
    const evil = await http(server.ports.site, '/api/ice-servers', { headers: { origin: 'http://evil.example' } });
    expect(evil.status).toBe(403);
  });

  it('puts the same servers into the frame config, and none without coturn', async () => {
    const run = JSON.parse((await postJson(server.ports.site, '/api/runs', { files: { 'index.html': '<p>hi</p>' } })).body);
    const page = async () => {
      const html = (await http(server.ports.sandbox, `${run.path}index.html`)).body;
      return JSON.parse(/window\.__PLAYGROUND__ = (.*?);<\/script>/.exec(html)![1]!).iceServers;
    };
    const servers = await page();
    expect(servers[1].urls[0]).toBe('turn:127.0.0.1:4393?transport=udp');
    expect(servers[1].credential).toBe(turnPassword('unit-secret', servers[1].username));
    const saved = turn.info;
    turn.info = null;
    expect(await page()).toEqual([]);
    expect(JSON.parse((await http(server.ports.site, '/api/ice-servers')).body)).toEqual({ iceServers: [], ttl: 0 });
    turn.info = saved;
  });
});
