/**
 * HTTP upgrade routing. Node hands every `upgrade` request to whoever listens;
 * the server decides here which path may become a WebSocket, and answers every
 * other one with a plain HTTP error instead of leaving the socket hanging.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { STATUS_CODES } from 'node:http';

/** Handles the upgrade and returns true, or returns false to let the next handler (or the refusal) have it. */
export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => boolean;

/** Answers a raw socket (an upgrade we refuse, a connection past the per-client cap) with an HTTP error, and ends it. */
export function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  // A client that already hung up must not turn into an unhandled 'error'.
  socket.on('error', () => {});
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = `${message}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n` +
      'Connection: close\r\n' +
      'Content-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n` +
      body,
  );
}

export function routeUpgrades(handlers: UpgradeHandler[]): (req: IncomingMessage, socket: Duplex, head: Buffer) => void {
  return (req, socket, head) => {
    for (const handle of handlers) {
      if (handle(req, socket, head)) return;
    }
    refuseUpgrade(socket, 404, 'No WebSocket endpoint here: the signaller is at /peerjs/peerjs, rooms at /rooms/<name>');
  };
}

/** The path of a request URL without its query. */
export function pathnameOf(url: string | undefined): string {
  const raw = url ?? '/';
  const query = raw.indexOf('?');
  return query === -1 ? raw : raw.slice(0, query);
}
