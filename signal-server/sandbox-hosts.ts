/**
 * Which of this machine's names a frame goes to when its page was opened at
 * another of them (HTTPS mode on the network: a phone opens the page at the
 * machine's LAN address). Each IP address is a site of its own, so a page at
 * 192.168.1.5 with its frame at [fd00::5] keeps the frame in another renderer
 * process, as localhost ↔ 127.0.0.1 does on this machine.
 *
 * Only an interface's own IPv4 and IPv6 addresses are paired: a device that
 * reached one of them is on that network and can most likely reach the other.
 * Pairing across interfaces (a Docker bridge, a VPN) or with the host name's
 * .local form (many Android phones do not resolve mDNS names) would give a
 * preview that never loads; a page left without a partner keeps its frame on
 * its own site, and the page says what that costs (sameSiteWarning).
 */
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import type { SandboxHostPairs } from '../sandbox/protocol.ts';

/** An address as URL.hostname writes it: IPv6 in brackets. */
function urlHost(info: NetworkInterfaceInfo): string {
  return info.family === 'IPv6' ? `[${info.address.toLowerCase()}]` : info.address;
}

/**
 * `dualStack`: the server listens on IPv6 and IPv4 alike (HOST "::"); bound to
 * 0.0.0.0 it cannot be reached at an IPv6 address, so there is nothing to pair.
 */
export function sandboxHostPairs(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>, dualStack: boolean): Record<string, string> {
  const pairs: Record<string, string> = {};
  if (!dualStack) return pairs;
  for (const list of Object.values(interfaces)) {
    const usable = (list ?? []).filter((info) => !info.internal);
    const v4 = usable.filter((info) => info.family === 'IPv4');
    // Link-local IPv6 needs a zone id a URL cannot carry portably (as in certificate.ts).
    const v6 = usable.filter((info) => info.family === 'IPv6' && !info.address.toLowerCase().startsWith('fe80:'));
    for (let i = 0; i < Math.min(v4.length, v6.length); i++) {
      const a = urlHost(v4[i]!);
      const b = urlHost(v6[i]!);
      if (a in pairs || b in pairs) continue;
      pairs[a] = b;
      pairs[b] = a;
    }
  }
  return pairs;
}

/** How long the machine's pairs are reused before asking the OS again (a Wi-Fi joined later). */
const TTL_MS = 5000;

/** This machine's pairs, read again every few seconds; `dualStack` as for sandboxHostPairs, read each time. */
export function machineSandboxHosts(dualStack: () => boolean): () => SandboxHostPairs {
  let pairs: SandboxHostPairs = {};
  let readAt = -Infinity;
  return () => {
    if (Date.now() - readAt > TTL_MS) {
      pairs = sandboxHostPairs(networkInterfaces(), dualStack());
      readAt = Date.now();
    }
    return pairs;
  };
}
