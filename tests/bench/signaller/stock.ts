/**
 * The baseline: the `peer` package's own server with its default options, as
 * its README starts it. Prints its port as one JSON line.
 */
import type { AddressInfo } from 'node:net';
import { PeerServer } from 'peer';

PeerServer({ port: 0, host: '127.0.0.1' }, (server) => {
  console.log(JSON.stringify({ port: (server.address() as AddressInfo).port, path: '/peerjs' }));
});
process.on('SIGTERM', () => process.exit(0));
