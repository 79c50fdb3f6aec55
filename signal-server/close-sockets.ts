/**
 * Shutting down politely: every WebSocket gets a 1001 close with a reason a
 * learner's `close` handler can show, and sockets that do not answer within
 * the grace period are cut off so the process can exit.
 */
import type { WebSocket } from 'ws';

export const SHUTDOWN_REASON = 'The playground server is shutting down';

export async function closeSockets(clients: Iterable<WebSocket>, graceMs = 1000): Promise<void> {
  const open = [...clients];
  for (const client of open) client.close(1001, SHUTDOWN_REASON);
  await new Promise<void>((resolve) => {
    let waiting = open.filter((client) => client.readyState !== client.CLOSED).length;
    if (waiting === 0) return resolve();
    const timer = setTimeout(resolve, graceMs);
    timer.unref();
    for (const client of open) {
      client.once('close', () => {
        if (--waiting === 0) {
          clearTimeout(timer);
          resolve();
        }
      });
    }
  });
  for (const client of open) client.terminate();
}
