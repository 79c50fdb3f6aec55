// HTTPS mode (`npm start -- --https`), as a learner reaching the playground
// from a phone would use it: the server makes a self-signed certificate on its
// first start and keeps it, a second start reuses it, and a lesson runs over
// https/wss in real Chromium. The suite's own server stays plain HTTP; this
// spec starts its own HTTPS server on ports beside the suite's.
import { test, expect } from '@playwright/test';
import { X509Certificate } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { HTTPS_PORT, HTTPS_SANDBOX_PORT, httpsCertDir, httpsReady, startHttps, stopHttps, type HttpsServer } from './support/https-server.ts';
import { readLessons } from './support/lessons.ts';
import { Workspace } from './support/workspace.ts';

const PORT = HTTPS_PORT;
const SANDBOX_PORT = HTTPS_SANDBOX_PORT;
const ORIGIN = `https://localhost:${PORT}`;

const certs = httpsCertDir();
const certDir = certs.dir;
const certPath = certs.certPath;
const ready = (started: HttpsServer) => httpsReady(started, certPath);
const stop = stopHttps;

let server: HttpsServer | null = null;

test.afterAll(async () => {
  if (server) await stop(server);
  certs.remove();
});

test('HTTPS mode makes a certificate, reuses it on the next start, and runs lessons over it', async ({ browser }) => {
  test.setTimeout(120_000);

  server = startHttps(certDir);
  const first = await ready(server);
  const kept = new X509Certificate(readFileSync(certPath));
  expect(first, 'the server presents the kept certificate').toBe(kept.fingerprint256);
  expect(kept.checkHost('localhost')).toBe('localhost');
  expect(kept.checkIP('127.0.0.1')).toBe('127.0.0.1');
  expect(statSync(join(certDir, 'key.pem')).mode & 0o777, 'the key is private').toBe(0o600);
  await expect.poll(() => server?.output() ?? '').toContain(`WebRTC playground: ${ORIGIN}/`);
  expect(server.output()).toContain('made a new one');

  await stop(server);
  server = startHttps(certDir);
  const second = await ready(server);
  expect(second, 'the second start reuses the certificate').toBe(first);
  expect(server.output()).toContain('reusing the kept one');

  // Lesson 02 runs WebRTC in the https frame; lesson 05 also reaches the PeerJS signaller over wss.
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  try {
    for (const folder of ['02-two-peers-in-one-page', '05-signalling-with-peerjs']) {
      const lesson = readLessons().find((l) => l.folder === folder);
      if (!lesson) throw new Error(`lesson ${folder} is missing`);
      const page = await context.newPage();
      const sockets: string[] = [];
      page.on('websocket', (socket) => sockets.push(socket.url()));
      const workspace = await Workspace.open(page, { path: `${ORIGIN}${lesson.path}` });
      await workspace.solutionButton.click();
      await expect(workspace.solutionButton).toHaveAttribute('aria-pressed', 'true');
      await workspace.runButton.click();
      // The frame is on the other loopback name, over https too.
      await expect(workspace.preview).toHaveAttribute('src', new RegExp(`^https://127\\.0\\.0\\.1:${SANDBOX_PORT}/run/`));
      await workspace.expectAllPassed(lesson.timeLimit * 1000);
      expect((await workspace.checks()).length).toBeGreaterThan(0);
      if (folder.startsWith('05')) {
        expect(sockets.some((url) => url.startsWith(`wss://localhost:${PORT}/peerjs/peerjs?`)), sockets.join(' ')).toBe(true);
      }
      await page.close();
    }
  } finally {
    await context.close();
  }
});
