import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import type { CreateRunResponse, FrameConfig, SiteConfig } from '../../../sandbox/protocol.ts';
import { guardLoops } from '../../../sandbox/transform/loop-guard.ts';
import { http, postRun, startTestServer, type TestServer } from './helpers.ts';

const PAGE = '<!doctype html><html><head><title>t</title></head><body><script type="module" src="main.js"></script></body></html>';
const MAIN = 'let i = 0;\nwhile (i < 3) { i++; }\nconsole.log(i);\n';

/** The FrameConfig as the browser would read it from the served page. */
function injectedConfig(html: string): FrameConfig {
  const match = /<script>window\.__PLAYGROUND__ = (.*?);<\/script>/.exec(html);
  if (!match?.[1]) throw new Error(`no injected config in ${html.slice(0, 200)}`);
  return JSON.parse(match[1]) as FrameConfig;
}

describe('site mode', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('answers /healthz with its status', async () => {
    const res = await http(server.ports.site, '/healthz');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(res.body)).toMatchObject({ status: 'ok', peers: 0, uptime: expect.any(Number) });
  });

  it('answers 503 on /healthz and on pages while the site is being built', async () => {
    server.siteState.building = true;
    try {
      const health = await http(server.ports.site, '/healthz');
      expect(health.status).toBe(503);
      expect(JSON.parse(health.body).status).toBe('building');
      expect((await http(server.ports.site, '/')).status).toBe(503);
    } finally {
      server.siteState.building = false;
    }
  });

  it('gives the page the sandbox port it actually listens on', async () => {
    const res = await http(server.ports.site, '/api/config');
    const config = JSON.parse(res.body) as SiteConfig;
    expect(config).toEqual({ sandboxPort: server.ports.sandbox, peerjsPath: '/peerjs' });
    expect(server.ports.sandbox).not.toBe(server.ports.site);
  });

  it('serves the built site with the right types and caching', async () => {
    const home = await http(server.ports.site, '/');
    expect(home.status).toBe(200);
    expect(home.body).toContain('<h1>Home</h1>');
    expect(home.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(home.headers['cache-control']).toBe('no-cache');

    const asset = await http(server.ports.site, '/_astro/app.Ab12Cd.js');
    expect(asset.headers['content-type']).toMatch(/^text\/javascript/);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    expect((await http(server.ports.site, '/favicon.svg')).headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect((await http(server.ports.site, '/lessons/two-peers/')).body).toContain('Two peers');
    const redirect = await http(server.ports.site, '/lessons/two-peers');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe('/lessons/two-peers/');
  });

  it("answers unknown pages with the site's 404 page", async () => {
    const res = await http(server.ports.site, '/no/such/page');
    expect(res.status).toBe(404);
    expect(res.body).toContain('Page not found');
    const api = await http(server.ports.site, '/api/nope');
    expect(api.status).toBe(404);
    expect(JSON.parse(api.body).error).toBe('No such API endpoint');
  });

  it('creates a run whose index.html the sandbox serves with the config, runtime and CSP', async () => {
    const created = await postRun(server.ports.site, { files: { 'index.html': PAGE, 'main.js': MAIN } });
    expect(created.status).toBe(201);
    const { id, path } = JSON.parse(created.body) as CreateRunResponse;
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(path).toBe(`/run/${id}/`);

    const sandboxHost = `127.0.0.1:${server.ports.sandbox}`;
    const page = await http(server.ports.sandbox, `${path}index.html`, { host: sandboxHost });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-store');
    const siteOrigin = `http://localhost:${server.ports.site}`;
    expect(injectedConfig(page.body)).toEqual({
      runId: id,
      siteOrigin,
      peerjs: { host: 'localhost', port: server.ports.site, path: '/peerjs', secure: false, key: 'peerjs' },
      iceServers: [],
    });
    expect(page.body).toContain('<head><script>window.__PLAYGROUND__');
    expect(page.body).toMatch(/<script src="\/runtime\.js\?v=[0-9a-f]{16}"><\/script><script type="importmap">\{"imports":\{"peerjs":"\/vendor\/peerjs\.js\?v=[0-9a-f]{16}"\}\}/);
    expect(page.body).toContain('<title>t</title></head><body><script type="module" src="main.js">');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain(`connect-src 'self' ws://${sandboxHost} ${siteOrigin} ws://localhost:${server.ports.site}`);
    expect(csp).toContain(`frame-ancestors ${siteOrigin}`);

    // The directory URL is the page too.
    expect(injectedConfig((await http(server.ports.sandbox, path, { host: sandboxHost })).body).runId).toBe(id);
  });

  it('serves scripts through the loop guard and other files as they are', async () => {
    const files = { 'index.html': PAGE, 'main.js': MAIN, 'lib/util.mjs': 'export const x = 1;', 'style.css': 'p{}' };
    const { path } = JSON.parse((await postRun(server.ports.site, { files })).body) as CreateRunResponse;
    const main = await http(server.ports.sandbox, `${path}main.js`);
    expect(main.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(main.body).toBe(guardLoops(MAIN, 'main.js'));
    const util = await http(server.ports.sandbox, `${path}lib/util.mjs`);
    expect(util.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(util.body).toBe(guardLoops(files['lib/util.mjs'], 'lib/util.mjs'));
    const css = await http(server.ports.sandbox, `${path}style.css`);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.body).toBe('p{}');
    expect(css.headers['cache-control']).toBe('no-store');
  });

  it('derives the site origin from the name the frame was loaded under', async () => {
    const { path } = JSON.parse((await postRun(server.ports.site, { files: { 'index.html': '<p>x' } })).body) as CreateRunResponse;
    const page = await http(server.ports.sandbox, path, { host: `localhost:${server.ports.sandbox}` });
    expect(injectedConfig(page.body).siteOrigin).toBe(`http://127.0.0.1:${server.ports.site}`);
    expect(page.body.startsWith('<script>window.__PLAYGROUND__')).toBe(true);
  });

  it('answers bad run requests with a JSON error and the right status', async () => {
    const port = server.ports.site;
    const error = async (res: Promise<{ status: number; body: string }>) => {
      const { status, body } = await res;
      return { status, error: (JSON.parse(body) as { error: string }).error };
    };
    expect(await error(postRun(port, '{"files": '))).toMatchObject({
      status: 400,
      error: expect.stringContaining('not valid JSON'),
    });
    expect(await error(postRun(port, { files: { 'main.js': '' } }))).toMatchObject({ status: 400 });
    expect(await error(postRun(port, { files: { 'index.html': '', '../x': '' } }))).toMatchObject({ status: 400 });
    expect(await error(postRun(port, { files: { 'index.html': 'x'.repeat(1024 * 1024 + 1) } }))).toMatchObject({
      status: 413,
    });
    expect(await error(postRun(port, { files: { 'index.html': 'x'.repeat(5 * 1024 * 1024) } }))).toMatchObject({
      status: 413,
      error: expect.stringContaining('too large'),
    });
    expect(
      await error(http(port, '/api/runs', { method: 'POST', headers: { 'content-type': 'text/plain', origin: `http://localhost:${port}` }, body: '{"files":{}}' })),
    ).toMatchObject({ status: 415 });
    // The server is still fine afterwards.
    expect((await http(port, '/healthz')).status).toBe(200);
  });

  it('explains unknown runs and files, and redirects a run without its slash', async () => {
    const unknown = await http(server.ports.sandbox, `/run/${'0'.repeat(32)}/index.html`);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toContain('Press Run again');
    expect((await http(server.ports.sandbox, '/run/not-an-id/index.html')).status).toBe(404);

    const { id, path } = JSON.parse((await postRun(server.ports.site, { files: { 'index.html': '' } })).body) as CreateRunResponse;
    const missing = await http(server.ports.sandbox, `${path}nope.js`);
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('no file named "nope.js"');
    // A malformed escape is a bad request, not a crash.
    const malformed = await http(server.ports.sandbox, `${path}%E0%A4%A`);
    expect(malformed.status).toBe(400);
    expect(malformed.body).toBe('Bad request\n');
    const redirect = await http(server.ports.sandbox, `/run/${id}`);
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe(`/run/${id}/`);
  });

  it('serves the runtime and the peerjs module from the sandbox build', async () => {
    const runtime = await http(server.ports.sandbox, '/runtime.js');
    expect(runtime.status).toBe(200);
    expect(runtime.body).toContain('window.__runtime = true');
    expect(runtime.headers['content-type']).toMatch(/^text\/javascript/);
    expect(runtime.headers['cache-control']).toBe('no-cache');
    const peerjs = await http(server.ports.sandbox, '/vendor/peerjs.js');
    expect(peerjs.body).toContain('export const Peer');
    // The URL a frame is given names the content: cached for good, until a rebuild changes it.
    const { path } = JSON.parse((await postRun(server.ports.site, { files: { 'index.html': PAGE } })).body) as CreateRunResponse;
    const { body } = await http(server.ports.sandbox, `${path}index.html`, { host: `127.0.0.1:${server.ports.sandbox}` });
    const versionedUrl = /src="(\/runtime\.js\?v=[0-9a-f]+)"/.exec(body)?.[1];
    expect((await http(server.ports.sandbox, versionedUrl!)).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await http(server.ports.sandbox, '/runtime.js?v=0000000000000000')).headers['cache-control']).toBe('no-cache');
    // Only the sandbox's own files: not the site, not the build's other names.
    expect((await http(server.ports.sandbox, '/peerjs.js')).status).toBe(404);
    expect((await http(server.ports.sandbox, '/')).status).toBe(404);
    expect((await http(server.ports.sandbox, '/api/config')).status).toBe(404);
  });

  it('refuses WebSocket upgrades on every path but the signaller', async () => {
    const upgrade = (port: number, path: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.write(
            `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
              'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
          );
        });
        let data = '';
        socket.on('data', (chunk) => (data += chunk.toString()));
        socket.on('close', () => resolve(data.split('\r\n', 1)[0] ?? ''));
        socket.on('error', reject);
      });
    expect(await upgrade(server.ports.site, '/')).toBe('HTTP/1.1 404 Not Found');
    expect(await upgrade(server.ports.site, '/peerjs')).toBe('HTTP/1.1 404 Not Found');
    expect(await upgrade(server.ports.sandbox, '/peerjs/peerjs?key=peerjs&id=a&token=b')).toBe('HTTP/1.1 404 Not Found');
  });
});

describe('api mode', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ mode: 'api' });
  });
  afterAll(() => server.stop());

  it('serves the API but not the site, and tells frames to reach the site port', async () => {
    expect((await http(server.ports.api, '/healthz')).status).toBe(200);
    expect((await http(server.ports.api, '/')).status).toBe(404);
    expect(server.ports.site).toBe(4599);
    // The page is on the site port (astro dev), which proxies /api here.
    const created = await postRun(server.ports.api, { files: { 'index.html': '' } }, { origin: 'http://localhost:4599' });
    const { path } = JSON.parse(created.body) as CreateRunResponse;
    const page = await http(server.ports.sandbox, path);
    expect(injectedConfig(page.body).peerjs.port).toBe(4599);
  });
});

describe('without builds', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ site: {}, sandbox: {} });
  });
  afterAll(() => server.stop());

  it('says the site is not built', async () => {
    const res = await http(server.ports.site, '/');
    expect(res.status).toBe(503);
    expect(res.body).toContain('npm run build');
  });

  it('says the runtime is not built', async () => {
    const res = await http(server.ports.sandbox, '/runtime.js');
    expect(res.status).toBe(503);
    expect(res.body).toContain('node sandbox/build.ts');
    expect((await http(server.ports.sandbox, '/vendor/peerjs.js')).status).toBe(503);
  });
});

describe('per-client connection cap', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { MAX_CONNECTIONS_PER_CLIENT: '2' } });
  });
  afterAll(() => server.stop());

  const open = (port: number) =>
    new Promise<{ reply: Promise<string>; close(): void }>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        let text = '';
        socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
        resolve({ reply: new Promise((done) => socket.on('close', () => done(text))), close: () => socket.destroy() });
      });
      socket.on('error', () => {});
    });

  it('counts both origins together and answers the connection past the cap with a 429 at once', async () => {
    const held = [await open(server.ports.site), await open(server.ports.sandbox)];
    const third = await open(server.ports.site);
    expect(await third.reply).toMatch(/^HTTP\/1\.1 429 Too Many Requests[\s\S]*too many connections from your address \(over 2\)/);
    held[0]!.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await http(server.ports.site, '/healthz')).status).toBe(200); // a place came free
    for (const socket of held) socket.close();
  });
});
