/**
 * What the learner's page can use besides the browser's own API:
 *
 * - `Peer` (and `import { Peer } from 'peerjs'`): PeerJS, defaulting to the
 *   playground's signaller and ICE servers.
 * - `playground.iceServers`: the ICE servers of this playground, for
 *   `new RTCPeerConnection({ iceServers: playground.iceServers })`. Empty when
 *   no STUN/TURN server runs (two peers on one machine need none).
 * - `playground.report(name, value)`: tells the checks something only the
 *   learner's code knows (recorded as a `report` event).
 * - `playground.siteOrigin` and `playground.roomUrl(name)`: where the
 *   playground's server is, and the WebSocket URL of its room relay.
 * - `playground.pair`: in a pairing lesson (two tabs), this tab's side and
 *   both PeerJS ids ({ token, side, myId, otherId }); null elsewhere.
 * - `__playground`: everything the `peerjs` module re-exports (internal).
 */
import type { FrameConfig } from '../protocol.ts';
import type { PairInfo } from '../pairing.ts';
import type { Json } from '../log/events.ts';
import { toJson } from './json.ts';
import type { Recorder } from './recorder.ts';
import { PEERJS_EXPORTS, PLAYGROUND_GLOBAL, type PeerjsExportName } from './peerjs/exports.ts';

export interface PlaygroundApi {
  readonly iceServers: readonly RTCIceServer[];
  readonly siteOrigin: string;
  readonly pair: Readonly<PairInfo> | null;
  report(name: string, value: unknown): void;
  roomUrl(name: string): string;
}

export function installGlobals(config: FrameConfig, peerjs: Record<PeerjsExportName, unknown>, recorder: Recorder): void {
  const iceServers = deepFreeze(structuredClone(config.iceServers));
  const exported: Record<string, unknown> = { iceServers };
  for (const name of PEERJS_EXPORTS) exported[name] = peerjs[name];
  define(PLAYGROUND_GLOBAL, Object.freeze(exported));
  define('Peer', peerjs.Peer);
  define('playground', Object.freeze(playgroundApi(config, iceServers, recorder)));
}

export function playgroundApi(config: FrameConfig, iceServers: readonly RTCIceServer[], recorder: Recorder): PlaygroundApi {
  const { siteOrigin } = config;
  return {
    iceServers,
    siteOrigin,
    pair: config.pair ? Object.freeze({ ...config.pair }) : null,
    report(name: string, value: unknown): void {
      if (typeof name !== 'string' || name.trim() === '') {
        throw new TypeError('playground.report(name, value): name must be a non-empty string, e.g. "RTCPeerConnection".');
      }
      recorder.record({ type: 'report', name, value: toJson(value) as Json });
    },
    roomUrl(name: string): string {
      if (typeof name !== 'string' || name === '') throw new TypeError('playground.roomUrl(name): name must be a non-empty string.');
      const site = new URL(siteOrigin);
      const scheme = site.protocol === 'https:' ? 'wss:' : 'ws:';
      return `${scheme}//${site.host}/rooms/${encodeURIComponent(name)}`;
    },
  };
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
