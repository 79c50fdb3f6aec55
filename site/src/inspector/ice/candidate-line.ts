/**
 * One `candidate:` attribute read field by field (RFC 8839 §5.1). Tolerant on
 * purpose: a learner may hand addIceCandidate anything, so a short or garbled
 * line gives the fields it has and nulls for the rest, never an exception.
 */

export interface ParsedCandidate {
  foundation: string | null;
  component: number | null;
  /** "udp" or "tcp", lower-cased. */
  protocol: string | null;
  priority: number | null;
  address: string | null;
  port: number | null;
  /** host, srflx, prflx, relay. */
  type: string | null;
  relatedAddress: string | null;
  relatedPort: number | null;
  /** active, passive, so (TCP candidates only). */
  tcpType: string | null;
  /** Extension attributes as written: generation, ufrag, network-id, network-cost, … */
  extensions: Record<string, string>;
}

export function parseCandidateLine(line: string): ParsedCandidate {
  const text = line.trim().replace(/^a=/, '').replace(/^candidate:/, '');
  const parts = text.split(/\s+/).filter((p) => p !== '');
  const parsed: ParsedCandidate = {
    foundation: parts[0] ?? null,
    component: integer(parts[1]),
    protocol: parts[2]?.toLowerCase() ?? null,
    priority: integer(parts[3]),
    address: parts[4] ?? null,
    port: integer(parts[5]),
    type: parts[6] === 'typ' ? (parts[7] ?? null) : null,
    relatedAddress: null,
    relatedPort: null,
    tcpType: null,
    extensions: {},
  };
  for (let i = 8; i + 1 < parts.length; i += 2) {
    const key = parts[i] as string;
    const value = parts[i + 1] as string;
    if (key === 'raddr') parsed.relatedAddress = value;
    else if (key === 'rport') parsed.relatedPort = integer(value);
    else if (key === 'tcptype') parsed.tcpType = value;
    else if (!(key in parsed.extensions)) parsed.extensions[key] = value;
  }
  return parsed;
}

function integer(text: string | undefined): number | null {
  if (text === undefined || !/^\d+$/.test(text)) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : null;
}

/** A host name the browser made up to hide the machine's address (RFC 8828 mDNS candidates). */
export function isMdnsAddress(address: string | null | undefined): boolean {
  return typeof address === 'string' && /\.local\.?$/i.test(address);
}

export const MDNS_EXPLANATION =
  'A random name the browser made up to hide this machine\'s real address (an mDNS name, RFC 8828). ' +
  'Only a peer on the same network or machine can resolve it; a peer elsewhere needs a srflx or relay candidate instead.';
