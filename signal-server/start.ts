/**
 * `npm start`: build the site if it is missing or stale, then serve everything
 * on one port (PORT, default 4321) plus the sandbox origin (SANDBOX_PORT, PORT+1).
 * The ports are taken before building, so a port already in use is reported
 * at once rather than after a long build.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { staleReason, defaultBuildPlan } from './build-check.ts';
import { runBuild, type BuildProcess } from './build-site.ts';
import { ConfigError, parseConfig, type Config } from './config.ts';
import { ListenError, formatListenError } from './listen-error.ts';
import { consoleLogger } from './log.ts';
import { startServer, type RunningServer } from './server.ts';
import { onShutdown } from './shutdown.ts';
import { startTurn, type TurnServer } from './turn.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const log = consoleLogger('server');

/** Known failures end in one line and exit code 1; anything else is a bug and keeps its stack. */
function fail(error: unknown): never {
  if (error instanceof ConfigError) console.error(error.message);
  else if (error instanceof ListenError) console.error(formatListenError(error.port, error.envName, error.code));
  else throw error;
  process.exit(1);
}

let server: RunningServer;
let config: Config;
// coturn starts beside the server; until it is ready, ICE servers are empty.
let turn: TurnServer | null = null;
const turnSource = { get info() { return turn?.info ?? null; } };
try {
  config = parseConfig(process.env, process.argv.slice(2), 'site');
  server = await startServer(config, { siteDist: join(root, 'site/dist'), sandboxDist: join(root, 'sandbox/dist') }, log, turnSource);
} catch (error) {
  fail(error);
}
const turnStarting = startTurn(config.turn, log, { verbose: process.env.TURN_LOG === 'all' }).then((t) => (turn = t));

let build: BuildProcess | null = null;
let stopping = false;
onShutdown(async () => {
  stopping = true;
  build?.stop();
  await Promise.all([server.close(), turnStarting.then((t) => t.stop())]);
});

const reason = staleReason(root, defaultBuildPlan(root, process.env.PLAYGROUND_LESSONS_DIR));
if (reason !== null) {
  log.info(`Building the site first (${reason}) …`);
  server.siteState.building = true;
  build = runBuild(root);
  const code = await build.done;
  build = null;
  if (stopping) await new Promise(() => {}); // the shutdown handler exits
  if (code !== 0) {
    console.error(`The build failed (exit code ${code}): fix the error above, then run npm start again.`);
    await Promise.all([server.close(), turnStarting.then((t) => t.stop())]);
    process.exit(1);
  }
  server.siteState.building = false;
}

log.info(`WebRTC playground: ${server.siteUrl}  (sandbox origin ${server.sandboxUrl}, Ctrl+C stops)`);
