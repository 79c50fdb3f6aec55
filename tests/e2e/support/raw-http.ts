/**
 * Raw TCP clients for the specs that attack the HTTP side: sockets bound to a
 * chosen loopback address (127.0.0.2, …) that send part of a request and then
 * stall, and a record of when and how the server ended each one.
 */
import { connect, type Socket } from 'node:net';

export interface StalledSocket {
  socket: Socket;
  port: number;
  openedAt: number;
  /** When the server closed it (ms since opened), or null while it is open. */
  closedAfter: number | null;
  /** What the server wrote back, if anything. */
  reply: string;
}

/** Opens a socket from `localAddress` to 127.0.0.1:port, writes `head` (and `body`, if given), then says nothing more. */
export function stall(port: number, localAddress: string, head: string, body?: Buffer): Promise<StalledSocket> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1', localAddress });
    const stalled: StalledSocket = { socket, port, openedAt: Date.now(), closedAfter: null, reply: '' };
    socket.on('error', () => {});
    socket.on('data', (chunk: Buffer) => {
      if (stalled.reply.length < 1000) stalled.reply += chunk.toString('latin1');
    });
    socket.on('close', () => {
      stalled.closedAfter = Date.now() - stalled.openedAt;
    });
    socket.once('connect', () => {
      stalled.openedAt = Date.now();
      if (head !== '') socket.write(head);
      if (body) socket.write(body);
      resolve(stalled);
    });
    socket.once('close', () => resolve(stalled));
  });
}

/** Waits until every socket is closed or `timeoutMs` passes; returns how many are still open. */
export async function waitClosed(sockets: StalledSocket[], timeoutMs: number): Promise<number> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until && sockets.some((s) => s.closedAfter === null)) await new Promise((r) => setTimeout(r, 200));
  return sockets.filter((s) => s.closedAfter === null).length;
}

export function destroyAll(sockets: StalledSocket[]): void {
  for (const s of sockets) s.socket.destroy();
}
