import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../signal-server/config.ts';
import type { TurnInfo } from '../../../signal-server/ice-servers.ts';
import { startServer, type RunningServer } from '../../../signal-server/server.ts';
import { turnPassword } from '../../../signal-server/turn-credentials.ts';
import { http, memoryLogger, postRun, SANDBOX_FILES, SITE_FILES, tempTree } from './helpers.ts';

// A server whose coturn "runs" (the ICE servers need only its port and secret).
let server: RunningServer;
const turn = { info: { port: 4393, secret: 'unit-secret', ttl: 600, addresses: ['127.0.0.1'] } as TurnInfo | null };
beforeAll(async () => {
  server = await startServer(parseConfig({ PORT: '0', SANDBOX_PORT: '0' }), { siteDist: tempTree(SITE_FILES), sandboxDist: tempTree(SANDBOX_FILES) }, memoryLogger(), turn);
});
afterAll(() => server.close());

describe('GET /api/ice-servers', () => {
  const site = () => `http://localhost:${server.ports.site}`;

  it('returns STUN and TURN with a valid, time-limited credential for the host the page used', async () => {
    const res = await http(server.ports.site, '/api/ice-servers', { host: `localhost:${server.ports.site}`, headers: { origin: site() } });
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
    expect([evil.status, JSON.parse(evil.body)]).toEqual([
      403,
      { error: "ICE servers are only for the playground's own pages: http://evil.example is not one of its origins" },
    ]);
  });

  it('refuses a request without Origin (a tool, not one of our pages), with a clear error', async () => {
    const issuedBefore = server.iceServers.issued;
    const tool = await http(server.ports.site, '/api/ice-servers');
    expect([tool.status, JSON.parse(tool.body)]).toEqual([403, { error: "ICE servers are only for the playground's own pages: the request has no Origin header" }]);
    expect(server.iceServers.issued, 'no credential was minted for it').toBe(issuedBefore);
  });

  it('gives each page a credential of its own (coturn counts its quota per username)', async () => {
    const get = async () => JSON.parse((await http(server.ports.site, '/api/ice-servers', { headers: { origin: site() } })).body).iceServers[1].username;
    expect(await get()).not.toBe(await get());
  });

  it('creates runs only for our pages: their page carries credentials', async () => {
    const runsBefore = server.runs.size;
    const files = { files: { 'index.html': '<p>hi</p>' } };
    const without = await http(server.ports.site, '/api/runs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(files) });
    expect([without.status, JSON.parse(without.body)]).toEqual([403, { error: "Runs are created only by the playground's own pages: the request has no Origin header" }]);
    const foreign = await postRun(server.ports.site, files, { origin: 'http://evil.example' });
    expect([foreign.status, JSON.parse(foreign.body)]).toEqual([
      403,
      { error: "Runs are created only by the playground's own pages: http://evil.example is not one of its origins" },
    ]);
    expect(server.runs.size).toBe(runsBefore);
    expect((await postRun(server.ports.site, files)).status).toBe(201);
  });

  it('puts the same servers into the frame config, and none without coturn', async () => {
    const run = JSON.parse((await postRun(server.ports.site, { files: { 'index.html': '<p>hi</p>' } })).body);
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
    expect(JSON.parse((await http(server.ports.site, '/api/ice-servers', { headers: { origin: site() } })).body)).toEqual({ iceServers: [], ttl: 0 });
    turn.info = saved;
  });
});
