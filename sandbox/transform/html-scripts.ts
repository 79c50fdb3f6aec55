/**
 * The loop guard for scripts written inline in an HTML file
 * (`<script>while (true) {}</script>` in index.html). Each inline classic or
 * module script is passed through guardLoops as if it stood at its place in
 * the file, so a stopped loop is reported at its index.html line. Scripts
 * with `src` (guarded when their file is served), JSON, import maps and
 * templates are left alone, and so is everything inside HTML comments.
 */
import { guardLoops } from './loop-guard.ts';

const SCRIPT_OR_COMMENT = /<!--[\s\S]*?(?:-->|$)|<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const JS_TYPES = new Set(['', 'text/javascript', 'application/javascript', 'module', 'text/ecmascript']);

export function guardHtmlScripts(html: string, file: string): string {
  return html.replace(SCRIPT_OR_COMMENT, (match: string, attributes: string | undefined, body: string | undefined, offset: number) => {
    if (attributes === undefined || body === undefined || !isInlineJs(attributes)) return match;
    const bodyStart = offset + match.indexOf('>') + 1;
    const before = html.slice(0, bodyStart);
    const lines = before.split('\n');
    // Pad so the parser sees the script at its real line and column, then take the padding off again.
    const padding = '\n'.repeat(lines.length - 1) + ' '.repeat(lines.at(-1)?.length ?? 0);
    const guarded = guardLoops(padding + body, file);
    if (!guarded.startsWith(padding)) return match;
    return match.slice(0, bodyStart - offset) + guarded.slice(padding.length) + match.slice(bodyStart - offset + body.length);
  });
}

function isInlineJs(attributes: string): boolean {
  if (/\bsrc\s*=/i.test(attributes)) return false;
  const type = /\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attributes);
  const value = (type?.[1] ?? type?.[2] ?? type?.[3] ?? '').trim().toLowerCase();
  return JS_TYPES.has(value);
}
