/**
 * Small DOM helpers for the SDP view. Text goes in through textContent only:
 * an SDP value is data, never markup.
 */

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A table with a caption, header cells and rows of text (or nodes). */
export function table(caption: string, headers: string[], rows: Array<Array<string | Node>>, className = 'sdp-table'): HTMLTableElement {
  const t = el('table', className);
  t.append(el('caption', undefined, caption));
  const head = el('tr');
  for (const h of headers) {
    const th = el('th', undefined, h);
    th.scope = 'col';
    head.append(th);
  }
  t.createTHead().append(head);
  const body = t.createTBody();
  for (const row of rows) {
    const tr = el('tr');
    for (const cell of row) {
      const td = el('td');
      if (typeof cell === 'string') td.textContent = cell;
      else td.append(cell);
      tr.append(td);
    }
    body.append(tr);
  }
  return t;
}

let counter = 0;
/** A document-unique id with a readable prefix. */
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}
