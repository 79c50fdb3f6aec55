/**
 * A cap on the connections one client (client-address.ts) holds at once,
 * counted across both origins. A stalled or idle connection costs little, but
 * thousands from one host add up and crowd out everyone else; past the cap a
 * new connection is answered 429 at once and closed (over TLS, where nothing
 * readable can be sent before the handshake, it is just closed).
 */
import type { Server as HttpServer } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import type { Socket } from 'node:net';
import { clientKey } from './client-address.ts';
import { refuseUpgrade } from './upgrade.ts';

export interface ConnectionLimit {
  /** Counts the connections `server` accepts; `tls` when it speaks HTTPS. */
  watch(server: HttpServer | HttpsServer, tls: boolean): void;
  /** Connections held by the client at `address` now. */
  count(address: string | undefined): number;
}

function refuse(socket: Socket, max: number, tls: boolean): void {
  if (tls) {
    socket.on('error', () => {});
    socket.destroy();
    return;
  }
  // The same raw answer as a refused upgrade; then close both ways, whatever the client does.
  refuseUpgrade(socket, 429, `too many connections from your address (over ${max}): close some tabs, or ask whoever runs this server to raise MAX_CONNECTIONS_PER_CLIENT`);
  socket.once('finish', () => socket.destroy());
}

/** `max` 0 counts but never refuses. */
export function createConnectionLimit(max: number): ConnectionLimit {
  const counts = new Map<string, number>();
  return {
    watch(server, tls) {
      // Before the server's own listener, so a refused socket is closed before anything reads it.
      server.prependListener('connection', (socket: Socket) => {
        const key = clientKey(socket.remoteAddress);
        const held = counts.get(key) ?? 0;
        if (max > 0 && held >= max) return refuse(socket, max, tls);
        counts.set(key, held + 1);
        socket.once('close', () => {
          const left = (counts.get(key) ?? 1) - 1;
          if (left === 0) counts.delete(key);
          else counts.set(key, left);
        });
      });
    },
    count: (address) => counts.get(clientKey(address)) ?? 0,
  };
}
