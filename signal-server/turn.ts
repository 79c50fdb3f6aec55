/**
 * coturn as a child process: our own STUN/TURN server, so lessons never need a
 * third-party one. Optional: when `turnserver` is not installed, or cannot
 * start, the playground says so in one line and runs without it (the ICE
 * servers endpoint then returns none).
 *
 * - The shared secret goes into a config file only its owner can read, never
 *   on the command line, where `ps` would show it.
 * - It listens where the site listens, and relays only between browsers:
 *   turn-policy.ts says what it may reach and why.
 * - It dies with us: SIGTERM then SIGKILL on stop, and `setpriv --pdeathsig`
 *   (util-linux) makes the kernel kill it if this process dies without stopping it.
 * - "Ready" means it answered a STUN binding request, not that it printed something.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, isIPv6 } from 'node:net';
import { lookup } from 'node:dns/promises';
import { networkInterfaces, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { DEFAULT_HOST, type TurnConfig } from './config.ts';
import type { TurnInfo } from './ice-servers.ts';
import type { Logger } from './log.ts';
import { generateTurnSecret } from './turn-credentials.ts';
import { relayPolicyLines, turnListeningAddresses } from './turn-policy.ts';

export const TURN_REALM = 'webrtc-playground';
export const INSTALL_HINT = 'sudo apt-get install -y coturn';

export interface TurnServer {
  /** 'running' while coturn answers; 'missing' when not installed; 'failed' when it did not start or stopped. */
  readonly status: 'running' | 'missing' | 'failed';
  /** What the ICE servers are built from, or null when coturn is not running. */
  readonly info: TurnInfo | null;
  /** Listening addresses (for the log and the README's claims). */
  readonly addresses: string[];
  /** The child's pid while it runs (tests check it is gone after stop). */
  readonly pid: number | null;
  stop(): Promise<void>;
}

export interface TurnOptions {
  /** The site's HOST: coturn listens where the site does (default 127.0.0.1). */
  host?: string;
  /** The executable; found on PATH by default. */
  command?: string | null;
  readyTimeoutMs?: number;
  /** Print every coturn line (TURN_LOG=all), not only its errors. */
  verbose?: boolean;
}

/** The first `name` on PATH that is executable, or null. */
export function findOnPath(name: string, path = process.env.PATH ?? ''): string | null {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const file = join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return null;
}

/** Where coturn listens for the site's HOST (turn-policy.ts); a host name is resolved as the HTTP server resolved it. */
async function listeningAddresses(host: string): Promise<string[]> {
  const addresses = turnListeningAddresses(host, networkInterfaces());
  if (addresses !== null) return addresses;
  try {
    return [(await lookup(host)).address];
  } catch {
    return ['127.0.0.1'];
  }
}

/** coturn's config file. Pure, so the test can read exactly what coturn is told. */
export function coturnConfig(options: { port: number; secret: string; addresses: string[]; dir: string }): string {
  const lines = [
    `listening-port=${options.port}`,
    ...options.addresses.map((ip) => `listening-ip=${ip}`),
    ...relayPolicyLines(),
    'use-auth-secret',
    `static-auth-secret=${options.secret}`,
    `realm=${TURN_REALM}`,
    'fingerprint',
    'no-tls',
    'no-dtls',
    'no-cli',
    'no-rfc5780',
    'no-software-attribute',
    'log-file=stdout',
    'simple-log',
    // Out of /var: the user may not be root, and a second playground must not share them.
    `pidfile=${join(options.dir, 'turnserver.pid')}`,
    `userdb=${join(options.dir, 'turndb')}`,
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * Lines worth showing by default: coturn's own errors. Not its banner, and not
 * what one client session did wrong (a refused password, a browser closing its
 * TCP connection): lessons provoke those on purpose, and the learner sees them
 * in the browser (icecandidateerror), not in our log. Nor a refused peer
 * address: browsers ask for a permission for each remote candidate, and only
 * the other relay's is allowed (turn-policy.ts).
 */
export function isCoturnError(line: string): boolean {
  if (/socket: Protocol not supported/.test(line)) return false; // SCTP missing from the kernel: harmless
  if (/\bsession \d+|check_stun_auth|incoming packet|error 401|error 438|peer IP .* denied/.test(line)) return false;
  return /error|cannot|fail/i.test(line);
}

/** Resolves when nothing on `address` holds `port` (UDP and TCP); rejects with the reason otherwise. */
function assertTurnPortFree(port: number, address: string): Promise<void> {
  const udp = new Promise<void>((resolve, reject) => {
    const socket = createSocket(isIPv6(address) ? 'udp6' : 'udp4');
    socket.once('error', (error) => {
      socket.close();
      reject(error);
    });
    socket.bind(port, address, () => socket.close(() => resolve()));
  });
  const tcp = new Promise<void>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, address, () => server.close(() => resolve()));
  });
  return Promise.all([udp, tcp]).then(() => undefined);
}

/** Sends STUN binding requests to address:port until one is answered (true) or `deadline` passes (false). */
export function waitForStun(port: number, deadline: number, gone: () => boolean, address = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createSocket(isIPv6(address) ? 'udp6' : 'udp4');
    const request = Buffer.alloc(20);
    request.writeUInt16BE(0x0001, 0); // Binding request, no attributes
    request.writeUInt32BE(0x2112a442, 4); // magic cookie
    randomBytes(12).copy(request, 8);
    let timer: NodeJS.Timeout | undefined;
    const finish = (ok: boolean) => {
      clearTimeout(timer);
      socket.close();
      resolve(ok);
    };
    socket.on('message', (message) => {
      if (message.length >= 20 && message.readUInt16BE(0) === 0x0101 && message.subarray(8, 20).equals(request.subarray(8, 20))) finish(true);
    });
    // ICMP "port unreachable" surfaces as an error before coturn listens: keep asking.
    socket.on('error', () => {});
    const ask = () => {
      if (gone() || Date.now() > deadline) return finish(false);
      socket.send(request, port, address);
      timer = setTimeout(ask, 100);
    };
    ask();
  });
}

function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `killed by ${signal}` : `exit code ${code}`;
}

export async function startTurn(config: TurnConfig, log: Logger, options: TurnOptions = {}): Promise<TurnServer> {
  const command = options.command === undefined ? findOnPath('turnserver') : options.command;
  const addresses = await listeningAddresses(options.host ?? DEFAULT_HOST);
  const inert = (status: 'missing' | 'failed'): TurnServer => ({ status, info: null, addresses, pid: null, stop: async () => {} });
  if (command === null) {
    log.info(`coturn (turnserver) is not installed: STUN/TURN lessons need it — ${INSTALL_HINT}`);
    return inert('missing');
  }
  try {
    // The first address: 127.0.0.1 unless the site listens on one address only.
    await assertTurnPortFree(config.port, addresses[0]!);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EADDRINUSE' ? 'is already in use (another coturn?)' : `is not available (${code ?? String(error)})`;
    log.error(`coturn not started: TURN_PORT ${config.port} ${why}; set TURN_PORT to a free port. The rest keeps working without STUN/TURN.`);
    return inert('failed');
  }

  const secret = config.secret ?? generateTurnSecret();
  const dir = mkdtempSync(join(tmpdir(), 'playground-coturn-'));
  const file = join(dir, 'turnserver.conf');
  writeFileSync(file, coturnConfig({ port: config.port, secret, addresses, dir }), { mode: 0o600 });
  const setpriv = findOnPath('setpriv');
  const argv = ['-c', file];
  const child: ChildProcess = setpriv
    ? spawn(setpriv, ['--pdeathsig', 'TERM', '--', command, ...argv], { stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(command, argv, { stdio: ['ignore', 'pipe', 'pipe'] });

  let status: TurnServer['status'] = 'failed';
  let exited = false;
  let stopping = false;
  let spawnError: Error | null = null;
  const recent: string[] = [];
  const onLine = (line: string) => {
    const text = line.replace(/^\d+: : /, '').trim();
    if (!text) return;
    recent.push(text);
    if (recent.length > 20) recent.shift();
    if (options.verbose) log.info(`coturn: ${text}`);
    else if (status === 'running' && isCoturnError(text)) log.error(`coturn: ${text}`);
  };
  for (const stream of [child.stdout, child.stderr]) if (stream) createInterface({ input: stream, crlfDelay: Infinity }).on('line', onLine);

  const exit = new Promise<void>((resolve) => {
    child.once('error', (error) => {
      spawnError = error;
      exited = true;
      resolve();
    });
    child.once('exit', (code, signal) => {
      exited = true;
      if (status === 'running' && !stopping) {
        log.error(`coturn stopped unexpectedly (${describeExit(code, signal)}): ${recent.at(-1) ?? 'no output'}. STUN/TURN is unavailable until restart.`);
      }
      status = 'failed';
      rmSync(dir, { recursive: true, force: true });
      resolve();
    });
  });

  const started = Date.now();
  const ready = await waitForStun(config.port, started + (options.readyTimeoutMs ?? 5000), () => exited, addresses[0]);
  const stop = async () => {
    stopping = true;
    if (!exited) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
      await exit;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  if (!ready) {
    const reason = spawnError
      ? describeSpawnError(spawnError)
      : exited
        ? `it exited (${describeExit(child.exitCode, child.signalCode)}): ${recent.filter(isCoturnError).at(-1) ?? recent.at(-1) ?? 'no output'}`
        : `it did not answer STUN on port ${config.port} within ${options.readyTimeoutMs ?? 5000} ms`;
    log.error(`coturn not started: ${reason}. The rest keeps working without STUN/TURN.`);
    await stop();
    return inert('failed');
  }
  status = 'running';
  // coturn has read its config: the secret need not outlive this moment on disk,
  // even if we are killed before we can clean up.
  rmSync(file, { force: true });
  log.info(`coturn: STUN/TURN on ${addresses.join(', ')} port ${config.port} (ready in ${Date.now() - started} ms)`);
  const info: TurnInfo = { port: config.port, secret, ttl: config.ttl, addresses };
  return {
    get status() {
      return status;
    },
    get info() {
      return status === 'running' ? info : null;
    },
    addresses,
    get pid() {
      return exited ? null : (child.pid ?? null);
    },
    stop,
  };
}

function describeSpawnError(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? `turnserver was not found (${INSTALL_HINT})` : `turnserver could not be run: ${error.message}`;
}
