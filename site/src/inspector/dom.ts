/**
 * Small DOM helpers for the inspector's views. Text goes in through
 * textContent only: a value from the log is data, never markup.
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

/** An empty table with a caption and one row of column headers, for rows added later. */
export function tableWithHead(caption: string, headers: string[], className = 'sdp-table'): HTMLTableElement {
  const t = el('table', className);
  t.append(el('caption', undefined, caption));
  const head = el('tr');
  for (const h of headers) {
    const th = el('th', undefined, h);
    th.scope = 'col';
    head.append(th);
  }
  t.createTHead().append(head);
  return t;
}

/** A table with a caption, header cells and rows of text (or nodes). */
export function table(caption: string, headers: string[], rows: Array<Array<string | Node>>, className = 'sdp-table'): HTMLTableElement {
  const t = tableWithHead(caption, headers, className);
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
