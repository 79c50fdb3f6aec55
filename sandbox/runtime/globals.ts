/**
 * What the learner's page can use besides the browser's own API:
 *
 * - `Peer` (and `import { Peer } from 'peerjs'`): PeerJS, defaulting to the
 *   playground's signaller and ICE servers.
 * - `playground.iceServers`: the ICE servers of this playground, for
 *   `new RTCPeerConnection({ iceServers: playground.iceServers })`. Empty when
 *   no STUN/TURN server runs (two peers on one machine need none).
 * - `__playground`: everything the `peerjs` module re-exports (internal).
 */
import type { FrameConfig } from '../protocol.ts';
import { PEERJS_EXPORTS, PLAYGROUND_GLOBAL, type PeerjsExportName } from './peerjs/exports.ts';

export interface PlaygroundApi {
  readonly iceServers: readonly RTCIceServer[];
}

export function installGlobals(config: FrameConfig, peerjs: Record<PeerjsExportName, unknown>): void {
  const iceServers = deepFreeze(structuredClone(config.iceServers));
  const exported: Record<string, unknown> = { iceServers };
  for (const name of PEERJS_EXPORTS) exported[name] = peerjs[name];
  define(PLAYGROUND_GLOBAL, Object.freeze(exported));
  define('Peer', peerjs.Peer);
  define('playground', Object.freeze({ iceServers } satisfies PlaygroundApi));
}

/** Writable like the browser's own globals, so a learner may shadow them. */
function define(name: string, value: unknown): void {
  Object.defineProperty(window, name, { value, writable: true, configurable: true, enumerable: false });
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}
