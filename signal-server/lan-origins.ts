/**
 * The site's origins on this machine's network addresses: what another device
 * (a phone scanning a lesson's pairing QR code) can open. Only HTTPS mode on a
 * network-wide bind offers them: over plain http a phone gets no camera, and a
 * loopback bind is not reachable from the network at all.
 */
import type { Config } from './config.ts';

export function lanOrigins(config: Pick<Config, 'https' | 'host'>, ips: readonly string[], port: number): string[] {
  if (!config.https || (config.host !== '0.0.0.0' && config.host !== '::')) return [];
  return ips
    .filter((ip) => ip !== '::1' && !ip.startsWith('127.'))
    .map((ip) => `https://${ip.includes(':') ? `[${ip}]` : ip}:${port}`);
}
