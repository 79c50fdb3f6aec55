/**
 * Test helpers: a real server on ephemeral ports over temporary site and
 * sandbox builds, and a raw HTTP client that can set any Host header.
 */
import { createSocket } from 'node:dgram';
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseConfig, type ServerMode } from '../../../signal-server/config.ts';
import type { Logger } from '../../../signal-server/log.ts';
import { startServer, type RunningServer } from '../../../signal-server/server.ts';

export interface MemoryLogger extends Logger {
  lines: string[];
}

export function memoryLogger(): MemoryLogger {
  const lines: string[] = [];
  return { lines, info: (line) => lines.push(line), error: (line) => lines.push(line) };
}

/** Writes `files` (path → text) under a fresh temporary directory. */
export function tempTree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'playground-server-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

export const SITE_FILES = {
  'index.html': '<!doctype html><title>Home</title><h1>Home</h1>',
  '404.html': '<!doctype html><title>Not found</title><h1>Page not found</h1>',
  '_astro/app.Ab12Cd.js': 'console.log("hashed asset");',
  'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
  'lessons/two-peers/index.html': '<!doctype html><title>Two peers</title>',
};

export const SANDBOX_FILES = {
  'runtime.js': '/* runtime */ window.__runtime = true;',
  'peerjs.js': 'export const Peer = globalThis.Peer;',
};

export interface TestServer extends RunningServer {
  log: MemoryLogger;
  siteDist: string;
  sandboxDist: string;
  stop(): Promise<void>;
}

export async function startTestServer(
  options: { mode?: ServerMode; site?: Record<string, string>; sandbox?: Record<string, string>; env?: Record<string, string> } = {},
): Promise<TestServer> {
  const siteDist = tempTree(options.site ?? SITE_FILES);
  const sandboxDist = tempTree(options.sandbox ?? SANDBOX_FILES);
  const log = memoryLogger();
  const mode = options.mode ?? 'site';
  const env = { PORT: '0', SANDBOX_PORT: '0', ...(mode === 'api' ? { PORT: '4599', API_PORT: '0' } : {}), ...options.env };
  const server = await startServer(parseConfig(env, [], mode), { siteDist, sandboxDist }, log);
  return {
    ...server,
    log,
    siteDist,
    sandboxDist,
    async stop() {
      await server.close();
      rmSync(siteDist, { recursive: true, force: true });
      rmSync(sandboxDist, { recursive: true, force: true });
    },
  };
}

export interface Response {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTP request to 127.0.0.1:port; `host` sets the Host header the server sees. */
export function http(
  port: number,
  path: string,
  options: { method?: string; host?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: { host: options.host ?? `127.0.0.1:${port}`, ...options.headers },
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

export function postJson(port: number, path: string, value: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return http(port, path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof value === 'string' ? value : JSON.stringify(value),
  });
}

/**
 * POST /api/runs as the site's page sends it: with its Origin (the site on
 * `port`), which the endpoint requires. Pass `origin` to send another.
 */
export function postRun(port: number, value: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return postJson(port, '/api/runs', value, { origin: `http://localhost:${port}`, ...headers });
}

/** A UDP port nothing holds right now (coturn gets it next). */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    socket.bind(0, '127.0.0.1', () => {
      const { port } = socket.address();
      socket.close(() => resolve(port));
    });
  });
}
