/**
 * The real server and a local coturn, started for capture-fixtures.ts and
 * stopped when it ends. Each resolves once the process says it is ready, and
 * fails with the process's own last lines when it exits early.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface Started {
  child: ChildProcess;
  stop(): Promise<void>;
}

function startAndWait(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; ready: RegExp; timeoutMs: number; echo: boolean },
): Promise<Started> {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${name} was not ready after ${options.timeoutMs} ms. Its last output:\n${tail}`));
    }, options.timeoutMs);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      tail = (tail + text).slice(-4000);
      if (options.echo) process.stderr.write(text.replace(/^/gm, `[${name}] `));
      if (options.ready.test(tail)) {
        clearTimeout(timer);
        resolve({ child, stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`${name} could not start (${command}): ${error.message}`));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${signal ?? `code ${code}`}) before it was ready. Its last output:\n${tail}`));
    });
  });
}

/** `npm start` on our own ports: builds the site first when it is stale. */
export function startServer(root: string, port: number, sandboxPort: number, options: { env?: NodeJS.ProcessEnv; echo?: boolean } = {}): Promise<Started> {
  return startAndWait('server', process.execPath, ['signal-server/start.ts'], {
    cwd: root,
    env: { ...process.env, ...options.env, PORT: String(port), SANDBOX_PORT: String(sandboxPort) },
    ready: /WebRTC playground: http/,
    timeoutMs: 5 * 60_000,
    echo: options.echo ?? true,
  });
}

export interface TurnOptions {
  port: number;
  username: string;
  credential: string;
  realm: string;
  /** A range of relay ports, so the allocation never collides with another coturn. */
  minPort: number;
  maxPort: number;
}

/**
 * coturn on loopback only, with one static long-term user, no TLS/DTLS, no CLI,
 * no configuration file (-n) and loopback peers allowed (both peers are here).
 */
export function startTurn(options: TurnOptions): Promise<Started> {
  return startAndWait(
    'turnserver',
    'turnserver',
    [
      '-n',
      '--listening-ip=127.0.0.1',
      `--listening-port=${options.port}`,
      '--relay-ip=127.0.0.1',
      `--min-port=${options.minPort}`,
      `--max-port=${options.maxPort}`,
      '--lt-cred-mech',
      `--user=${options.username}:${options.credential}`,
      `--realm=${options.realm}`,
      '--no-tls',
      '--no-dtls',
      '--no-cli',
      '--allow-loopback-peers',
      '--log-file=stdout',
      '--simple-log',
    ],
    { cwd: process.cwd(), ready: /Total General servers/, timeoutMs: 15_000, echo: false },
  );
}
