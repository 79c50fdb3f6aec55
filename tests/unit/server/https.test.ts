// HTTPS mode end to end inside Node: the real server over TLS with the real
// certificate, reached by a client that trusts only that certificate, so a
// certificate missing the name the browser uses would fail here too.
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateRunResponse, FrameConfig } from '../../../sandbox/protocol.ts';
import { certificateNames, ensureCertificate, type Certificate } from '../../../signal-server/certificate.ts';
import { parseConfig } from '../../../signal-server/config.ts';
import { startServer, type RunningServer } from '../../../signal-server/server.ts';
import { memoryLogger, SANDBOX_FILES, SITE_FILES, tempTree, type Response } from './helpers.ts';

function https(port: number, path: string, ca: string, options: { servername: string; method?: string; body?: string }): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: options.servername,
        port,
        path,
        ca,
        method: options.method ?? 'GET',
        // A POST as the site's page sends it, with the page's Origin.
        headers: options.body ? { 'content-type': 'application/json', origin: `https://${options.servername}:${port}` } : {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('HTTPS mode', () => {
  let dir: string;
  let certificate: Certificate;
  let server: RunningServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'playground-https-'));
    certificate = ensureCertificate(join(dir, 'certs'), certificateNames({}, 'localhost'));
    const config = parseConfig({ PORT: '0', SANDBOX_PORT: '0', HOST: '127.0.0.1' }, ['--https']);
    const paths = { siteDist: tempTree(SITE_FILES), sandboxDist: tempTree(SANDBOX_FILES) };
    server = await startServer(config, paths, memoryLogger(), null, certificate);
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to start without a certificate', async () => {
    const config = parseConfig({ PORT: '0', SANDBOX_PORT: '0', HOST: '127.0.0.1' }, ['--https']);
    await expect(startServer(config, { siteDist: dir, sandboxDist: dir }, memoryLogger())).rejects.toThrow(/certificate/);
  });

  it('prints https URLs', () => {
    expect(server.siteUrl).toBe(`https://localhost:${server.ports.site}/`);
    expect(server.sandboxUrl).toBe(`https://127.0.0.1:${server.ports.sandbox}/`);
  });

  it('serves the site over TLS with the kept certificate', async () => {
    const health = await https(server.ports.site, '/healthz', certificate.cert, { servername: 'localhost' });
    expect(health.status).toBe(200);
  });

  it('tells the frame to use wss and allows only https/wss origins in its CSP', async () => {
    const created = await https(server.ports.site, '/api/runs', certificate.cert, {
      servername: 'localhost',
      method: 'POST',
      body: JSON.stringify({ files: { 'index.html': '<!doctype html><html><head></head><body></body></html>' } }),
    });
    expect(created.status).toBe(201);
    const run = JSON.parse(created.body) as CreateRunResponse;
    const page = await https(server.ports.sandbox, `${run.path}index.html`, certificate.cert, { servername: '127.0.0.1' });
    expect(page.status).toBe(200);
    const match = /<script>window\.__PLAYGROUND__ = (.*?);<\/script>/.exec(page.body);
    const frame = JSON.parse(match?.[1] ?? 'null') as FrameConfig;
    expect(frame.siteOrigin).toBe(`https://localhost:${server.ports.site}`);
    expect(frame.peerjs).toMatchObject({ host: 'localhost', port: server.ports.site, secure: true });
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain(`wss://localhost:${server.ports.site}`);
    expect(csp).toContain(`frame-ancestors https://localhost:${server.ports.site}`);
    expect(csp).not.toMatch(/\b(http|ws):\/\//);
  });
});
