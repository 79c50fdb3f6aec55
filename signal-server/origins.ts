/**
 * Which origin is which. The browser opens the site on one origin and the run
 * frame on another *site* (`sandboxOriginFor` in sandbox/protocol.ts swaps
 * localhost ↔ 127.0.0.1 and changes the port). The server sees only the Host a
 * request was sent to, so it works the pairing out backwards from there.
 */
import { sandboxOriginFor, type SandboxHostPairs } from '../sandbox/protocol.ts';

/** What an origin is built from: a URL or the parts of one. */
export interface HostUrl {
  protocol: string;
  hostname: string;
}

/**
 * The site origin whose page loads frames from `sandbox`. The host-name swap of
 * sandboxOriginFor is its own inverse, so applying it with the site's port
 * undoes it: 127.0.0.1:4322 → localhost:4321, localhost:4322 → 127.0.0.1:4321,
 * example.org:4322 → example.org:4321. Same protocol either way. Normalised
 * as browsers write origins (no default port), because the runtime compares
 * it with MessageEvent.origin.
 */
export function siteOriginForSandbox(sandbox: HostUrl, sitePort: number, pairs: SandboxHostPairs = {}): string {
  return new URL(sandboxOriginFor(sandbox, sitePort, pairs)).origin;
}

/**
 * The URL a request was addressed to, from its Host header. Plain HTTP unless
 * the socket is TLS (HTTPS mode; a TLS proxy in front is a later issue).
 * Null when the Host header is not a host (the caller answers 400).
 */
export function requestHostUrl(req: { headers: { host?: string | undefined }; socket: object }): URL | null {
  const encrypted = 'encrypted' in req.socket && req.socket.encrypted === true;
  const host = req.headers.host ?? 'localhost';
  // Only a host and an optional port: anything else (a path, credentials) is not a Host.
  if (!/^[\w.\-:[\]]+$/.test(host)) return null;
  try {
    return new URL(`${encrypted ? 'https' : 'http'}://${host}`);
  } catch {
    return null;
  }
}

/** The site and sandbox ports as the browser sees them, and origins trusted besides (ALLOWED_ORIGINS). */
export interface Trust {
  site: number;
  sandbox: number;
  extraOrigins?: readonly string[];
  /** This machine's paired addresses (sandbox-hosts.ts): a page at one has its frame at the other. */
  sandboxHosts?: SandboxHostPairs;
}

/**
 * The page origins allowed to use the signaller (its WebSocket and its /id
 * endpoint): the site and the sandbox, under both loopback names, because a
 * proxy (Vite in dev) may rewrite Host to either one. Other pages on the
 * machine's browser, e.g. a malicious site, are refused.
 */
export function trustedOrigins(requestUrl: HostUrl, ports: Trust): Set<string> {
  const names = new Set([requestUrl.hostname, new URL(sandboxOriginFor(requestUrl, 1, ports.sandboxHosts)).hostname]);
  const origins = new Set<string>(ports.extraOrigins);
  for (const hostname of names) {
    for (const port of [ports.site, ports.sandbox]) origins.add(new URL(`${requestUrl.protocol}//${hostname}:${port}`).origin);
  }
  return origins;
}

/**
 * Whether a request may use an endpoint meant for our own pages (the
 * signaller, the rooms, the ICE servers). No Origin: not a browser page (tools,
 * tests); the check exists to stop other web pages using them through the
 * learner's browser.
 */
export function isTrustedRequest(
  req: { headers: { host?: string | undefined; origin?: string | undefined }; socket: object },
  ports: Trust,
): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  const url = requestHostUrl(req);
  return url !== null && trustedOrigins(url, ports).has(origin);
}

/**
 * Why a request is not from one of our pages, or null when it is: stricter
 * than isTrustedRequest, for what only our pages need (TURN credentials,
 * creating runs) and a tool should not be handed by default. Browsers send
 * Origin on every cross-origin fetch and every POST; a tool can forge it, so
 * this keeps honest tools and other web pages out, nothing more.
 */
export function notFromOurPage(
  req: { headers: { host?: string | undefined; origin?: string | undefined }; socket: object },
  ports: Trust,
): string | null {
  const origin = req.headers.origin;
  if (origin === undefined) return 'the request has no Origin header';
  return isTrustedRequest(req, ports) ? null : `${origin} is not one of its origins`;
}
