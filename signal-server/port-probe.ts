/**
 * Checks that a port is free before handing it to another program. astro dev
 * would quietly move to the next port, and then every frame, told to reach the
 * signaller through PORT, would fail; a clear error up front is better.
 */
import { createServer } from 'node:net';
import { ListenError } from './listen-error.ts';

export function assertPortFree(port: number, host: string, envName: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => reject(new ListenError(port, envName, error)));
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
