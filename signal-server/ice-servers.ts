/**
 * The ICE servers a browser should use: our coturn as STUN and as TURN over UDP
 * and TCP, with fresh time-limited credentials. One source for GET
 * /api/ice-servers and for the FrameConfig the sandbox gets, so `new Peer()`,
 * `playground.iceServers` and a lesson's own fetch all agree.
 */
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { turnCredential } from './turn-credentials.ts';

/** The shape of RTCIceServer that we fill in (urls always a list). */
export interface IceServer {
  urls: string[];
  username?: string;
  credential?: string;
}

export interface IceServersResponse {
  iceServers: IceServer[];
  /** Seconds the TURN credential stays valid (0 when there is no TURN entry). */
  ttl: number;
}

/** What the ICE servers are built from: a running coturn, or null when there is none. */
export interface TurnInfo {
  port: number;
  secret: string;
  ttl: number;
  /** Where coturn listens: the ICE URLs name one of these. */
  addresses: readonly string[];
}

/**
 * The host a `turn:` URL names for a page opened at `hostname`: always an
 * address coturn listens on (`listening`). Loopback names become 127.0.0.1
 * (Chromium resolves "localhost" to ::1 first on some machines); an address
 * coturn listens on is kept, and so is a DNS name while coturn listens beyond
 * loopback, as that is how that browser reaches this machine. Anything else
 * gets coturn's first address: a URL coturn does not answer on would only
 * cost the browser a timeout.
 */
export function iceHost(hostname: string, listening: readonly string[]): string {
  const name = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  const bracket = (ip: string) => (ip.includes(':') ? `[${ip}]` : ip);
  const fallback = bracket(listening[0] ?? '127.0.0.1');
  if (name === '::1') return listening.includes('::1') ? '[::1]' : fallback;
  if (name === 'localhost' || name.endsWith('.localhost') || name === '0.0.0.0' || name.startsWith('127.')) {
    return listening.includes('127.0.0.1') ? '127.0.0.1' : fallback;
  }
  if (isIP(name)) return listening.includes(name) ? bracket(name) : fallback;
  return listening.some((ip) => !ip.startsWith('127.') && ip !== '::1') ? name : fallback;
}

export function iceServersFor(turn: TurnInfo | null, hostname: string, nowMs: number, label?: string): IceServersResponse {
  if (turn === null) return { iceServers: [], ttl: 0 };
  const address = `${iceHost(hostname, turn.addresses)}:${turn.port}`;
  const { username, credential } = turnCredential(turn.secret, nowMs, turn.ttl, label);
  return {
    iceServers: [
      { urls: [`stun:${address}`] },
      { urls: [`turn:${address}?transport=udp`, `turn:${address}?transport=tcp`], username, credential },
    ],
    ttl: turn.ttl,
  };
}

/**
 * A username label of its own for each credential handed out: coturn counts
 * its per-user quota by username, and two pages loaded in the same second
 * would otherwise share one (the username is `<expiry>:<label>`).
 */
export function credentialLabel(): string {
  return `playground-${randomBytes(6).toString('base64url')}`;
}

/** Hands out ICE servers and counts the TURN credentials issued (for /metrics). */
export interface IceServerSource {
  forHost(hostname: string): IceServersResponse;
  readonly issued: number;
}

export function createIceServerSource(turn: () => TurnInfo | null, now: () => number = Date.now): IceServerSource {
  let issued = 0;
  return {
    forHost(hostname) {
      const response = iceServersFor(turn(), hostname, now(), credentialLabel());
      if (response.iceServers.length > 0) issued++;
      return response;
    },
    get issued() {
      return issued;
    },
  };
}
