/**
 * The playground's signaller as `npm start` runs it (gate, metrics, origin
 * checks and all), minus the site build and coturn: a benchmark child process
 * that prints its port as one JSON line and runs until killed.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../../signal-server/config.ts';
import { startServer } from '../../../signal-server/server.ts';

const empty = mkdtempSync(join(tmpdir(), 'playground-bench-'));
const quiet = { info() {}, error() {} };
// Every benchmark peer connects from 127.0.0.1: the per-client connection cap would stop them at 1000.
const server = await startServer(parseConfig({ PORT: '0', SANDBOX_PORT: '0', MAX_CONNECTIONS_PER_CLIENT: '0' }), { siteDist: empty, sandboxDist: empty }, quiet);
console.log(JSON.stringify({ port: server.ports.site, path: '/peerjs/peerjs' }));
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
