// HTTPS mode (`npm start -- --https`), as a learner reaching the playground
// from a phone would use it: the server makes a self-signed certificate on its
// first start and keeps it, a second start reuses it, and a lesson runs over
// https/wss in real Chromium. The suite's own server stays plain HTTP; this
// spec starts its own HTTPS server on ports beside the suite's.
import { test, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { get, type RequestOptions } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readLessons } from './support/lessons.ts';
import { E2E_PORT } from './support/ports.ts';
import { Workspace } from './support/workspace.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
// Beside the suite's ports (E2E_PORT, +1 sandbox, +2 TURN), never on them.
const PORT = E2E_PORT + 4;
const SANDBOX_PORT = E2E_PORT + 5;
const TURN_PORT = E2E_PORT + 6;
const ORIGIN = `https://localhost:${PORT}`;

const certDir = mkdtempSync(join(tmpdir(), 'playground-https-e2e-'));
const certPath = join(certDir, 'cert.pem');

interface Started {
  child: ChildProcess;
  output: () => string;
}

function startHttps(): Started {
  const node = existsSync(join(root, 'node_modules/.bin/node')) ? join(root, 'node_modules/.bin/node') : process.execPath;
  const child = spawn(node, ['signal-server/start.ts', '--https'], {
    cwd: root,
    env: { ...process.env, PORT: String(PORT), SANDBOX_PORT: String(SANDBOX_PORT), TURN_PORT: String(TURN_PORT), CERT_DIR: certDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { child, output: () => text };
}

function stop(started: Started): Promise<void> {
  const { child } = started;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** GET /healthz trusting only the kept certificate; resolves with the certificate the server presented. */
function healthz(): Promise<{ status: number; fingerprint: string }> {
  const options: RequestOptions = { host: 'localhost', port: PORT, path: '/healthz', ca: readFileSync(certPath), agent: false };
  return new Promise((resolve, reject) => {
    const req = get(options, (res) => {
      const fingerprint = (res.socket as TLSSocket).getPeerCertificate().fingerprint256;
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, fingerprint }));
    });
    req.on('error', reject);
  });
}

/** Waits until the server answers 200 over TLS (or says why it exited). */
async function ready(started: Started): Promise<string> {
  let fingerprint = '';
  await expect
    .poll(
      async () => {
        if (started.child.exitCode !== null) return `exited: ${started.output()}`;
        if (!existsSync(certPath)) return 'no certificate yet';
        try {
          const answer = await healthz();
          fingerprint = answer.fingerprint;
          return answer.status;
        } catch (error) {
          return String(error);
        }
      },
      { timeout: 30_000, message: 'the HTTPS server answers /healthz' },
    )
    .toBe(200);
  return fingerprint;
}

let server: Started | null = null;

test.afterAll(async () => {
  if (server) await stop(server);
  rmSync(certDir, { recursive: true, force: true });
});

test('HTTPS mode makes a certificate, reuses it on the next start, and runs lessons over it', async ({ browser }) => {
  test.setTimeout(120_000);

  server = startHttps();
  const first = await ready(server);
  const kept = new X509Certificate(readFileSync(certPath));
  expect(first, 'the server presents the kept certificate').toBe(kept.fingerprint256);
  expect(kept.checkHost('localhost')).toBe('localhost');
  expect(kept.checkIP('127.0.0.1')).toBe('127.0.0.1');
  expect(statSync(join(certDir, 'key.pem')).mode & 0o777, 'the key is private').toBe(0o600);
  await expect.poll(() => server?.output() ?? '').toContain(`WebRTC playground: ${ORIGIN}/`);
  expect(server.output()).toContain('made a new one');

  await stop(server);
  server = startHttps();
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
