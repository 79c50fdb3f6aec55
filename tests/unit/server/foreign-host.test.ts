/**
 * DNS rebinding: a page at http://evil.example:PORT whose name was made to
 * resolve to 127.0.0.1 sends a Host and an Origin that agree with each other.
 * The server answers only to its own names, on every door: the API, the
 * signaller's upgrade, the rooms (WebSocket and polling), the site pages and
 * the sandbox origin. Real server on loopback, raw requests with that Host.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import type { CreateRunResponse } from '../../../sandbox/protocol.ts';
import { createHostAllowList, isLoopbackName } from '../../../signal-server/host-allow-list.ts';
import { http, postRun, startTestServer, type TestServer } from './helpers.ts';

/** The status line a WebSocket upgrade request gets, sent with the given Host and Origin. */
function upgradeStatus(port: number, path: string, host: string, origin: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(
        `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nOrigin: ${origin}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
          'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
      );
    });
    let text = '';
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\r\n')) {
        socket.destroy();
        resolve(text.split('\r\n')[0] ?? '');
      }
    });
    socket.on('error', reject);
    socket.setTimeout(5000, () => {
      socket.destroy();
      reject(new Error('no answer to the upgrade'));
    });
  });
}

describe('a foreign Host header', () => {
  let server: TestServer;
  let evil: string;
  let runPath: string;
  beforeAll(async () => {
    server = await startTestServer();
    evil = `evil.example:${server.ports.site}`;
    const created = await postRun(server.ports.site, { files: { 'index.html': '<title>t</title>', 'main.js': 'while (false) {}' } });
    runPath = (JSON.parse(created.body) as CreateRunResponse).path;
  });
  afterAll(() => server.stop());

  const origin = () => `http://${evil}`;

  it('gets 421 with the reason on the API, the polling rooms and the site pages', async () => {
    const site = server.ports.site;
    const answers = [
      await http(site, '/api/ice-servers', { host: evil, headers: { origin: origin() } }),
      await http(site, '/api/config', { host: evil, headers: { origin: origin() } }),
      await http(site, '/peerjs/peerjs/id', { host: evil, headers: { origin: origin() } }),
      await http(site, '/rooms/lobby/messages', {
        method: 'POST',
        host: evil,
        headers: { origin: origin(), 'content-type': 'application/json' },
        body: JSON.stringify({ from: 'a', data: 1 }),
      }),
      await http(site, '/', { host: evil }),
    ];
    for (const res of answers) {
      expect(res.status).toBe(421);
      expect(res.body).toContain('answers only to its own names');
      expect(res.body).toContain('"evil.example"');
    }
  });

  it('gets 421 on the signaller and room upgrades', async () => {
    expect(await upgradeStatus(server.ports.site, '/peerjs/peerjs?key=peerjs&id=a&token=t', evil, origin())).toBe('HTTP/1.1 421 Misdirected Request');
    expect(await upgradeStatus(server.ports.site, '/rooms/lobby', evil, origin())).toBe('HTTP/1.1 421 Misdirected Request');
  });

  it('gets 421 on the sandbox origin', async () => {
    const res = await http(server.ports.sandbox, `${runPath}main.js`, { host: `evil.example:${server.ports.sandbox}` });
    expect(res.status).toBe(421);
  });

  it('leaves our own names working: both loopback names, ::1 and *.localhost', async () => {
    for (const host of ['localhost', '127.0.0.1', '[::1]', 'play.localhost']) {
      // A page of ours sends its own origin; ICE servers are for our pages only.
      const res = await http(server.ports.site, '/api/ice-servers', { host: `${host}:${server.ports.site}`, headers: { origin: `http://${host}:${server.ports.site}` } });
      expect(res.status, host).toBe(200);
    }
    expect((await http(server.ports.sandbox, `${runPath}main.js`, { host: `127.0.0.1:${server.ports.sandbox}` })).status).toBe(200);
    const socket = await upgradeStatus(server.ports.site, '/rooms/lobby', `localhost:${server.ports.site}`, `http://localhost:${server.ports.site}`);
    expect(socket).toBe('HTTP/1.1 101 Switching Protocols');
  });
});

describe('createHostAllowList', () => {
  const machine = () => ({ dns: ['localhost', 'laptop', 'laptop.local'], ips: ['127.0.0.1', '::1', '192.168.1.5', 'fd00::5'] });

  it('trusts loopback, the machine’s names and addresses, the bind address and ALLOWED_ORIGINS’ hosts', () => {
    const allows = createHostAllowList({ bindHost: '10.9.8.7', allowedOrigins: ['https://play.example.org'], machineNames: machine });
    for (const host of ['localhost', 'LOCALHOST', 'a.localhost', '127.0.0.1', '127.1.2.3', '[::1]', 'laptop', 'laptop.local', '192.168.1.5', '[fd00::5]', '10.9.8.7', 'play.example.org']) {
      expect(allows(host), host).toBe(true);
    }
    for (const host of ['evil.example', 'localhost.evil.example', '192.168.1.6', 'example.org', '127.0.0.1.nip.io', 'laptop.evil']) {
      expect(allows(host), host).toBe(false);
    }
  });

  it('does not take a wildcard bind address for a name', () => {
    const allows = createHostAllowList({ bindHost: '0.0.0.0', allowedOrigins: [], machineNames: machine });
    expect(allows('0.0.0.0')).toBe(false);
  });

  it('knows the loopback names', () => {
    expect(isLoopbackName('[::1]')).toBe(true);
    expect(isLoopbackName('127.0.0.1')).toBe(true);
    expect(isLoopbackName('128.0.0.1')).toBe(false);
    expect(isLoopbackName('localhost.example')).toBe(false);
  });
});
