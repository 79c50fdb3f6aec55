/**
 * The Content-Security-Policy of run files. Learner code may do nearly
 * anything a page can (inline scripts, eval, blob workers, camera streams), but
 * it may only talk to our two origins, so a lesson cannot quietly reach the
 * network, and only our site may frame it.
 */
/**
 * An origin as a CSP source. CSP's host-source grammar has no form for an IPv6
 * literal: Chromium ignores 'https://[fd00::5]:4322' (and with it the only
 * source of a directive, which then blocks everything). Such an origin becomes
 * its scheme, the narrowest source CSP can write for it. It happens only for
 * a page on the LAN whose frame is at the machine's IPv6 address (sandbox-hosts.ts).
 */
export function cspSource(origin: string): string {
  const url = new URL(origin);
  return url.hostname.startsWith('[') ? url.protocol : origin;
}

export function runCsp(origins: { site: string; sandbox: string }): string {
  const ws = (origin: string) => cspSource(origin.replace(/^http/, 'ws'));
  const directives: [string, string][] = [
    ['default-src', "'self'"],
    ['script-src', "'self' 'unsafe-inline' 'unsafe-eval' blob:"],
    ['style-src', "'self' 'unsafe-inline'"],
    ['img-src', "'self' data: blob:"],
    ['media-src', "'self' data: blob: mediastream:"],
    ['font-src', "'self' data:"],
    // The site origin carries /peerjs (its HTTP /id and its WebSocket); the
    // sandbox origin's own ws is there for lessons that open one; data:/blob:
    // let fetch() read URLs the page made itself.
    ['connect-src', `'self' ${ws(origins.sandbox)} ${cspSource(origins.site)} ${ws(origins.site)} data: blob:`],
    ['worker-src', "'self' blob:"],
    ['frame-src', "'self' blob: data:"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['frame-ancestors', cspSource(origins.site)],
  ];
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}
