/**
 * The values the `peerjs` package exports (1.5.x). The runtime puts each on
 * `globalThis.__playground`; sandbox/build.ts writes the `peerjs` module the
 * import map points at, re-exporting the same names, so
 * `import { Peer } from 'peerjs'` and `window.Peer` are one class.
 */
export const PEERJS_EXPORTS = [
  'Peer',
  'MsgPackPeer',
  'util',
  'PeerError',
  'BufferedConnection',
  'StreamConnection',
  'MsgPack',
  'ConnectionType',
  'PeerErrorType',
  'BaseConnectionErrorType',
  'DataConnectionErrorType',
  'SerializationType',
  'SocketEventType',
  'ServerMessageType',
] as const;

export type PeerjsExportName = (typeof PEERJS_EXPORTS)[number];

/** The global the runtime fills and the `peerjs` module reads. */
export const PLAYGROUND_GLOBAL = '__playground';
