/**
 * The ICE servers a browser should use: our coturn as STUN and as TURN over UDP
 * and TCP, with fresh time-limited credentials. One source for GET
 * /api/ice-servers and for the FrameConfig the sandbox gets, so `new Peer()`,
 * `playground.iceServers` and a lesson's own fetch all agree.
 */
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
}

/**
 * The ICE host name for the host name the page used. Browsers resolve a
 * `turn:` host themselves, but Chromium resolves "localhost" to ::1 first on
 * some machines while coturn listens on 127.0.0.1, so loopback names become
 * 127.0.0.1. Any other name (a LAN address, a DNS name) is kept: it is how
 * that browser reaches this machine.
 */
export function iceHost(hostname: string): string {
  const name = hostname.toLowerCase();
  if (name === 'localhost' || name.endsWith('.localhost') || name === '0.0.0.0') return '127.0.0.1';
  if (name === '[::1]' || name === '::1') return '[::1]';
  return name.includes(':') && !name.startsWith('[') ? `[${name}]` : name;
}

export function iceServersFor(turn: TurnInfo | null, hostname: string, nowMs: number, label?: string): IceServersResponse {
  if (turn === null) return { iceServers: [], ttl: 0 };
  const address = `${iceHost(hostname)}:${turn.port}`;
  const { username, credential } = turnCredential(turn.secret, nowMs, turn.ttl, label);
  return {
    iceServers: [
      { urls: [`stun:${address}`] },
      { urls: [`turn:${address}?transport=udp`, `turn:${address}?transport=tcp`], username, credential },
    ],
    ttl: turn.ttl,
  };
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
      const response = iceServersFor(turn(), hostname, now());
      if (response.iceServers.length > 0) issued++;
      return response;
    },
    get issued() {
      return issued;
    },
  };
}
