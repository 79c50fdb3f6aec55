/**
 * ICE priorities decoded (RFC 8445). A candidate's priority packs three
 * numbers into 32 bits; a pair's priority combines both candidates' so that
 * both agents order their checks the same way. Pure.
 */

/** A candidate priority split into its parts (RFC 8445 §5.1.2.1). */
export interface DecodedPriority {
  priority: number;
  /** 0–126: how much this kind of candidate is preferred. */
  typePreference: number;
  /** 0–65535: preference among candidates of the same type (libwebrtc: network and address family). */
  localPreference: number;
  /** 1 = RTP (or everything, with rtcp-mux), 2 = RTCP. */
  component: number;
}

/** Null when the value is not a 32-bit unsigned integer, as a malformed candidate may carry. */
export function decodePriority(priority: number): DecodedPriority | null {
  if (!Number.isInteger(priority) || priority < 0 || priority > 0xffffffff) return null;
  // Division, not >>: the bitwise operators work on signed 32-bit values and host priorities exceed 2^31.
  const typePreference = Math.floor(priority / 2 ** 24);
  const localPreference = Math.floor(priority / 2 ** 8) % 2 ** 16;
  const component = 256 - (priority % 2 ** 8);
  return { priority, typePreference, localPreference, component };
}

/** The inverse, for tests and for explaining the formula: 2^24·type + 2^8·local + (256 − component). */
export function encodePriority(typePreference: number, localPreference: number, component: number): number {
  return typePreference * 2 ** 24 + localPreference * 2 ** 8 + (256 - component);
}

/**
 * What a type preference means. RFC 8445 recommends host 126, prflx 110,
 * srflx 100, relay 0; libwebrtc (Chrome, Edge, Safari's WebRTC) also uses
 * 90 for TCP host, 80 for TCP prflx and small values for relays (2/1/0 for
 * TURN over UDP/TCP/TLS in its source; Chromium 156 was seen giving 3 to a
 * TURN-over-UDP relay). So a relay is named from the candidate's type and
 * how the TURN server was reached (`relayVia`, see relayTransport), and the
 * number alone only when the type is unknown.
 */
export function typePreferenceName(typePreference: number, type?: string | null, relayVia?: string | null): string {
  if (type === 'relay') return `relay (TURN${relayVia ? ` over ${relayVia}` : ''})`;
  const known = KNOWN_PREFERENCES[typePreference];
  if (known && (!type || known.startsWith(type))) return known;
  return type ? `${type} (preference ${typePreference})` : `preference ${typePreference}`;
}

const KNOWN_PREFERENCES: Record<number, string> = {
  126: 'host',
  110: 'prflx (peer reflexive)',
  100: 'srflx (server reflexive)',
  90: 'host over TCP (libwebrtc)',
  80: 'prflx over TCP (libwebrtc)',
  2: 'relay (TURN over UDP, libwebrtc)',
  1: 'relay (TURN over TCP, libwebrtc)',
  0: 'relay (RFC 8445; libwebrtc: TURN over TLS)',
};

/**
 * How the browser reached the TURN server: the candidate's relayProtocol when
 * it gives one, else the URL's ?transport= (turns: means TLS, plain turn: UDP).
 */
export function relayTransport(relayProtocol: string | null | undefined, url: string | null | undefined): string | null {
  if (relayProtocol) return relayProtocol.toUpperCase();
  if (!url) return null;
  const transport = /[?&]transport=(\w+)/i.exec(url)?.[1];
  if (/^turns:/i.test(url)) return transport?.toLowerCase() === 'udp' ? 'DTLS' : 'TLS';
  if (/^turn:/i.test(url)) return (transport ?? 'udp').toUpperCase();
  return null;
}

export function componentName(component: number): string {
  if (component === 1) return 'RTP, with RTCP multiplexed';
  if (component === 2) return 'RTCP';
  return `component ${component}`;
}

/**
 * A candidate pair's priority (RFC 8445 §6.1.2.3):
 * 2^32·min(G,D) + 2·max(G,D) + (G>D ? 1 : 0), G the controlling agent's
 * candidate priority, D the controlled one's. Up to 2^64, beyond what a JS
 * number holds exactly, hence BigInt.
 */
export function pairPriority(controlling: number, controlled: number): bigint {
  const g = BigInt(controlling);
  const d = BigInt(controlled);
  const min = g < d ? g : d;
  const max = g < d ? d : g;
  return (min << 32n) + 2n * max + (g > d ? 1n : 0n);
}
