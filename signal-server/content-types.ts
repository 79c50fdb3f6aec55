/**
 * Content types of run files by extension. Run files are text (the editor
 * holds strings), so only text formats are listed; anything else is served as
 * plain text, which with `nosniff` the browser will not execute.
 */
const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  htm: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  map: 'application/json; charset=utf-8',
  svg: 'image/svg+xml; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

export function contentTypeFor(path: string): string {
  return TYPES[extensionOf(path)] ?? 'text/plain; charset=utf-8';
}

/** Files the loop guard rewrites before serving. */
export function isScript(path: string): boolean {
  const ext = extensionOf(path);
  return ext === 'js' || ext === 'mjs';
}
