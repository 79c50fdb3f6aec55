/**
 * The server as a process: the one-line port-in-use error of start.ts and a
 * clean exit on SIGTERM. Real child processes, real sockets.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import { formatListenError } from '../../../signal-server/listen-error.ts';
import { http } from './helpers.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function occupy(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address ? address.port : 0 });
    });
  });
}

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a script under this Node (24) with a clean port environment; killed after `timeoutMs`. */
function run(script: string, env: Record<string, string>, timeoutMs = 15_000): { child: ReturnType<typeof spawn>; exit: Promise<Exit> } {
  const { PORT: _p, SANDBOX_PORT: _s, API_PORT: _a, HOST: _h, ...rest } = process.env;
  const child = spawn(process.execPath, [script], { cwd: root, env: { ...rest, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const exit = new Promise<Exit>((resolve) =>
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    }),
  );
  return { child, exit };
}

describe('formatListenError', () => {
  it('names the port and the variable to change', () => {
    expect(formatListenError(4321, 'PORT', 'EADDRINUSE')).toBe(
      'Port 4321 is already in use: set PORT to another port (e.g. PORT=4400 npm start)',
    );
    expect(formatListenError(4400, 'API_PORT', 'EADDRINUSE', '', 'npm run dev')).toBe(
      'Port 4400 is already in use: set API_PORT to another port (e.g. API_PORT=4500 npm run dev)',
    );
    expect(formatListenError(80, 'PORT', 'EACCES')).toContain('set PORT to a port above 1023');
  });
});

describe('npm start when a port is taken', () => {
  it('prints one line naming PORT and exits 1', async () => {
    const { server, port } = await occupy();
    try {
      const { exit } = run('signal-server/start.ts', { PORT: String(port), SANDBOX_PORT: '0' });
      const result = await exit;
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(`Port ${port} is already in use: set PORT to another port (e.g. PORT=4400 npm start)\n`);
      expect(result.stdout).toBe('');
    } finally {
      server.close();
    }
  });

  it('prints one line naming SANDBOX_PORT and exits 1', async () => {
    const { server, port } = await occupy();
    try {
      const result = await run('signal-server/start.ts', { PORT: '0', SANDBOX_PORT: String(port) }).exit;
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(`Port ${port} is already in use: set SANDBOX_PORT to another port (e.g. SANDBOX_PORT=4400 npm start)\n`);
    } finally {
      server.close();
    }
  });

  it('prints one line for a bad PORT and exits 1', async () => {
    const result = await run('signal-server/start.ts', { PORT: 'http' }).exit;
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('PORT must be a port number from 0 to 65535, got "http"\n');
  });
});

describe('stopping', () => {
  it('closes sockets with a reason and exits 0 within a few seconds of SIGTERM', async () => {
    const fixture = fileURLToPath(new URL('./fixtures/serve.ts', import.meta.url));
    const { child, exit } = run(fixture, { PORT: '0', SANDBOX_PORT: '0' });
    const ports = await new Promise<{ site: number }>((resolve) =>
      child.stdout!.once('data', (chunk: Buffer) => resolve(JSON.parse(chunk.toString()) as { site: number })),
    );
    expect((await http(ports.site, '/healthz')).status).toBe(200);
    const ws = new WebSocket(`ws://127.0.0.1:${ports.site}/peerjs/peerjs?key=peerjs&id=stayer&token=t`);
    await new Promise((resolve) => ws.once('message', resolve));
    const wsClosed = new Promise<[number, string]>((resolve) => ws.once('close', (code, reason) => resolve([code, reason.toString()])));

    const started = Date.now();
    child.kill('SIGTERM');
    const result = await exit;
    expect(result.code).toBe(0);
    expect(Date.now() - started).toBeLessThan(3000);
    // The client was told why, not just cut off.
    expect(await wsClosed).toEqual([1001, 'The playground server is shutting down']);
    await expect(http(ports.site, '/healthz')).rejects.toThrow(/ECONNREFUSED/);
  });
});
