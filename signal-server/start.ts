/**
 * `npm start`: build the site if it is missing or stale, then serve everything
 * on one port (PORT, default 4321) plus the sandbox origin (SANDBOX_PORT, PORT+1).
 * The ports are taken before building, so a port already in use is reported
 * at once rather than after a long build.
 */
import { hostname, networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { staleReason, defaultBuildPlan } from './build-check.ts';
import { runBuild, type BuildProcess } from './build-site.ts';
import { CertificateError, certificateNames, ensureCertificate, type Certificate, type CertificateNames } from './certificate.ts';
import { ConfigError, parseConfig, type Config } from './config.ts';
import { lanOrigins } from './lan-origins.ts';
import { ListenError, formatListenError } from './listen-error.ts';
import { consoleLogger } from './log.ts';
import { startServer, type RunningServer } from './server.ts';
import { onShutdown } from './shutdown.ts';
import { startTurn, type TurnServer } from './turn.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const log = consoleLogger('server');

/** Known failures end in one line and exit code 1; anything else is a bug and keeps its stack. */
function fail(error: unknown): never {
  if (error instanceof ConfigError || error instanceof CertificateError) console.error(error.message);
  else if (error instanceof ListenError) console.error(formatListenError(error.port, error.envName, error.code));
  else throw error;
  process.exit(1);
}

let server: RunningServer;
let config: Config;
let certificate: Certificate | null = null;
let names: CertificateNames | null = null;
// coturn starts beside the server; until it is ready, ICE servers are empty.
let turn: TurnServer | null = null;
const turnSource = { get info() { return turn?.info ?? null; } };
try {
  config = parseConfig(process.env, process.argv.slice(2), 'site');
  if (config.https) {
    // Kept under the repository's .cache/ (gitignored), so trusting it once lasts across restarts.
    const certDir = resolve(config.certDir ?? join(root, '.cache/certs'));
    names = certificateNames(networkInterfaces(), hostname());
    certificate = ensureCertificate(certDir, names);
    const how = certificate.created ? `made a new one (${certificate.reason})` : 'reusing the kept one';
    log.info(`HTTPS certificate ${certificate.certPath}: ${how}; SHA-256 ${certificate.fingerprint}`);
  }
  const paths = { siteDist: join(root, 'site/dist'), sandboxDist: join(root, 'sandbox/dist') };
  server = await startServer(config, paths, log, turnSource, certificate);
} catch (error) {
  fail(error);
}
const turnStarting = startTurn(config.turn, log, { host: config.host, verbose: process.env.TURN_LOG === 'all' }).then((t) => (turn = t));

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
if (config.https && names !== null && (config.host === '0.0.0.0' || config.host === '::')) {
  // Other devices on the network: every address the certificate covers, apart from loopback.
  for (const origin of lanOrigins(config, names.ips, server.ports.site)) log.info(`  on this network: ${origin}/`);
  log.info('  (the certificate is self-signed: the README section "HTTPS and other devices" says how to trust it)');
}
