/**
 * The real server (the same startServer as `npm start`) over the built site,
 * run with --expose-gc so a test can ask for its heap after a full garbage
 * collection: a line "heap" on stdin answers {"heapUsed": bytes} on stdout.
 * Without the collection, an idle server keeps yesterday's garbage and its
 * heap says nothing about leaks.
 *
 *   node --expose-gc tests/e2e/support/measured-server.ts   (PORT, SANDBOX_PORT from the environment)
 */
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseConfig } from '../../../signal-server/config.ts';
import { startServer } from '../../../signal-server/server.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const collect = (globalThis as { gc?: () => void }).gc;
if (!collect) throw new Error('Run me with node --expose-gc');

const quiet = { info() {}, error() {} };
const server = await startServer(parseConfig(process.env), { siteDist: `${root}site/dist`, sandboxDist: `${root}sandbox/dist` }, quiet);
console.log(JSON.stringify({ ports: server.ports }));

createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() !== 'heap') return;
  collect();
  collect();
  console.log(JSON.stringify({ heapUsed: process.memoryUsage().heapUsed }));
});
process.stdin.on('end', () => void server.close().then(() => process.exit(0)));
