/**
 * Creates the two origins' HTTP servers, listens, and closes them again.
 * Listening on port 0 picks free ports (tests run in parallel); the ports the
 * browser must use are filled in once the servers listen.
 */
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';
import { certificateNames } from './certificate.ts';
import { createConnectionLimit } from './connection-limit.ts';
import { lanOrigins } from './lan-origins.ts';
import type { Config } from './config.ts';
import { createHostAllowList, onlyOwnHosts, onlyOwnHostUpgrades } from './host-allow-list.ts';
import { createIceServerSource, type IceServerSource, type TurnInfo } from './ice-servers.ts';
import { ListenError } from './listen-error.ts';
import type { Logger } from './log.ts';
import { createLoopGuardService } from './loop-guard-service.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { createSignaller } from './peer-server.ts';
import { createRoomRelay } from './rooms.ts';
import { createPollingRooms } from './rooms-http.ts';
import { createRunStore, type RunStore } from './runs.ts';
import { createSandboxApp } from './sandbox-app.ts';
import { machineSandboxHosts } from './sandbox-hosts.ts';
import { createSiteApp } from './site-app.ts';
import type { SiteState } from './static-site.ts';
import { routeUpgrades } from './upgrade.ts';

type Server = HttpServer | HttpsServer;

/** HTTPS mode's key and certificate (PEM), from certificate.ts. */
export interface TlsCredentials {
  key: string;
  cert: string;
}

export interface ServerPaths {
  siteDist: string;
  sandboxDist: string;
}

export interface RunningServer {
  /** Ports as bound: `site` is where pages are opened, `api` where this process serves /api and /peerjs. */
  ports: { site: number; api: number; sandbox: number };
  /** The page to open, e.g. http://localhost:4321/. */
  siteUrl: string;
  /** Where this process's site-origin endpoints are (equals siteUrl in site mode). */
  apiUrl: string;
  sandboxUrl: string;
  siteState: SiteState;
  runs: RunStore;
  iceServers: IceServerSource;
  metrics: Metrics;
  close(): Promise<void>;
}

/** What startServer needs from coturn (turn.ts): its current ICE info, null when it is not running. */
export interface TurnSource {
  readonly info: TurnInfo | null;
}

/**
 * How long a client may take to send a request. Node's defaults let a stalled
 * client hold a connection (and the part of a body it sent) for 60 s of
 * headers and 300 s of body, checked only every 30 s. These count from the
 * connection's first byte to the request's last; once a request is in, they
 * no longer apply, so a long poll (up to 20 s) and a WebSocket run as long as
 * they need. 30 s carries a 4 MiB run at 1.2 Mbit/s.
 */
export const REQUEST_TIMEOUTS = {
  headersTimeout: 10_000,
  requestTimeout: 30_000,
  /** How often Node looks for connections past those timeouts. */
  connectionsCheckingInterval: 1_000,
};

/** Listens, or rejects with a ListenError naming the variable that chose the port. */
async function listen(server: Server, port: number, host: string, envName: string): Promise<number> {
  try {
    return await listenOn(server, port, host, envName);
  } catch (error) {
    // "::" means every address; a machine without IPv6 still has every IPv4 address.
    if (host !== '::' || !(error instanceof ListenError) || error.code !== 'EAFNOSUPPORT') throw error;
    return listenOn(server, port, '0.0.0.0', envName);
  }
}

function listenOn(server: Server, port: number, host: string, envName: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => reject(new ListenError(port, envName, error));
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    // Keep-alive and in-flight connections would otherwise hold close() open.
    server.closeAllConnections();
  });
}

/** The name to print: pages are opened at localhost and frames at 127.0.0.1 (see sandboxOriginFor). */
function browserHost(host: string): string {
  if (host === '127.0.0.1' || host === '0.0.0.0' || host === '::' || host === '::1' || host === 'localhost') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

export async function startServer(
  config: Config,
  paths: ServerPaths,
  log: Logger,
  turn: TurnSource | null = null,
  tls: TlsCredentials | null = null,
): Promise<RunningServer> {
  if (config.https && tls === null) throw new Error('HTTPS mode needs a key and certificate (ensureCertificate)');
  const ports = { site: config.port, api: config.apiPort, sandbox: config.sandboxPort };
  const siteState: SiteState = { building: false };
  const runs = createRunStore();
  // Both origins over TLS or neither: a secure page may not frame or reach plain http.
  const createServer = (): Server =>
    config.https && tls ? createHttpsServer({ key: tls.key, cert: tls.cert, ...REQUEST_TIMEOUTS }) : createHttpServer(REQUEST_TIMEOUTS);
  const apiServer = createServer();
  const sandboxServer = createServer();
  // One count for both origins: a learner's tab uses both, and so does an attacker.
  const connections = createConnectionLimit(config.maxConnectionsPerClient);
  connections.watch(apiServer, config.https);
  connections.watch(sandboxServer, config.https);

  // Read per request: the ports are known only once the servers listen.
  // A page at one of this machine's addresses places its frame at a partner address (another site).
  let dualStack = false;
  const sandboxHosts = machineSandboxHosts(() => dualStack);
  const browserPorts = () => ({ site: ports.site, sandbox: ports.sandbox, extraOrigins: config.allowedOrigins, sandboxHosts: sandboxHosts() });
  const iceServers = createIceServerSource(() => turn?.info ?? null);
  const rooms = createRoomRelay({ ports: browserPorts, log });
  const pollingRooms = createPollingRooms({ ports: browserPorts });
  // Filled in below: the metrics read the signaller, and the signaller reports to the metrics.
  let metrics: Metrics | undefined;
  const signaller = createSignaller({
    server: apiServer,
    ports: browserPorts,
    log,
    events: {
      relayed: () => metrics?.signaller.relayed(),
      queued: () => metrics?.signaller.queued(),
      dropped: (reason) => metrics?.signaller.dropped(reason),
    },
    onError: () => metrics?.error('peerjs'),
  });
  metrics = createMetrics({
    peersConnected: () => signaller.peerCount(),
    absentPeerQueue: () => signaller.queuedCount(),
    absentPeerQueueBytes: () => signaller.queuedBytes(),
    rooms: () => rooms.stats(),
    turnCredentialsIssued: () => iceServers.issued,
    runs: () => runs.size,
  });
  const siteApp = createSiteApp({
    siteDist: config.mode === 'site' ? paths.siteDist : null,
    siteState,
    runs,
    signaller,
    sandboxPort: () => ports.sandbox,
    ports: browserPorts,
    iceServers,
    pollingRooms,
    // Read per request: the addresses can change while the server runs (Wi-Fi joined later).
    lanOrigins: () => lanOrigins(config, certificateNames(networkInterfaces(), hostname()).ips, ports.site),
    sandboxHosts,
    metrics,
    startedAt: Date.now(),
    log,
  });
  const loopGuard = createLoopGuardService(log);
  const sandboxApp = createSandboxApp({ runs, sandboxDist: paths.sandboxDist, sitePort: () => ports.site, sandboxHosts, iceServers, loopGuard, log });

  // Every origin check derives our origins from the Host header: a Host we do not own is refused first.
  const ownHost = createHostAllowList({ bindHost: config.host, allowedOrigins: config.allowedOrigins });
  apiServer.on('request', onlyOwnHosts(ownHost, siteApp));
  apiServer.on('upgrade', onlyOwnHostUpgrades(ownHost, routeUpgrades([signaller.handleUpgrade, rooms.handleUpgrade])));
  sandboxServer.on('request', onlyOwnHosts(ownHost, sandboxApp));
  sandboxServer.on('upgrade', onlyOwnHostUpgrades(ownHost, routeUpgrades([])));

  const sweeper = setInterval(() => {
    runs.sweep();
    pollingRooms.sweep();
  }, 60_000);
  sweeper.unref();

  const close = async () => {
    clearInterval(sweeper);
    await Promise.all([rooms.close(), signaller.close()]);
    pollingRooms.close();
    await Promise.all([closeServer(apiServer), closeServer(sandboxServer), loopGuard.close()]);
    runs.clear();
  };

  try {
    ports.api = await listen(apiServer, config.apiPort, config.host, config.mode === 'api' ? 'API_PORT' : 'PORT');
    if (config.mode === 'site') ports.site = ports.api;
    ports.sandbox = await listen(sandboxServer, config.sandboxPort, config.host, 'SANDBOX_PORT');
    // Both bound to "::" (not the 0.0.0.0 fallback): IPv6 addresses reach them too.
    dualStack = [apiServer, sandboxServer].every((server) => (server.address() as AddressInfo).address === '::');
  } catch (error) {
    await close();
    throw error;
  }
  loopGuard.warm();

  const name = browserHost(config.host);
  const sandboxName = name === 'localhost' ? '127.0.0.1' : name;
  const scheme = config.https ? 'https' : 'http';
  return {
    ports,
    siteUrl: `${scheme}://${name}:${ports.site}/`,
    apiUrl: `${scheme}://${name}:${ports.api}/`,
    sandboxUrl: `${scheme}://${sandboxName}:${ports.sandbox}/`,
    siteState,
    runs,
    iceServers,
    metrics,
    close,
  };
}
