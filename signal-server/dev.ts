/**
 * `npm run dev`: astro dev on PORT (pages with hot reload), the signal-server
 * in api mode on API_PORT (PORT+2; astro's Vite proxy forwards /api, /healthz
 * and /peerjs to it, reading PLAYGROUND_API_PORT), the sandbox origin on
 * SANDBOX_PORT (PORT+1), and the sandbox runtime rebuilt on every change.
 * Ctrl+C stops all of it.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, parseConfig, type Config } from './config.ts';
import { ListenError, formatListenError } from './listen-error.ts';
import { consoleLogger, describeError } from './log.ts';
import { assertPortFree } from './port-probe.ts';
import { prefixOutput } from './prefix-output.ts';
import { startServer, type RunningServer } from './server.ts';
import { onShutdown } from './shutdown.ts';
import { startTurn, type TurnServer } from './turn.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const log = consoleLogger('server');
const devLog = consoleLogger('dev');

let config: Config;
let server: RunningServer;
let turn: TurnServer | null = null;
const turnSource = { get info() { return turn?.info ?? null; } };
try {
  config = parseConfig(process.env, process.argv.slice(2), 'api');
  await assertPortFree(config.port, config.host, 'PORT');
  server = await startServer(config, { siteDist: join(root, 'site/dist'), sandboxDist: join(root, 'sandbox/dist') }, log, turnSource);
} catch (error) {
  if (error instanceof ConfigError) console.error(error.message);
  else if (error instanceof ListenError) console.error(formatListenError(error.port, error.envName, error.code, '', 'npm run dev'));
  else throw error;
  process.exit(1);
}
const turnStarting = startTurn(config.turn, log, { host: config.host, verbose: process.env.TURN_LOG === 'all' }).then((t) => (turn = t));

// The runtime bundle, rebuilt on change. Loaded lazily: a broken runtime
// source must not keep the site from starting (the frame then reports 503).
const runtimeLog = consoleLogger('runtime');
let disposeRuntime = async () => {};
try {
  const { buildSandbox } = (await import('../sandbox/build.ts')) as typeof import('../sandbox/build.ts');
  const build = await buildSandbox({ watch: true });
  disposeRuntime = () => build.dispose();
  runtimeLog.info('built sandbox/dist; rebuilding on change');
} catch (error) {
  runtimeLog.error(`the sandbox runtime did not build: ${describeError(error)}`);
}

const astroBin = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
const astro = spawn(process.execPath, [astroBin, 'dev', '--root', 'site', '--port', String(config.port)], {
  cwd: root,
  env: {
    ...process.env,
    PLAYGROUND_API_PORT: String(server.ports.api),
    // Piped output is not a terminal; keep astro's colours when ours is one.
    ...(process.stdout.isTTY ? { FORCE_COLOR: '1' } : {}),
  },
  stdio: ['ignore', 'pipe', 'pipe'],
});
prefixOutput(astro, 'astro');

let stopping = false;
const stopAll = async () => {
  stopping = true;
  if (astro.exitCode === null) astro.kill('SIGTERM');
  await Promise.all([disposeRuntime(), server.close(), turnStarting.then((t) => t.stop())]);
};
onShutdown(stopAll);

astro.once('exit', (code, signal) => {
  if (stopping) return;
  devLog.error(`astro dev stopped (${signal ?? `exit code ${code}`}); stopping the rest.`);
  void stopAll().then(() => process.exit(code === 0 ? 0 : 1));
});

devLog.info(
  `WebRTC playground (dev): http://localhost:${config.port}/  ` +
    `(api ${server.apiUrl}, sandbox origin ${server.sandboxUrl}, Ctrl+C stops)`,
);
