/**
 * The PeerJS signaller: the `peer` package's ExpressPeerServer, embedded with
 * the sharp edges of its defaults filed off:
 * - it never attaches to the HTTP server: we route upgrades ourselves
 *   (noServer), so only /peerjs/peerjs becomes a WebSocket;
 * - an `error` listener is always attached: without one, a single non-JSON
 *   frame makes peer emit an unhandled 'error' and the process exits;
 * - frames are capped at `maxPayload` (ws would accept 100 MiB);
 * - pages on other origins are refused, for the socket and for GET /peerjs/peerjs/id
 *   (peer's own CORS would reflect any origin).
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import type express from 'express';
import { ExpressPeerServer, type IClient } from 'peer';
import { WebSocketServer } from 'ws';
import { PEERJS_KEY, PEERJS_PATH } from './frame-config.ts';
import { describeError, type Logger } from './log.ts';
import { isTrustedRequest } from './origins.ts';
import { pathnameOf, refuseUpgrade } from './upgrade.ts';

/** peer serves its socket at `<mount path>/peerjs`; the PeerJS client asks for exactly this. */
export const PEERJS_SOCKET_PATH = `${PEERJS_PATH}/peerjs`;
export const DEFAULT_MAX_PAYLOAD = 64 * 1024;

export interface SignallerOptions {
  /** Required by peer's API; we never let peer attach anything to it. */
  server: Server | HttpsServer;
  /** The site and sandbox ports as the browser sees them (read per request: they are known only after listen). */
  ports: () => { site: number; sandbox: number };
  log: Logger;
  maxPayload?: number;
}

export interface Signaller {
  /** Mounts peer's HTTP routes (GET /peerjs, /peerjs/peerjs/id) on the site app. */
  mount(app: express.Express): void;
  /** Upgrade handler: takes /peerjs/peerjs, refuses foreign origins, leaves other paths alone. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  peerCount(): number;
  close(): void;
}

/** Peer ids come from the query string: keep log lines one short line whatever a client sends. */
function printable(id: string): string {
  const clean = id.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > 64 ? `${clean.slice(0, 64)}…` : clean;
}

export function createSignaller(options: SignallerOptions): Signaller {
  const { log } = options;
  let wss: WebSocketServer | undefined;
  const peers = new Set<string>();

  const isTrusted = (req: IncomingMessage): boolean => isTrustedRequest(req, options.ports());

  const peerApp = ExpressPeerServer(options.server, {
    key: PEERJS_KEY,
    path: '/',
    allow_discovery: false,
    // CORS is ours (below): `origin: false` keeps peer's cors middleware from adding headers.
    corsOptions: { origin: false },
    createWebSocketServer: () => {
      wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayload ?? DEFAULT_MAX_PAYLOAD });
      return wss;
    },
  });
  peerApp.on('connection', (client: IClient) => {
    peers.add(client.getId());
    log.info(`peerjs: connect ${printable(client.getId())}`);
  });
  peerApp.on('disconnect', (client: IClient) => {
    peers.delete(client.getId());
    log.info(`peerjs: disconnect ${printable(client.getId())}`);
  });
  peerApp.on('error', (error: Error) => {
    log.error(`peerjs: error ${describeError(error)}`);
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
        server.handleUpgrade(req, socket, head, (ws) => server.emit('connection', ws, req));
      }
      return true;
    },
    peerCount: () => peers.size,
    close() {
      if (!wss) return;
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}
