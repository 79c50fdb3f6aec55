/**
 * The PeerJS signaller: the `peer` package's ExpressPeerServer, embedded with
 * the sharp edges of its defaults filed off:
 * - it never attaches to the HTTP server: we route upgrades ourselves
 *   (noServer), so only /peerjs/peerjs becomes a WebSocket;
 * - an `error` listener is always attached: without one, a single non-JSON
 *   frame makes peer emit an unhandled 'error' and the process exits;
 * - frames are capped at `maxPayload` (ws would accept 100 MiB), and every
 *   frame passes a gate (peer-guard.ts) first: a rate limit, a cap on what is
 *   queued for absent peers, and no bad JSON reaching peer;
 * - pages on other origins are refused, for the socket and for GET /peerjs/peerjs/id
 *   (peer's own CORS would reflect any origin);
 * - closing tells each client why (1001) before the sockets are cut.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import type express from 'express';
import { ExpressPeerServer, type IClient } from 'peer';
import { WebSocketServer } from 'ws';
import { PEERJS_KEY, PEERJS_PATH } from './frame-config.ts';
import { describeError, type Logger } from './log.ts';
import { isTrustedRequest, type Trust } from './origins.ts';
import { pathnameOf, refuseUpgrade } from './upgrade.ts';
import { closeSockets } from './close-sockets.ts';
import { AbsentPeerQueues, DEFAULT_SIGNALLER_LIMITS, guardSocket, type GuardEvents, type SignallerLimits } from './peer-guard.ts';

/** peer serves its socket at `<mount path>/peerjs`; the PeerJS client asks for exactly this. */
export const PEERJS_SOCKET_PATH = `${PEERJS_PATH}/peerjs`;
/** peer refuses peers past its concurrent_limit (5,000 by default); ours is sized for the capacity benchmark. */
const CONCURRENT_LIMIT = 20_000;

const ignoreEvents: GuardEvents = { relayed() {}, queued() {}, dropped() {} };

export interface SignallerOptions {
  /** Required by peer's API; we never let peer attach anything to it. */
  server: Server | HttpsServer;
  /** The site and sandbox ports as the browser sees them (read per request: they are known only after listen). */
  ports: () => Trust;
  log: Logger;
  limits?: Partial<SignallerLimits>;
  /** Where the gate reports relayed, queued and dropped messages (metrics.ts). */
  events?: GuardEvents;
  /** Called for each error peer reports (after logging it). */
  onError?: () => void;
}

export interface Signaller {
  /** Mounts peer's HTTP routes (GET /peerjs, /peerjs/peerjs/id) on the site app. */
  mount(app: express.Express): void;
  /** Upgrade handler: takes /peerjs/peerjs, refuses foreign origins, leaves other paths alone. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  peerCount(): number;
  /** Messages held for peers that are not connected. */
  queuedCount(): number;
  /** Their size in bytes. */
  queuedBytes(): number;
  /** Closes every socket with 1001 and a reason; resolves once they are gone (cut off after a grace period). */
  close(): Promise<void>;
}

/** Peer ids come from the query string: keep log lines one short line whatever a client sends. */
function printable(id: string): string {
  const clean = id.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > 64 ? `${clean.slice(0, 64)}…` : clean;
}

export function createSignaller(options: SignallerOptions): Signaller {
  const { log } = options;
  const limits: SignallerLimits = { ...DEFAULT_SIGNALLER_LIMITS, ...options.limits };
  const events = options.events ?? ignoreEvents;
  let wss: WebSocketServer | undefined;
  const peers = new Map<string, IClient>();
  const queues = new AbsentPeerQueues(limits);
  const isConnected = (id: string) => peers.has(id);
  const backlogOf = (id: string) => peers.get(id)?.getSocket()?.bufferedAmount ?? 0;
  const sweeper = setInterval(() => queues.sweep(), limits.queueLifetimeMs);
  sweeper.unref();

  const isTrusted = (req: IncomingMessage): boolean => isTrustedRequest(req, options.ports());

  const peerApp = ExpressPeerServer(options.server, {
    key: PEERJS_KEY,
    path: '/',
    allow_discovery: false,
    concurrent_limit: CONCURRENT_LIMIT,
    // CORS is ours (below): `origin: false` keeps peer's cors middleware from adding headers.
    corsOptions: { origin: false },
    createWebSocketServer: () => {
      wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxPayload });
      return wss;
    },
  });
  // peer's app is an express app of its own: mounted, it would still announce "X-Powered-By: Express".
  peerApp.disable('x-powered-by');
  peerApp.on('connection', (client: IClient) => {
    peers.set(client.getId(), client);
    // peer hands a connecting id everything queued for it.
    queues.forget(client.getId());
    log.info(`peerjs: connect ${printable(client.getId())}`);
  });
  peerApp.on('disconnect', (client: IClient) => {
    peers.delete(client.getId());
    log.info(`peerjs: disconnect ${printable(client.getId())}`);
  });
  peerApp.on('error', (error: Error) => {
    log.error(`peerjs: error ${describeError(error)}`);
    options.onError?.();
  });

  const cors: express.RequestHandler = (req, res, next) => {
    const origin = req.headers.origin;
    if (origin !== undefined && isTrusted(req)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
    }
    next();
  };

  return {
    mount(app) {
      app.use(PEERJS_PATH, cors, peerApp);
    },
    handleUpgrade(req, socket, head) {
      if (pathnameOf(req.url) !== PEERJS_SOCKET_PATH) return false;
      if (!wss) {
        refuseUpgrade(socket, 503, 'The signaller is not mounted yet');
      } else if (!isTrusted(req)) {
        log.error(`peerjs: refused a socket from origin ${printable(req.headers.origin ?? '')}`);
        refuseUpgrade(socket, 403, 'This origin may not use the signaller');
      } else {
        const server = wss;
        server.handleUpgrade(req, socket, head, (ws) => {
          guardSocket(ws, limits, isConnected, queues, events, backlogOf);
          server.emit('connection', ws, req);
        });
      }
      return true;
    },
    peerCount: () => peers.size,
    queuedCount: () => queues.size,
    queuedBytes: () => queues.bytes,
    async close() {
      clearInterval(sweeper);
      if (!wss) return;
      await closeSockets(wss.clients);
      wss.close();
    },
  };
}
