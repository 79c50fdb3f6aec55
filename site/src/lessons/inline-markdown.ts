/**
 * Hints are frontmatter strings with inline markdown. They are short, so this
 * renders the small subset hints use — `code`, **strong**, *emphasis* /
 * _emphasis_ and [links](url) — and escapes everything else, rather than
 * pulling a full markdown engine into the page.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

/** Links may go to pages of this site, anchors, or http(s) addresses; nothing else (no javascript:). */
function safeHref(href: string): string | null {
  const trimmed = href.trim();
  if (/^(https?:\/\/|\/|#|\.{1,2}\/)/i.test(trimmed)) return trimmed;
  return null;
}

/** Emphasis and links inside text that holds no code spans. */
function renderSpan(text: string): string {
  let html = escapeHtml(text);
  html = html.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (whole, label: string, href: string) => {
    // The href was escaped with the rest; undo that to judge it, then escape it once.
    const raw = href.replace(/&amp;/g, '&');
    const safe = safeHref(raw);
    return safe === null ? whole : `<a href="${escapeHtml(safe)}">${label}</a>`;
  });
  html = html.replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, '<strong>$1</strong>');
  html = html.replace(/(^|[^\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])/g, '$1<em>$2</em>');
  html = html.replace(/(^|[^\w])_(?=\S)(.+?)(?<=\S)_(?!\w)/g, '$1<em>$2</em>');
  return html;
}

/** Inline markdown to HTML. Code spans are literal: nothing inside them is formatted. */
export function renderInlineMarkdown(source: string): string {
  let html = '';
  let rest = source;
  for (;;) {
    const match = /(`+)([\s\S]*?[^`])\1(?!`)/.exec(rest);
    if (!match) break;
    html += renderSpan(rest.slice(0, match.index));
    html += `<code>${escapeHtml(match[2]!.trim() === '' ? match[2]! : match[2]!.replace(/^ (.*) $/s, '$1'))}</code>`;
    rest = rest.slice(match.index + match[0].length);
  }
  return html + renderSpan(rest);
}
