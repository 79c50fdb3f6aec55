/**
 * The Stats tab: per peer connection, a small line chart per series (bitrate
 * out and in, RTT, packets lost, jitter, frames per second), drawn as SVG from
 * ./chart.ts geometry, each with its summary in words ("Bitrate out: 312
 * kbit/s now, max 480 kbit/s") and its values in a table for anyone who cannot
 * see the plot. Series come from ./series.ts. Every value goes in as text.
 */
import type { PlaygroundEvent } from '../../../../sandbox/log/events.ts';
import { el } from '../dom.ts';
import type { InspectorView } from '../types.ts';
import { renderWhenShown } from './render-when-shown.ts';
import { chartGeometry, DEFAULT_BOX } from './chart.ts';
import { formatValue, statsSeries, summarize, type PcSeries, type Series } from './series.ts';
import './stats.css';

const SVG = 'http://www.w3.org/2000/svg';

export const view: InspectorView = {
  id: 'stats',
  label: 'Stats',
  mount(container, context) {
    const root = el('div', 'stats');
    container.replaceChildren(root);
    let lastCount = -1;
    let first: PlaygroundEvent | undefined;
    const render = (events: readonly PlaygroundEvent[]) => {
      const count = events.reduce((n, e) => (e.type === 'pc.stats' ? n + 1 : n), 0);
      // Charts change only with a new report, or when another log is shown (a new run, an import).
      if (count === lastCount && events[0] === first) return;
      lastCount = count;
      first = events[0];
      // Keep open value tables open across redraws.
      const open = new Set([...root.querySelectorAll<HTMLDetailsElement>('details[open]')].map((d) => d.dataset.key));
      root.replaceChildren(...renderAll(statsSeries(events)));
      for (const details of root.querySelectorAll<HTMLDetailsElement>('details')) if (open.has(details.dataset.key)) details.open = true;
    };
    const stop = renderWhenShown(container, context.events, render);
    return () => {
      stop();
      container.replaceChildren();
    };
  },
};

function renderAll(pcs: PcSeries[]): HTMLElement[] {
  if (!pcs.length) {
    return [
      el(
        'p',
        'stats-empty',
        'No statistics yet. While a peer connection is connected, the playground calls getStats() once a second; the charts appear with the first two reports.',
      ),
    ];
  }
  return pcs.map((pc) => {
    const section = el('section', 'stats-pc');
    section.setAttribute('aria-label', `Statistics of ${pc.label}`);
    section.append(el('h3', 'stats-heading', pc.label));
    if (!pc.series.length) section.append(el('p', 'stats-empty', 'Reports arrived but carry nothing to plot yet.'));
    const grid = el('div', 'stats-grid');
    for (const series of pc.series) grid.append(chart(pc.pc, series));
    section.append(grid);
    return section;
  });
}

function chart(pc: number, series: Series): HTMLElement {
  const figure = el('figure', 'stats-chart');
  const summary = summarize(series);
  const caption = el('figcaption', 'stats-caption', summary);
  const g = chartGeometry(series.points);
  const box = DEFAULT_BOX;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${box.width} ${box.height}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', summary);
  const plotBottom = box.height - box.bottom;
  // Axes and y grid lines with their values.
  for (const tick of g.yTicks) {
    svg.append(line(box.left, tick.at, box.width - box.right, tick.at, tick.value === 0 ? 'stats-axis' : 'stats-grid-line'));
    svg.append(label(box.left - 4, tick.at + 3, formatValue(tick.value), 'end'));
  }
  svg.append(line(box.left, box.top, box.left, plotBottom, 'stats-axis'));
  const [first, last] = g.xTicks;
  if (first && last) {
    svg.append(label(first.at, box.height - 6, `${(first.value / 1000).toFixed(0)} s`, 'start'));
    svg.append(label(last.at, box.height - 6, `${(last.value / 1000).toFixed(0)} s`, 'end'));
  }
  svg.append(label(box.left + 4, box.top + 8, series.unit, 'start', 'stats-unit'));
  if (g.path) {
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', g.path);
    path.setAttribute('class', 'stats-line');
    svg.append(path);
  }
  figure.append(caption, svg, valuesTable(pc, series));
  return figure;
}

function valuesTable(pc: number, series: Series): HTMLDetailsElement {
  const details = el('details', 'stats-values');
  details.dataset.key = `${pc}:${series.id}`;
  details.append(el('summary', undefined, `${series.label}: values (${series.source})`));
  const table = el('table', 'stats-table');
  table.append(el('caption', undefined, `${series.label} of pc ${pc}, in ${series.unit}`));
  const head = el('tr');
  for (const name of ['Time', series.unit]) {
    const th = el('th', undefined, name);
    th.scope = 'col';
    head.append(th);
  }
  table.createTHead().append(head);
  const body = table.createTBody();
  for (const point of series.points) {
    const tr = el('tr');
    const time = el('th', undefined, `${(point.t / 1000).toFixed(1)} s`);
    time.scope = 'row';
    tr.append(time, el('td', undefined, formatValue(point.value)));
    body.append(tr);
  }
  details.append(table);
  return details;
}

function line(x1: number, y1: number, x2: number, y2: number, className: string): SVGLineElement {
  const node = document.createElementNS(SVG, 'line');
  node.setAttribute('x1', String(x1));
  node.setAttribute('y1', String(y1));
  node.setAttribute('x2', String(x2));
  node.setAttribute('y2', String(y2));
  node.setAttribute('class', className);
  return node;
}

function label(x: number, y: number, text: string, anchor: 'start' | 'end', className = 'stats-tick'): SVGTextElement {
  const node = document.createElementNS(SVG, 'text');
  node.setAttribute('x', String(x));
  node.setAttribute('y', String(y));
  node.setAttribute('text-anchor', anchor);
  node.setAttribute('class', className);
  node.setAttribute('aria-hidden', 'true');
  node.textContent = text;
  return node;
}
