/**
 * The Content-Security-Policy of the site's own pages. Scripts run only from
 * our origin or when they are one of the page's own inline scripts (each
 * allowed by its SHA-256, computed from the built HTML), so an injected
 * script or a stray CDN reference is refused by the browser. The page may
 * frame only the sandbox origin, and no other site may frame the page.
 *
 * Styles keep 'unsafe-inline': Monaco and xterm set style attributes and
 * insert <style> elements at run time.
 */
import { createHash } from 'node:crypto';
import { cspSource } from './csp.ts';

/** Script types the browser executes (absent, JavaScript MIME types, module). */
const EXECUTABLE = /^(|module|text\/javascript|application\/javascript|text\/ecmascript|application\/ecmascript)$/i;
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/** The CSP source expressions ('sha256-…') of the inline scripts in `html`, in order, without repeats. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes = '', body = ''] of html.matchAll(SCRIPT)) {
    if (/\ssrc\s*=/i.test(` ${attributes}`)) continue;
    const type = /\stype\s*=\s*["']?([^"'\s>]*)/i.exec(` ${attributes}`)?.[1] ?? '';
    if (!EXECUTABLE.test(type)) continue;
    hashes.add(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}

export function sitePolicy(options: { scriptHashes: readonly string[]; sandboxOrigin: string }): string {
  const directives: [string, string][] = [
    ['default-src', "'self'"],
    // Pagefind's search index is WebAssembly.
    ['script-src', ["'self'", "'wasm-unsafe-eval'", ...options.scriptHashes].join(' ')],
    ['style-src', "'self' 'unsafe-inline'"],
    ['img-src', "'self' data: blob:"],
    ['font-src', "'self' data:"],
    ['connect-src', "'self'"],
    ['worker-src', "'self' blob:"],
    ['frame-src', cspSource(options.sandboxOrigin)],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'self'"],
  ];
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}
