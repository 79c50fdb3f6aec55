/**
 * Puts the runtime in front of the learner's page: the FrameConfig, the
 * runtime script and the import map that makes `import … from 'peerjs'` work,
 * as the first children of <head>, so they run before any learner script.
 */
import type { FrameConfig } from '../sandbox/protocol.ts';

export const RUNTIME_URL = '/runtime.js';
export const PEERJS_URL = '/vendor/peerjs.js';

/**
 * JSON that is safe inside <script>: `<`, `>` and `&` become \u escapes, so no
 * value can close the element (`</script>`) or open a comment (`<!--`), and
 * U+2028/U+2029 are escaped for older parsers. The result is still valid JSON
 * and a valid JS expression with the same value.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Content versions of the runtime and PeerJS: with them in the URLs, the
 * browser keeps both in its cache between runs instead of asking each time.
 */
export interface DistVersions {
  runtime: string;
  peerjs: string;
}

const versioned = (url: string, version: string | undefined) => (version ? `${url}?v=${version}` : url);

export function frameHeadSnippet(config: FrameConfig, versions?: DistVersions): string {
  return (
    `<script>window.__PLAYGROUND__ = ${scriptSafeJson(config)};</script>` +
    `<script src="${versioned(RUNTIME_URL, versions?.runtime)}"></script>` +
    `<script type="importmap">${scriptSafeJson({ imports: { peerjs: versioned(PEERJS_URL, versions?.peerjs) } })}</script>`
  );
}

/**
 * Where the snippet goes: right after the first real <head> tag, else after
 * <html>, else after the doctype (never before it: that would switch the page
 * to quirks mode), else at the very start. Comments are skipped so a
 * commented-out `<head>` is not mistaken for the real one.
 */
export function injectionPoint(html: string): number {
  const find = (tag: RegExp): number | null => {
    const pattern = new RegExp(`<!--[\\s\\S]*?(?:-->|$)|${tag.source}`, 'gi');
    for (let m = pattern.exec(html); m; m = pattern.exec(html)) {
      if (!m[0].startsWith('<!--')) return m.index + m[0].length;
    }
    return null;
  };
  return find(/<head(?=[\s/>])[^>]*>/) ?? find(/<html(?=[\s/>])[^>]*>/) ?? find(/<!doctype[^>]*>/) ?? 0;
}

export function injectFrame(html: string, config: FrameConfig, versions?: DistVersions): string {
  const at = injectionPoint(html);
  return html.slice(0, at) + frameHeadSnippet(config, versions) + html.slice(at);
}
