/**
 * A server of its own in HTTPS mode (`npm start -- --https`), beside the
 * suite's: ports E2E_PORT+4 (site), +5 (sandbox), +6 (TURN), and a temporary
 * certificate directory. The suite's own server stays plain HTTP.
 */
import { expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get, type RequestOptions } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { E2E_PORT } from './ports.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
export const HTTPS_PORT = E2E_PORT + 4;
export const HTTPS_SANDBOX_PORT = E2E_PORT + 5;
const HTTPS_TURN_PORT = E2E_PORT + 6;

export interface HttpsServer {
  child: ChildProcess;
  output: () => string;
}

export function httpsCertDir(): { dir: string; certPath: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'playground-https-e2e-'));
  return { dir, certPath: join(dir, 'cert.pem'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function startHttps(certDir: string): HttpsServer {
  const node = existsSync(join(root, 'node_modules/.bin/node')) ? join(root, 'node_modules/.bin/node') : process.execPath;
  const child = spawn(node, ['signal-server/start.ts', '--https'], {
    cwd: root,
    env: { ...process.env, PORT: String(HTTPS_PORT), SANDBOX_PORT: String(HTTPS_SANDBOX_PORT), TURN_PORT: String(HTTPS_TURN_PORT), CERT_DIR: certDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { child, output: () => text };
}

export function stopHttps(started: HttpsServer): Promise<void> {
  const { child } = started;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** GET /healthz trusting only the kept certificate; resolves with the certificate the server presented. */
function healthz(certPath: string): Promise<{ status: number; fingerprint: string }> {
  const options: RequestOptions = { host: 'localhost', port: HTTPS_PORT, path: '/healthz', ca: readFileSync(certPath), agent: false };
  return new Promise((resolve, reject) => {
    const req = get(options, (res) => {
      const fingerprint = (res.socket as TLSSocket).getPeerCertificate().fingerprint256;
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, fingerprint }));
    });
    req.on('error', reject);
  });
}

/** Waits until the server answers 200 over TLS (or says why it exited); resolves with its certificate's fingerprint. */
export async function httpsReady(started: HttpsServer, certPath: string): Promise<string> {
  let fingerprint = '';
  await expect
    .poll(
      async () => {
        if (started.child.exitCode !== null) return `exited: ${started.output()}`;
        if (!existsSync(certPath)) return 'no certificate yet';
        try {
          const answer = await healthz(certPath);
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
