// Clients that open connections and then stall, or open too many: the server
// cuts a stalled request within seconds (header phase, body phase), holds no
// more than a bounded amount of half-received bodies, refuses connections past
// its per-address cap at once with a 429, and meanwhile an honest client can
// still post a run and fetch it. Attackers use other loopback addresses
// (127.0.0.2, …) than the honest client (127.0.0.1), as they would be other hosts.
import { test, expect } from '@playwright/test';
import { nextMessage, openPeer } from './support/peerjs-client.ts';
import { E2E_PORT } from './support/ports.ts';
import { destroyAll, stall, waitClosed, type StalledSocket } from './support/raw-http.ts';
import { MiB, peakOf, startServerProcess, type ServerProcess } from './support/server-process.ts';

const PORT = E2E_PORT + 3;
const LIMIT = 300 * MiB;
/** The default MAX_CONNECTIONS_PER_CLIENT (config.ts), counted over both origins. */
const PER_CLIENT = 1000;

/** What a learner's Run does: post the files, then load the page from the sandbox origin. */
async function honestRun(server: ServerProcess): Promise<void> {
  const posted = await fetch(`http://127.0.0.1:${server.ports.site}/api/runs`, {
    method: 'POST',
    // Runs are created by our own pages only: a page sends its Origin.
    headers: { 'Content-Type': 'application/json', Origin: `http://localhost:${server.ports.site}` },
    body: JSON.stringify({ files: { 'index.html': '<!doctype html><p>honest</p>' } }),
  });
  expect(posted.status).toBe(201);
  const { path } = (await posted.json()) as { path: string };
  const page = await fetch(`http://127.0.0.1:${server.ports.sandbox}${path}index.html`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('honest');
}

test('stalled 4 MiB request bodies are bounded in memory and cut within seconds; long polls and WebSockets are not', async () => {
  test.setTimeout(60_000);
  const server = await startServerProcess(PORT);
  const sockets: StalledSocket[] = [];
  try {
    await honestRun(server);
    // Honest connections that outlive the request timeouts: a 20 s long poll, and a PeerJS pair used at the end.
    const longPoll = fetch(`http://127.0.0.1:${PORT}/rooms/patient/messages?after=0&wait=20`);
    const [a, b] = await Promise.all([openPeer(PORT, 'patient-a'), openPeer(PORT, 'patient-b')]);
    const baseline = server.rss();
    const peak = peakOf(() => server.rss());
    const length = 4 * MiB;
    // The attacker forges a page's Origin (a tool can), so the upload is read rather than refused at once.
    const head = `POST /api/runs HTTP/1.1\r\nHost: 127.0.0.1:${PORT}\r\nOrigin: http://localhost:${PORT}\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;
    const body = Buffer.alloc(length - 1024, 'a'); // all but the last KiB, then silence
    for (let i = 0; i < 100; i++) sockets.push(await stall(PORT, '127.0.0.2', head, body));
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    await honestRun(server);
    const held = peak.peak;
    const open = await waitClosed(sockets, 40_000);
    const slowest = Math.max(...sockets.map((s) => s.closedAfter ?? Infinity));
    const refused = sockets.filter((s) => /^HTTP\/1\.1 503/.test(s.reply)).length;
    peak.stop();
    console.log(
      `stalled bodies: RSS ${(baseline / MiB).toFixed(0)} MiB → peak ${(held / MiB).toFixed(0)} MiB; ${refused} of 100 refused at once (503); ` +
        `${open} still open after 40 s; last cut after ${(slowest / 1000).toFixed(1)} s`,
    );
    expect(held - baseline).toBeLessThan(LIMIT);
    expect(open).toBe(0);
    expect(slowest).toBeLessThan(35_000);

    expect((await longPoll).status).toBe(200);
    const offer = nextMessage(b, 'OFFER');
    a.send(JSON.stringify({ type: 'OFFER', dst: 'patient-b', payload: { sdp: 'v=0' } }));
    expect((await offer).src).toBe('patient-a');
    a.close();
    b.close();
  } finally {
    destroyAll(sockets);
    await server.stop();
  }
});

test('stalled headers are cut within seconds, and connections past the per-address cap are refused at once', async () => {
  test.setTimeout(60_000);
  const server = await startServerProcess(PORT);
  const sockets: StalledSocket[] = [];
  try {
    const baseline = server.rss();
    const head = `GET / HTTP/1.1\r\nHost: 127.0.0.1:${PORT}\r\n`; // no blank line: the headers never end
    // Half to each origin, from one address: the last 100, to the sandbox, are past the cap.
    for (let i = 0; i < (PER_CLIENT + 100) / 2; i++) sockets.push(await stall(server.ports.site, '127.0.0.3', head));
    for (let i = 0; i < (PER_CLIENT + 100) / 2; i++) sockets.push(await stall(server.ports.sandbox, '127.0.0.3', head));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const refused = (port: number) =>
      sockets.filter((s) => s.port === port && s.closedAfter !== null && /^HTTP\/1\.1 429/.test(s.reply)).length;
    const refusedSite = refused(server.ports.site);
    const refusedSandbox = refused(server.ports.sandbox);
    await honestRun(server);
    const open = await waitClosed(sockets, 20_000);
    const slowest = Math.max(...sockets.map((s) => s.closedAfter ?? Infinity));
    console.log(
      `stalled headers: ${refusedSite} (site) + ${refusedSandbox} (sandbox) of ${PER_CLIENT + 100} refused at once (429); ${open} still open after 20 s; ` +
        `last cut after ${(slowest / 1000).toFixed(1)} s; RSS ${(baseline / MiB).toFixed(0)} → ${(server.rss() / MiB).toFixed(0)} MiB`,
    );
    expect([refusedSite, refusedSandbox]).toEqual([0, 100]);
    expect(open).toBe(0);
    expect(slowest).toBeLessThan(15_000);
    expect(server.rss() - baseline).toBeLessThan(LIMIT);
  } finally {
    destroyAll(sockets);
    await server.stop();
  }
});
