/**
 * The key a client's connections and uploads are counted under: its IPv4
 * address, or for IPv6 its /64 network. One host on IPv6 usually holds a whole
 * /64 and can pick any address in it, so counting per address would let it
 * step around every per-client limit.
 */
import { isIPv6 } from 'node:net';

export function clientKey(address: string | undefined): string {
  if (address === undefined || address === '') return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  return `${expandIPv6(address).slice(0, 4).join(':')}::/64`;
}

/** The eight groups of an IPv6 address, e.g. "2001:db8::1" → 2001, db8, 0, 0, 0, 0, 0, 1. */
function expandIPv6(address: string): string[] {
  const [head = '', tail] = address.split('%')[0]!.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(missing).fill('0'), ...right].map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''));
}
