/**
 * The Content-Security-Policy of run files. Learner code may do nearly
 * anything a page can (inline scripts, eval, blob workers, camera streams), but
 * it may only talk to our two origins, so a lesson cannot quietly reach the
 * network, and only our site may frame it.
 */
export function runCsp(origins: { site: string; sandbox: string }): string {
  const ws = (origin: string) => origin.replace(/^http/, 'ws');
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
    ['connect-src', `'self' ${ws(origins.sandbox)} ${origins.site} ${ws(origins.site)} data: blob:`],
    ['worker-src', "'self' blob:"],
    ['frame-src', "'self' blob: data:"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['frame-ancestors', origins.site],
  ];
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}
