/**
 * Shows the learner's progress on the page: a check mark in every link to a
 * completed lesson (inside containers marked `data-progress-links`: the
 * sidebar and the home page's lesson list) and an "N of M lessons completed"
 * line for each container. Loaded on every page, so it stays small: it reads
 * one localStorage key and touches only those links.
 *
 * Kept current without a reload: the workspace's progress event (this page),
 * the storage event (another tab), and pageshow (a page restored from the
 * back/forward cache).
 */
import { PROGRESS_KEY, browserStorage, readProgress } from '../workspace/persistence.ts';
import { PROGRESS_EVENT, completedSlugOfEvent, completedSlugs, lessonSlugOfPath, summaryText, tally } from './model.ts';

const SVG = 'http://www.w3.org/2000/svg';
/** Lessons completed on this page: shown even if storage refused to record them. */
const announced = new Set<string>();

function lessonLinks(container: Element): Array<{ link: HTMLAnchorElement; slug: string }> {
  return [...container.querySelectorAll<HTMLAnchorElement>('a[href]')].flatMap((link) => {
    const slug = lessonSlugOfPath(new URL(link.href, location.href).pathname);
    return slug === null ? [] : [{ link, slug }];
  });
}

/** A check mark for the eyes and the word "completed" for screen readers: part of the link's name. */
function createMark(): HTMLElement {
  const mark = document.createElement('span');
  mark.className = 'progress-mark';
  mark.dataset.progressMark = '';
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', 'M3 8.5l3.2 3.2L13 4.8');
  svg.append(path);
  const text = document.createElement('span');
  text.className = 'sr-only';
  text.textContent = ' (completed)';
  mark.append(svg, text);
  return mark;
}

/** The container's summary line: its own placeholder, or one made at the top of the sidebar group holding the lessons. */
function summaryLine(container: Element, firstLink: HTMLAnchorElement | undefined): HTMLElement | null {
  const own = container.querySelector<HTMLElement>('[data-progress-summary]');
  if (own) return own;
  const group = firstLink?.closest('details');
  const heading = group?.querySelector(':scope > summary');
  if (!heading) return null;
  const line = document.createElement('p');
  line.className = 'progress-summary';
  line.dataset.progressSummary = '';
  heading.after(line);
  return line;
}

export function renderProgress(root: ParentNode = document): void {
  const completed = completedSlugs(readProgress(browserStorage()), announced);
  for (const container of root.querySelectorAll('[data-progress-links]')) {
    const links = lessonLinks(container);
    if (links.length === 0) continue;
    for (const { link, slug } of links) {
      const mark = link.querySelector(':scope > [data-progress-mark]');
      if (completed.has(slug) && !mark) link.append(createMark());
      else if (!completed.has(slug) && mark) mark.remove();
    }
    const line = summaryLine(container, links[0]?.link);
    if (line) {
      line.textContent = summaryText(tally(links.map((l) => l.slug), completed));
      line.hidden = false;
    }
  }
}

/** Starts once per page, however many components include the script (each may be bundled with its own copy). */
export function startProgress(): void {
  const root = document.documentElement;
  if (root.dataset.progressStarted !== undefined) return;
  root.dataset.progressStarted = '';
  renderProgress();
  window.addEventListener(PROGRESS_EVENT, (event) => {
    const slug = completedSlugOfEvent((event as CustomEvent<unknown>).detail);
    if (slug === null) return;
    announced.add(slug);
    renderProgress();
  });
  window.addEventListener('storage', (event) => {
    // key is null when another tab cleared the whole storage.
    if (event.key === PROGRESS_KEY || event.key === null) renderProgress();
  });
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) renderProgress();
  });
}
