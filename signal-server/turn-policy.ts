/**
 * What our coturn may be used for: relaying WebRTC between browsers, nothing
 * else. A TURN credential is easy to get (every page of ours gets one, and a
 * tool can forge the Origin header that guards them), so these limits, not the
 * credential, are what keep a credential holder from using coturn as a proxy
 * into this machine (its loopback services, /metrics) or its networks
 * (private ranges, a cloud's 169.254.169.254 metadata service).
 *
 * - Relays live on their own loopback alias, RELAY_IP, and it is the only peer
 *   address allowed: two browsers need nothing else, since each relays to the
 *   other's relay address. Every other IPv4 and IPv6 address is denied, so the
 *   lists need no upkeep as networks change. (coturn refuses all of 127/8
 *   before it reads its lists unless allow-loopback-peers is set; its allowed
 *   list then wins over the denied one.)
 * - No TCP relays (RFC 6062): browsers never ask for them; an attacker would,
 *   to speak HTTP to a local port.
 * - Quotas per credential and in all, a bounded allocation lifetime and
 *   bandwidth: one credential cannot take every relay port.
 * - coturn listens where the site listens (loopback unless the site is opened
 *   to the network), and the ICE URLs name an address it listens on.
 *
 * Pure: the config lines and addresses are computed from what is passed in.
 */
import { isIP } from 'node:net';
import type { NetworkInterfaceInfo } from 'node:os';

/**
 * The relays' address. On Linux all of 127.0.0.0/8 reaches the loopback
 * interface with no setup, and services bind 127.0.0.1 (or a wildcard), not
 * .2. Not 127.0.0.1: a permission for it would reach every service on
 * loopback. What remains reachable is a UDP service bound to a wildcard
 * address (0.0.0.0), which answers on every local address (README: "STUN and TURN").
 */
export const RELAY_IP = '127.0.0.2';

export const RELAY_POLICY = {
  relayIp: RELAY_IP,
  /**
   * coturn's own relay ports: few, and above Linux's ephemeral range
   * (32768–60999), so relays never wait on ports other programs hold.
   * One UDP relay takes one port, so this bounds the allocations in all.
   */
  minPort: 61000,
  maxPort: 61499,
  /**
   * Allocations one credential may hold at once. Every page load gets its own
   * credential, and Chromium allocates once per TURN URL (UDP and TCP) and
   * network interface for each RTCPeerConnection: lesson 18's five-peer mesh
   * (20 connections in one page) needs about 40 on a one-interface machine.
   */
  userQuota: 100,
  /** Allocations in all, below the port range so a relay port is always there for them. */
  totalQuota: 400,
  /** Seconds an allocation may be asked to live without a refresh (browsers refresh well before). */
  maxAllocateLifetime: 600,
  /**
   * Bytes per second one allocation may relay each way: 10 Mbit/s, above a
   * 720p call with simulcast (about 3.5 Mbit/s), far below what would let one
   * credential saturate the machine.
   */
  maxBps: 1_250_000,
} as const;

/** coturn's config lines for the relay rules above. */
export function relayPolicyLines(): string[] {
  const p = RELAY_POLICY;
  return [
    `relay-ip=${p.relayIp}`,
    `min-port=${p.minPort}`,
    `max-port=${p.maxPort}`,
    'no-tcp-relay',
    // Needed for the alias (127/8) at all; the lists below narrow it to the alias alone.
    'allow-loopback-peers',
    'denied-peer-ip=0.0.0.0-255.255.255.255',
    'denied-peer-ip=::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
    `allowed-peer-ip=${p.relayIp}`,
    'no-multicast-peers',
    `user-quota=${p.userQuota}`,
    `total-quota=${p.totalQuota}`,
    `max-allocate-lifetime=${p.maxAllocateLifetime}`,
    `max-bps=${p.maxBps}`,
  ];
}

type Interfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;

function isLoopbackName(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost') || host.startsWith('127.') || host === '::1';
}

/**
 * Where coturn listens for browsers, given the site's HOST: the same place.
 * Loopback by default (127.0.0.1, and ::1 when the site is on ::1); on a
 * wildcard bind (HTTPS mode's 0.0.0.0), loopback and every IPv4 address of
 * this machine (and on ::, its IPv6 ones but link-local, which need a zone),
 * so another device reaches it at the address it opened the page on; on one
 * address, that one. Null for a host name, which the caller resolves as the
 * HTTP server did.
 */
export function turnListeningAddresses(host: string, interfaces: Interfaces): string[] | null {
  const name = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (name === '0.0.0.0' || name === '::') {
    const addresses = new Set(name === '::' ? ['127.0.0.1', '::1'] : ['127.0.0.1']);
    for (const list of Object.values(interfaces)) {
      for (const entry of list ?? []) {
        if (entry.internal) continue;
        if (entry.family === 'IPv4' || (name === '::' && !entry.address.toLowerCase().startsWith('fe80:'))) addresses.add(entry.address);
      }
    }
    return [...addresses];
  }
  if (name === '::1') return ['127.0.0.1', '::1'];
  if (isLoopbackName(name)) return ['127.0.0.1'];
  if (isIP(name)) return [name];
  return null;
}
