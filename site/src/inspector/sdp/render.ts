/**
 * Renders one offer/answer exchange (or a single description): the diff and
 * codec intersection when both halves are known, the renegotiation diff when
 * a previous description is given, and the descriptions line by line.
 *
 * Interaction, for mouse and keyboard alike: a line's explanation is shown in
 * one shared tooltip (role=tooltip, referenced by every line's
 * aria-describedby) on hover and on focus; the lines form one roving tab
 * stop (arrows, Home/End); Enter or a payload-type button highlights the
 * related lines and moves focus to the first.
 */
import { annotate, type AnnotatedSdp } from './annotate.ts';
import type { IntersectedCodec } from './codecs.ts';
import { notComparable, offerAnswerDiff, renegotiationDiff } from './diff.ts';
import { el, uniqueId } from '../dom.ts';
import { linksOf, payloadTypeLines, type LineLink } from './links.ts';
import type { AnnotatedLine } from './model.ts';
import { agreementElement, renegotiationElement } from './render-diff.ts';
import { lineId, renderLines } from './render-lines.ts';
import { tokenize } from './tokenize.ts';

export interface RenderInput {
  offer?: string;
  answer?: string;
  /** Which to show line by line (default: every one given). */
  show?: 'offer' | 'answer' | 'both';
  /** A previous description of the same side, compared with the one shown (offer if both). */
  previous?: { title: string; sdp: string };
  titles?: { offer?: string; answer?: string };
  /** The text went through a textarea (which turns CRLF into LF): do not report line endings. */
  lineEndingsUnknown?: boolean;
}

interface Shown {
  prefix: string;
  annotated: AnnotatedSdp;
  byNumber: Map<number, AnnotatedLine>;
}

/** Render into `container` (replacing its content). Returns the clean-up. */
export function renderDescriptions(container: HTMLElement, input: RenderInput): () => void {
  const root = el('div', 'sdp-inspector');
  const tip = el('div', 'sdp-tip');
  tip.id = uniqueId('sdp-tip');
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  const status = el('p', 'sdp-visually-hidden');
  status.setAttribute('aria-live', 'polite');

  const offer = input.offer !== undefined && input.offer.trim() !== '' ? tokenize(input.offer) : null;
  const answer = input.answer !== undefined && input.answer.trim() !== '' ? tokenize(input.answer) : null;
  const whyNot = offer && answer ? (notComparable(offer) ?? notComparable(answer)) : null;
  const which = offer && notComparable(offer) ? 'offer' : 'answer';
  const agreement = offer && answer && whyNot === null ? offerAnswerDiff(offer, answer) : null;
  if (agreement) root.append(agreementElement(agreement));
  if (whyNot !== null) root.append(el('p', 'sdp-note', `The offer and answer are not compared section by section: the ${which} is not a well-formed description (${whyNot}).`));

  const show = input.show ?? 'both';
  const views: Shown[] = [];
  const add = (title: string, sdp: ReturnType<typeof tokenize>, intersection?: Map<number, IntersectedCodec[]>) => {
    const annotated = annotate(sdp);
    const prefix = uniqueId('sdp');
    const box = el('section', 'sdp-one');
    box.setAttribute('aria-label', title);
    box.append(el('h3', 'sdp-title', title), el('p', 'sdp-note', summaryOf(annotated, input.lineEndingsUnknown === true)));
    if (input.previous && views.length === 0) {
      box.append(renegotiationElement(renegotiationDiff(tokenize(input.previous.sdp), sdp), input.previous.title));
    }
    const options = { idPrefix: prefix, ...(intersection ? { intersection, answerLabel: 'In answer' } : {}) };
    box.append(renderLines(annotated, options));
    root.append(box);
    views.push({ prefix, annotated, byNumber: new Map(annotated.lines.map((a) => [a.line.number, a])) });
  };
  if (offer && show !== 'answer') {
    const marks = agreement ? new Map(agreement.map((s) => [s.index, s.codecs])) : undefined;
    add(input.titles?.offer ?? 'Offer', offer, marks);
  }
  if (answer && show !== 'offer') add(input.titles?.answer ?? 'Answer', answer);
  if (views.length === 0) root.append(el('p', 'sdp-note', 'No description to show.'));
  root.append(tip, status);

  const allLines = () => [...root.querySelectorAll<HTMLLIElement>('li.sdp-line')];
  const first = allLines()[0];
  if (first) first.tabIndex = 0;
  for (const line of allLines()) line.setAttribute('aria-describedby', tip.id);

  const lookup = (item: HTMLElement) => {
    const view = views.find((v) => item.id.startsWith(`${v.prefix}-L`));
    const a = view?.byNumber.get(Number(item.dataset['line']));
    return view && a ? { view, a } : null;
  };

  const showTip = (item: HTMLElement) => {
    const found = lookup(item);
    if (!found) return;
    fillTip(tip, found.a, linksOf(found.view.annotated.sdp, found.a.line));
    tip.hidden = false;
    tip.style.top = `${item.offsetTop + item.offsetHeight + 2}px`;
    tip.style.left = `${Math.max(0, item.offsetLeft + 24)}px`;
  };

  const highlight = (view: Shown, link: LineLink) => {
    for (const old of root.querySelectorAll('.sdp-related')) old.classList.remove('sdp-related');
    const targets = link.lines.map((n) => root.querySelector<HTMLElement>(`#${CSS.escape(lineId(view.prefix, n))}`)).filter((x): x is HTMLElement => x !== null);
    for (const t of targets) t.classList.add('sdp-related');
    const numbers = [...link.lines].sort((x, y) => x - y);
    status.textContent = `${link.label}: ${numbers.length === 0 ? 'no lines' : `line${numbers.length > 1 ? 's' : ''} ${numbers.join(', ')}`}`;
    targets[0]?.focus();
  };

  const onFocusIn = (event: FocusEvent) => {
    const item = (event.target as HTMLElement).closest<HTMLElement>('li.sdp-line');
    if (!item) return;
    for (const line of root.querySelectorAll<HTMLElement>('li.sdp-line[tabindex="0"]')) line.tabIndex = -1;
    item.tabIndex = 0;
    showTip(item);
  };
  const onFocusOut = (event: FocusEvent) => {
    if (!root.contains(event.relatedTarget as Node | null)) tip.hidden = true;
  };
  // Moving focus scrolls lines under a pointer that did not move; the browser then reports
  // "mouseover" for them. Right after a key, the focused line's tip wins.
  let lastKeyAt = -Infinity;
  const onOver = (event: MouseEvent) => {
    if (performance.now() - lastKeyAt < 500) return;
    const item = (event.target as HTMLElement).closest<HTMLElement>('li.sdp-line');
    if (item) showTip(item);
  };
  const onLeave = () => {
    const focused = document.activeElement?.closest<HTMLElement>('li.sdp-line');
    if (focused && root.contains(focused)) showTip(focused);
    else tip.hidden = true;
  };
  const onKey = (event: KeyboardEvent) => {
    lastKeyAt = performance.now();
    const item = (event.target as HTMLElement).closest<HTMLElement>('li.sdp-line');
    if (!item) return;
    const lines = allLines();
    const index = lines.indexOf(item as HTMLLIElement);
    const move = (to: number) => {
      event.preventDefault();
      lines[Math.max(0, Math.min(lines.length - 1, to))]?.focus();
    };
    if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(lines.length - 1);
    else if (event.key === 'PageDown') move(index + 10);
    else if (event.key === 'PageUp') move(index - 10);
    else if (event.key === 'Escape') tip.hidden = true;
    else if (event.key === 'Enter') {
      const found = lookup(item);
      const link = found ? linksOf(found.view.annotated.sdp, found.a.line)[0] : undefined;
      if (found && link) {
        event.preventDefault();
        highlight(found.view, link);
      }
    }
  };
  const onClick = (event: MouseEvent) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button.sdp-pt');
    if (!button) return;
    const view = views.find((v) => v.prefix === button.dataset['prefix']);
    const section = view?.annotated.sdp.media[Number(button.dataset['section'])];
    const pt = button.dataset['pt'] ?? '';
    if (!view || !section) return;
    const mLine = section.lines[0]?.number;
    const lines = payloadTypeLines(section, pt);
    // Focus goes to the rtpmap line; the m= line that lists the payload type is highlighted too.
    highlight(view, { label: `payload type ${pt}`, lines: mLine === undefined ? lines : [...lines, mLine] });
  };

  // One signal removes every listener on clean-up.
  const listening = new AbortController();
  const on = <K extends keyof HTMLElementEventMap>(type: K, handler: (event: HTMLElementEventMap[K]) => void) =>
    root.addEventListener(type, handler, { signal: listening.signal });
  on('focusin', onFocusIn);
  on('focusout', onFocusOut);
  on('mouseover', onOver);
  on('mouseleave', onLeave);
  on('keydown', onKey);
  on('click', onClick);
  container.replaceChildren(root);
  return () => {
    listening.abort();
    root.remove();
  };
}

function summaryOf(annotated: AnnotatedSdp, lineEndingsUnknown: boolean): string {
  const count = (status: string) => annotated.lines.filter((a) => a.status === status).length;
  const endings = { crlf: 'CRLF line endings', lf: 'LF-only line endings (SDP says CRLF; browsers accept LF)', mixed: 'mixed CRLF and LF line endings', none: 'a single line' };
  const media = annotated.sdp.media.map((s) => s.kind).join(', ') || 'no m-sections (nothing to negotiate, so no ICE candidates)';
  return `${annotated.lines.length} lines · ${media} · ${count('unknown')} not used by WebRTC · ${count('malformed')} malformed${lineEndingsUnknown ? '' : ` · ${endings[annotated.sdp.lineEnding]}`}. Hover or focus a line for its explanation; arrow keys move between lines.`;
}

function fillTip(tip: HTMLElement, a: AnnotatedLine, links: LineLink[]): void {
  const parts: Node[] = [];
  const head = el('p', 'sdp-tip-summary', `Line ${a.line.number}: ${a.summary}`);
  parts.push(head);
  if (a.rfc) parts.push(el('p', 'sdp-tip-rfc', a.rfc));
  if (a.fields.length > 0) {
    const list = el('dl', 'sdp-fields');
    for (const f of a.fields) {
      list.append(el('dt', undefined, `${f.name}${f.value === '' ? '' : ` = ${f.value.length > 200 ? `${f.value.slice(0, 200)}…` : f.value}`}`), el('dd', undefined, f.meaning));
    }
    parts.push(list);
  }
  if (links.length > 0) {
    const text = links.map((l) => `${l.label}: line${l.lines.length === 1 ? '' : 's'} ${l.lines.join(', ')}`).join('; ');
    parts.push(el('p', 'sdp-tip-links', `Related (Enter to highlight): ${text}`));
  }
  tip.replaceChildren(...parts);
}
