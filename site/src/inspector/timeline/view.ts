/**
 * The Timeline tab: a sequence diagram that is also a list. Each step is a
 * focusable row (roving tabindex: arrow keys, Home/End) whose text says what
 * happened; lanes and arrows are drawn with CSS grid around that text. A step
 * that carries a description opens it in the SDP view (Enter or click); a
 * candidate opens the ICE view. Rows are reused across updates, so a growing
 * log does not steal focus or scroll.
 */
import type { InspectorView } from '../types.ts';
import { DEFAULT_FILTER, buildTimeline, ms, type Lane, type Step, type TimelineFilter } from './model.ts';
import { renderWhenShown } from '../stats/render-when-shown.ts';
import './timeline.css';

/** Rendering more rows than this makes updates slow; the oldest are left out (and said so). */
const MAX_ROWS = 1500;

const FILTERS: ReadonlyArray<[keyof TimelineFilter, string]> = [
  ['candidates', 'Candidates'],
  ['stats', 'Stats'],
  ['messages', 'Data channel messages'],
  ['console', 'Console'],
];

export const view: InspectorView = {
  id: 'timeline',
  label: 'Timeline',
  mount(container, context) {
    const filter: TimelineFilter = { ...DEFAULT_FILTER };
    const root = element('div', 'tl');
    const tools = element('div', 'tl-tools');
    const filters = element('fieldset', 'tl-filters');
    filters.append(element('legend', 'tl-legend', 'Show'));
    for (const [key, text] of FILTERS) {
      const label = element('label', 'tl-filter');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = filter[key];
      box.addEventListener('change', () => {
        filter[key] = box.checked;
        render();
      });
      label.append(box, ` ${text}`);
      filters.append(label);
    }
    const summary = element('p', 'tl-summary');
    tools.append(filters, summary);
    const scroller = element('div', 'tl-scroll');
    const head = element('div', 'tl-row tl-head');
    head.setAttribute('aria-hidden', 'true');
    const list = element('ol', 'tl-list');
    list.setAttribute('aria-label', 'Timeline steps');
    const empty = element('p', 'tl-empty', 'Nothing recorded yet. Press Run: every call, event and signalling message of your peer connections appears here in order.');
    scroller.append(head, list);
    root.append(tools, empty, scroller);
    container.replaceChildren(root);

    const rows = new Map<string, { li: HTMLLIElement; signature: string; step: Step }>();
    let active: string | null = null;

    const render = () => {
      const { lanes, steps, hidden } = buildTimeline(context.events.get(), filter);
      const shown = steps.length > MAX_ROWS ? steps.slice(-MAX_ROWS) : steps;
      empty.hidden = steps.length > 0;
      scroller.hidden = steps.length === 0;
      const parts = [`${steps.length} step${steps.length === 1 ? '' : 's'}`];
      if (hidden > 0) parts.push(`${hidden} hidden by the filters`);
      if (shown.length < steps.length) parts.push(`only the last ${MAX_ROWS} shown`);
      summary.textContent = parts.join(', ');
      root.style.setProperty('--tl-lanes', String(Math.max(lanes.length, 1)));
      renderHead(head, lanes);

      const column = new Map(lanes.map((lane, index) => [lane.id, index + 2]));
      const keep = new Set<string>();
      shown.forEach((step, index) => {
        keep.add(step.key);
        const signature = `${step.text}|${step.tone}|${step.lane}|${step.to ?? ''}|${lanes.length}|${[...column.keys()].join()}`;
        let row = rows.get(step.key);
        if (!row) {
          row = { li: document.createElement('li'), signature: '', step };
          row.li.dataset.key = step.key;
          rows.set(step.key, row);
        }
        row.step = step;
        if (row.signature !== signature) {
          fillRow(row.li, step, lanes, column);
          row.signature = signature;
        }
        if (list.children[index] !== row.li) list.insertBefore(row.li, list.children[index] ?? null);
      });
      for (const [key, row] of rows) {
        if (keep.has(key)) continue;
        row.li.remove();
        rows.delete(key);
      }
      // One tab stop for the whole list: the last focused row, else the first.
      if (active === null || !rows.has(active)) active = shown[0]?.key ?? null;
      for (const [key, row] of rows) row.li.tabIndex = key === active ? 0 : -1;
      markSelected();
    };

    // The step whose description or candidate another view is showing.
    const markSelected = () => {
      const selected = context.selection.get();
      for (const { li, step } of rows.values()) {
        const match =
          (selected?.kind === 'description' && step.description === selected.seq) ||
          (selected?.kind === 'candidate' && step.candidate === selected.seq);
        if (match) li.setAttribute('aria-current', 'true');
        else li.removeAttribute('aria-current');
      }
    };

    const open = (key: string | undefined) => {
      const step = key ? rows.get(key)?.step : undefined;
      if (!step) return;
      if (step.description !== undefined) {
        context.selection.set({ kind: 'description', seq: step.description });
        context.showView('sdp');
      } else if (step.candidate !== undefined) {
        context.selection.set({ kind: 'candidate', seq: step.candidate });
        context.showView('ice');
      }
    };

    const onKeydown = (event: KeyboardEvent) => {
      const li = (event.target as Element).closest<HTMLLIElement>('li[data-key]');
      if (!li) return;
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        return open(li.dataset.key);
      }
      const items = [...list.children] as HTMLLIElement[];
      const index = items.indexOf(li);
      const target =
        event.key === 'ArrowDown' ? items[index + 1]
        : event.key === 'ArrowUp' ? items[index - 1]
        : event.key === 'Home' ? items[0]
        : event.key === 'End' ? items[items.length - 1]
        : undefined;
      if (!target) return;
      event.preventDefault();
      focusRow(target);
    };
    const focusRow = (li: HTMLLIElement) => {
      for (const row of rows.values()) row.li.tabIndex = -1;
      li.tabIndex = 0;
      active = li.dataset.key ?? null;
      li.focus();
    };
    const onClick = (event: MouseEvent) => {
      const li = (event.target as Element).closest<HTMLLIElement>('li[data-key]');
      if (!li) return;
      focusRow(li);
      open(li.dataset.key);
    };
    list.addEventListener('keydown', onKeydown);
    list.addEventListener('click', onClick);

    // While its tab (or the whole inspector) is hidden the log still grows: render once shown again.
    const stop = renderWhenShown(container, context.events, render);
    const stopSelection = context.selection.listen(markSelected);
    return () => {
      stop();
      stopSelection();
      list.removeEventListener('keydown', onKeydown);
      list.removeEventListener('click', onClick);
      container.replaceChildren();
    };
  },
};

function renderHead(head: HTMLElement, lanes: readonly Lane[]): void {
  const signature = lanes.map((l) => `${l.id}=${l.label}`).join('|');
  if (head.dataset.signature === signature) return;
  head.dataset.signature = signature;
  const cells: HTMLElement[] = [element('span', 'tl-time', 'time')];
  lanes.forEach((lane, index) => {
    const cell = element('span', `tl-lane-head${lane.id === 'signaller' ? ' tl-signaller' : ''}`);
    cell.style.gridColumn = String(index + 2);
    cell.title = lane.label;
    cell.append(element('span', 'tl-lane-name', lane.name));
    if (lane.label !== lane.name) cell.append(element('span', 'tl-lane-label', lane.label));
    cells.push(cell);
  });
  head.replaceChildren(...cells);
}

function fillRow(li: HTMLLIElement, step: Step, lanes: readonly Lane[], column: ReadonlyMap<string, number>): void {
  li.className = `tl-row tl-step tl-${step.tone}${step.badge ? ' tl-badge-row' : ''}${step.description !== undefined || step.candidate !== undefined ? ' tl-link' : ''}`;
  const cells: HTMLElement[] = [];
  const time = element('span', 'tl-time', ms1(step.t));
  cells.push(time);
  // The lane lines, drawn behind the step.
  lanes.forEach((lane, index) => {
    const line = element('span', `tl-line${lane.id === 'signaller' ? ' tl-signaller' : ''}`);
    line.setAttribute('aria-hidden', 'true');
    line.style.gridColumn = String(index + 2);
    cells.push(line);
  });

  const body = element('span', 'tl-body');
  const from = step.lane === null ? undefined : column.get(step.lane);
  const to = step.to === undefined ? undefined : column.get(step.to);
  if (from !== undefined && to !== undefined && from !== to) {
    const [start, end] = from < to ? [from, to] : [to, from];
    body.classList.add('tl-arrow', from < to ? 'tl-right' : 'tl-left');
    body.style.gridColumn = `${start} / ${end + 1}`;
    body.style.setProperty('--tl-span', String(end - start + 1));
  } else if (from !== undefined) {
    // Anchored at its lane's line and reaching into the empty lanes beside it, so text wraps less.
    const last = lanes.length + 1;
    body.classList.add(step.badge ? 'tl-badge' : 'tl-box');
    if (lanes.length === 1) body.style.gridColumn = String(from);
    else if (from < last) {
      body.classList.add('tl-anchor-start');
      body.style.gridColumn = `${from} / ${last + 1}`;
      body.style.setProperty('--tl-span', String(last - from + 1));
    } else {
      body.classList.add('tl-anchor-end');
      body.style.gridColumn = `2 / ${from + 1}`;
      body.style.setProperty('--tl-span', String(from - 1));
    }
  } else {
    body.classList.add('tl-wide');
    body.style.gridColumn = `2 / ${lanes.length + 2}`;
  }
  body.append(element('span', 'tl-text', step.text));
  if (step.description !== undefined) body.append(' ', chip('SDP', '(Enter shows the description in the SDP view)'));
  else if (step.candidate !== undefined) body.append(' ', chip('ICE', '(Enter shows the candidate in the ICE view)'));
  cells.push(body);
  li.replaceChildren(...cells);
}

function chip(text: string, hint: string): HTMLElement {
  const wrap = element('span', 'tl-chip');
  const visible = element('span', '', text);
  visible.setAttribute('aria-hidden', 'true');
  wrap.append(visible, element('span', 'tl-visually-hidden', ` ${hint}`));
  return wrap;
}

function ms1(t: number): string {
  return t >= 1000 ? ms(t) : `${t.toFixed(1)} ms`;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

