/**
 * What `new Peer(...)` means inside the playground: the learner's arguments
 * with our signaller and ICE servers filled in. PeerJS on its own would reach
 * for the public cloud (0.peerjs.com and its STUN/TURN servers); here every
 * Peer talks to the playground's own signaller, so nothing leaves the machine
 * and tutorial code copied from elsewhere still runs. Pure, unit-tested.
 */

export interface PeerDefaults {
  host: string;
  port: number;
  path: string;
  secure: boolean;
  key: string;
  iceServers: RTCIceServer[];
}

export interface ResolvedPeerArgs {
  /** The id the learner asked for, if any. */
  id: unknown;
  options: Record<string, unknown>;
  /** Set when the learner pointed the Peer at another server: say what was replaced. */
  warning: string | null;
}

const SERVER_FIELDS = ['host', 'port', 'path', 'secure', 'key'] as const;

/** 128 random bits, base-36 like PeerJS's own tokens. */
export function cryptoToken(): string {
  const words = crypto.getRandomValues(new Uint32Array(4));
  return Array.from(words, (word) => word.toString(36)).join('');
}

/** Accepts the three forms PeerJS does: (), (id), (options), (id, options). */
export function resolvePeerArgs(first: unknown, second: unknown, defaults: PeerDefaults): ResolvedPeerArgs {
  let id: unknown = first;
  let given: unknown = second;
  if (isPlainObject(first)) {
    given = first;
    id = undefined;
  }
  if (id === null) id = undefined;
  const options: Record<string, unknown> = isPlainObject(given) ? { ...given } : {};

  const ours: Record<(typeof SERVER_FIELDS)[number], unknown> = {
    host: defaults.host,
    port: defaults.port,
    path: normalisePath(defaults.path),
    secure: defaults.secure,
    key: defaults.key,
  };
  const ignored: string[] = [];
  for (const field of SERVER_FIELDS) {
    if (options[field] === undefined) continue;
    const theirs = field === 'path' ? normalisePath(String(options[field])) : options[field];
    if (String(theirs) !== String(ours[field])) ignored.push(`${field} ${JSON.stringify(options[field])}`);
  }
  Object.assign(options, ours);

  // The token is what lets a reconnecting peer keep its id; PeerJS makes it
  // with Math.random, which another page could guess.
  if (options.token === undefined) options.token = cryptoToken();

  const config = isPlainObject(options.config) ? { ...options.config } : {};
  if (config.iceServers === undefined) config.iceServers = defaults.iceServers;
  options.config = config;

  const warning = ignored.length
    ? `Peer: the playground only talks to its own signalling server, so nothing leaves your machine. ` +
      `Ignored ${ignored.join(', ')}; using ${defaults.secure ? 'wss' : 'ws'}://${defaults.host}:${defaults.port}${normalisePath(defaults.path)} instead.`
    : null;
  return { id, options, warning };
}

/** PeerJS adds a leading and a trailing slash to `path`; compare the same way. */
function normalisePath(path: string): string {
  let p = path.startsWith('/') ? path : `/${path}`;
  if (!p.endsWith('/')) p += '/';
  return p;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
