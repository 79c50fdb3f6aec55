/**
 * The Checks panel: one list item per check (title, status word with an icon,
 * the one-line reason) and the summary line, which alone is announced
 * (aria-live polite) so a screen reader hears "2 of 2 checks passed" rather
 * than every reason changing.
 */
import type { CheckResult } from '../../../sandbox/checks/types.ts';
import { summaryText, type ChecksSummary } from './run-store.ts';
import { STATUS_ICON, STATUS_WORD } from './check-status.ts';

export interface ChecksElements {
  list: HTMLElement;
  summary: HTMLElement;
}

export function renderChecks({ list, summary }: ChecksElements, results: readonly CheckResult[], counts: ChecksSummary): void {
  const existing = new Map<string, HTMLElement>();
  for (const item of list.querySelectorAll<HTMLElement>(':scope > li[data-check]')) existing.set(item.dataset.check ?? '', item);
  const items = results.map((result) => {
    const item = existing.get(result.id) ?? createItem(result.id);
    updateItem(item, result);
    return item;
  });
  // Keep unchanged nodes in place: replacing them would make screen readers lose their position.
  const same = items.length === list.children.length && items.every((item, i) => list.children[i] === item);
  if (!same) list.replaceChildren(...items);
  setText(summary, summaryText(counts));
}

function createItem(id: string): HTMLElement {
  const item = document.createElement('li');
  item.className = 'pg-check';
  item.dataset.check = id;
  for (const part of ['icon', 'title', 'status', 'reason']) {
    const span = document.createElement('span');
    span.className = `pg-check-${part}`;
    if (part === 'icon') span.setAttribute('aria-hidden', 'true');
    item.append(span);
  }
  return item;
}

function updateItem(item: HTMLElement, result: CheckResult): void {
  item.dataset.status = result.status;
  setText(item.querySelector('.pg-check-icon'), STATUS_ICON[result.status]);
  setText(item.querySelector('.pg-check-title'), result.title);
  setText(item.querySelector('.pg-check-status'), STATUS_WORD[result.status]);
  setText(item.querySelector('.pg-check-reason'), result.reason);
}

function setText(element: Element | null, text: string): void {
  if (element && element.textContent !== text) element.textContent = text;
}
