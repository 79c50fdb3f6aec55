/**
 * Headers every response carries or must not carry: no Referer leaves a site
 * page, and nothing says which framework serves it (the embedded PeerJS
 * server is an express app of its own and used to announce Express).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateRunResponse } from '../../../sandbox/protocol.ts';
import { http, postJson, startTestServer, type TestServer } from './helpers.ts';

describe('response headers', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('site pages, the API and the signaller send Referrer-Policy: no-referrer', async () => {
    for (const path of ['/', '/lessons/two-peers/', '/no-such-page', '/api/config', '/peerjs', '/healthz']) {
      const res = await http(server.ports.site, path);
      expect(res.headers['referrer-policy'], path).toBe('no-referrer');
    }
  });

  it('no response says X-Powered-By, /peerjs included', async () => {
    const created = await postJson(server.ports.site, '/api/runs', { files: { 'index.html': '<title>t</title>', 'main.js': '1;' } });
    const { path } = JSON.parse(created.body) as CreateRunResponse;
    const answers = [
      await http(server.ports.site, '/'),
      await http(server.ports.site, '/api/config'),
      await http(server.ports.site, '/peerjs'),
      await http(server.ports.site, '/peerjs/peerjs/id'),
      await http(server.ports.site, '/peerjs/no-such-thing'),
      await http(server.ports.sandbox, `${path}main.js`),
      await http(server.ports.sandbox, '/nothing-here'),
    ];
    for (const res of answers) expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
