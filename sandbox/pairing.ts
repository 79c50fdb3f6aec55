/**
 * Two tabs (or a computer and a phone) as the two ends of one lesson. The
 * lesson page's URL carries a pair token and a side (`?pair=<token>&side=a`);
 * the other tab opens the same page with the other side. Both PeerJS ids
 * follow from the token, so each side knows the other's id with no channel
 * of its own. Pure: the page, the host and the frame's runtime all use it.
 */

export type PairSide = 'a' | 'b';

/** What the page's URL (and the preview frame's) carries. */
export interface PairParams {
  token: string;
  side: PairSide;
}

/** What the learner's code gets as `playground.pair`. */
export interface PairInfo extends PairParams {
  /** This side's PeerJS id: `new Peer(pair.myId)`. */
  myId: string;
  /** The other side's PeerJS id: `peer.connect(pair.otherId)`. */
  otherId: string;
}

export const PAIR_PARAM = 'pair';
export const SIDE_PARAM = 'side';

/** Lower-case letters and digits: safe in a URL and inside a PeerJS id. */
const TOKEN = /^[a-z0-9]{8,40}$/;
/** A PeerJS id made by peerIdFor. */
const PAIR_ID = /^pg-([a-z0-9]{8,40})-([ab])$/;

/** 80 random bits as 20 hex digits: enough that two learners never pick the same pair. */
export function newPairToken(random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(10));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function isPairToken(value: unknown): value is string {
  return typeof value === 'string' && TOKEN.test(value);
}

export function otherSide(side: PairSide): PairSide {
  return side === 'a' ? 'b' : 'a';
}

/** PeerJS accepts letters, digits and inner dashes; the prefix keeps pair ids apart from random ones. */
export function peerIdFor(token: string, side: PairSide): string {
  return `pg-${token}-${side}`;
}

/** The pair a PeerJS id made by peerIdFor belongs to, or null for any other id. */
export function pairOfPeerId(id: string): PairParams | null {
  const match = PAIR_ID.exec(id);
  return match ? { token: match[1] as string, side: match[2] as PairSide } : null;
}

/** True when `a` and `b` are the two sides of one pair. */
export function arePartners(a: string, b: string): boolean {
  const left = pairOfPeerId(a);
  const right = pairOfPeerId(b);
  return left !== null && right !== null && left.token === right.token && left.side !== right.side;
}

export function pairInfo({ token, side }: PairParams): PairInfo {
  return { token, side, myId: peerIdFor(token, side), otherId: peerIdFor(token, otherSide(side)) };
}

/** The pair named by a query string ("?pair=…&side=a"), or null when it names none or a malformed one. */
export function readPairParams(search: string | URLSearchParams): PairParams | null {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const token = params.get(PAIR_PARAM);
  const side = params.get(SIDE_PARAM);
  if (!isPairToken(token) || (side !== 'a' && side !== 'b')) return null;
  return { token, side };
}

/** "pair=<token>&side=<side>", for a URL's query. */
export function pairQuery({ token, side }: PairParams): string {
  return new URLSearchParams({ [PAIR_PARAM]: token, [SIDE_PARAM]: side }).toString();
}

/** `url` with the pair's parameters set (other parameters and the hash kept). */
export function withPair(url: string | URL, params: PairParams): string {
  const out = new URL(url);
  out.searchParams.set(PAIR_PARAM, params.token);
  out.searchParams.set(SIDE_PARAM, params.side);
  return out.href;
}

/** The same lesson page as the other side, on `origin` (a LAN address for a phone, or the page's own). */
export function partnerUrl(pageUrl: string | URL, params: PairParams, origin?: string): string {
  const page = new URL(pageUrl);
  const target = new URL(page.pathname + page.search, origin ?? page.origin);
  return withPair(target, { token: params.token, side: otherSide(params.side) });
}

// ---- which address to give a phone ------------------------------------------

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export type ShareReason =
  /** The page is on loopback and the server listens on the LAN over https: give the LAN address. */
  | 'lan'
  /** The page is on an https address another device can reach. */
  | 'secure'
  /** The page is on loopback and the server offers no LAN address: only this computer can open it. */
  | 'loopback-only'
  /** A plain-http address on the network: a phone can open it, but gets no camera there. */
  | 'insecure';

export interface ShareChoice {
  origin: string;
  reason: ShareReason;
}

/**
 * The origin to put in the QR code. A phone cannot open "localhost", so a page
 * on loopback uses one of the server's LAN origins (an IPv4 one first: phones
 * reach those more often than IPv6 addresses); otherwise the page's own origin.
 */
export function chooseShareOrigin(pageOrigin: string, lanOrigins: readonly string[] = []): ShareChoice {
  const page = new URL(pageOrigin);
  if (isLoopbackHost(page.hostname)) {
    const lan = lanOrigins.filter((origin) => URL.canParse(origin) && !isLoopbackHost(new URL(origin).hostname));
    const choice = lan.find((origin) => !new URL(origin).hostname.startsWith('[')) ?? lan[0];
    return choice ? { origin: new URL(choice).origin, reason: 'lan' } : { origin: page.origin, reason: 'loopback-only' };
  }
  return { origin: page.origin, reason: page.protocol === 'https:' ? 'secure' : 'insecure' };
}

/** One sentence under the QR code saying whether a phone can use it, and if not, why. */
export function shareNote(choice: ShareChoice): string {
  switch (choice.reason) {
    case 'lan':
      return `The code points at this computer's network address (${choice.origin}), so a phone on the same network can open it; it will warn about the self-signed certificate until you trust it.`;
    case 'secure':
      return 'A phone on the same network can open this link.';
    case 'loopback-only':
      return 'This link works on this computer only: a phone cannot open "localhost", and its camera needs a secure (https) page. Start the server with npm start -- --https to get an address for other devices.';
    case 'insecure':
      return 'A phone can open this plain-http link, but browsers give the camera and microphone only to secure (https) pages: start the server with npm start -- --https for a call with a phone.';
  }
}
