// `new Peer()` with no options, as tutorial code elsewhere writes it, reaches
// the playground's own signaller; no request from the page or the frame goes
// to another host (no PeerJS cloud, no CDN, no third-party STUN/TURN).
import { test, expect } from '@playwright/test';
import { readLessons } from './support/lessons.ts';
import { MODULE_PAGE, Workspace } from './support/workspace.ts';
import { E2E_PORT } from './support/ports.ts';

const lesson = readLessons()[0]!;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

test('new Peer() with no options opens on our signaller and nothing leaves the machine', async ({ page, context }) => {
  const seen: string[] = [];
  const sockets: string[] = [];
  context.on('request', (request) => seen.push(request.url()));
  page.on('websocket', (socket) => sockets.push(socket.url()));
  // Anything bound elsewhere is refused and remembered, so it fails the test rather than reaching out.
  const outside: string[] = [];
  await context.route(
    (url) => url.protocol.startsWith('http') && !LOCAL_HOSTS.has(url.hostname),
    (route) => {
      outside.push(route.request().url());
      return route.abort();
    },
  );

  const workspace = await Workspace.open(page, lesson);
  const program = [
    'const peer = new Peer();',
    "peer.on('open', (id) => console.log('peer open with id', id));",
    "peer.on('error', (error) => console.log('peer error', error.type));",
    "console.log('ice servers:', JSON.stringify(peer.options.config.iceServers));",
    '',
  ].join('\n');
  await workspace.setFiles({ 'index.html': MODULE_PAGE, 'main.js': program });
  await workspace.run();
  await workspace.expectConsole(/peer open with id \S+/, 20_000);
  const id = /peer open with id (\S+)/.exec(await workspace.consoleText())![1]!;

  // The Peer's socket went to our signaller, on the site's port, under /peerjs, with that id.
  const signalling = sockets.map((url) => new URL(url)).find((url) => url.pathname.startsWith('/peerjs'));
  expect(signalling, `a PeerJS socket among ${JSON.stringify(sockets)}`).toBeDefined();
  expect(LOCAL_HOSTS.has(signalling!.hostname)).toBe(true);
  expect(signalling!.port).toBe(String(E2E_PORT));
  expect(signalling!.searchParams.get('id')).toBe(id);

  // The frame's requests were seen (so the listener covers it), and every request stayed local.
  expect(seen.some((url) => url.includes('/run/'))).toBe(true);
  const foreign = [...seen, ...sockets].filter((url) => !LOCAL_HOSTS.has(new URL(url).hostname));
  expect(foreign, 'requests to other hosts').toEqual([]);
  expect(outside).toEqual([]);

  // The ICE servers PeerJS will use are ours too (a STUN/TURN URL is not an HTTP request the listeners see).
  const iceLine = /ice servers: (\[.*\])/.exec(await workspace.consoleText());
  expect(iceLine, 'the console shows the ICE servers').not.toBeNull();
  const iceServers = JSON.parse(iceLine![1]!) as { urls: string | string[] }[];
  const iceHosts = iceServers.flatMap(({ urls }) => [urls].flat()).map((url) => /^[a-z]+:([^:?]+)/.exec(url)?.[1]);
  for (const host of iceHosts) expect(LOCAL_HOSTS.has(host ?? ''), `ICE server host ${host}`).toBe(true);
  expect(await workspace.consoleText()).not.toContain('peer error');
});
