/**
 * The Munging tab: the opt-in, the description waiting to be edited (when a
 * run paused one), and every munged call of the log with its exact diff and,
 * when the browser refused it, its error at the line it is about.
 *
 * The opt-in and the waiting descriptions are the page's (sandbox/host/munge.ts);
 * the history is read from the log, so an imported log shows it too.
 * Every value from the log or the frame goes into the DOM as text.
 */
import { munging, type PendingDescription } from '../../../../sandbox/host/munge.ts';
import { locateSdpError } from '../sdp/locate.ts';
import type { InspectorContext, InspectorView } from '../types.ts';
import { diffLines, isEdited, splitLines, withOriginalLineEndings } from './diff.ts';
import { connectionLabel, mungedCalls, type MungedCall } from './history.ts';
import './munging.css';

export const view: InspectorView = {
  id: 'munging',
  label: 'Munging',
  mount(container, context) {
    const cleanups: (() => void)[] = [];
    const root = el('div', 'munge');
    const box = optIn();
    cleanups.push(box.cleanup);
    root.append(box.label, el('p', 'munge-intro', INTRO));
    const waiting = el('section', 'munge-waiting');
    waiting.setAttribute('aria-label', 'Waiting description');
    const history = el('section', 'munge-history');
    history.setAttribute('aria-label', 'Munged descriptions');
    root.append(waiting, history);
    container.replaceChildren(root);

    let shown: PendingDescription | null = null;
    const renderWaiting = () => {
      const list = munging.pending.get();
      const head = list[0] ?? null;
      if (head && shown && head.runId === shown.runId && head.id === shown.id) {
        updateMore(waiting, list.length - 1);
        return;
      }
      const isNew = head !== null;
      shown = head;
      waiting.replaceChildren(...(head ? waitingEditor(head, connectionLabel(context.events.get(), head.pc), list.length - 1) : []));
      // The learner asked for this pause: bring the tab forward so it is not missed.
      if (isNew) context.showView('munging');
    };
    cleanups.push(munging.pending.subscribe(renderWaiting));

    let lastCount = -1;
    let lastOutcomes = '';
    cleanups.push(
      context.events.subscribe((events) => {
        const calls = mungedCalls(events);
        const outcomes = calls.map((c) => (c.outcome ? (c.outcome.ok ? 'ok' : 'error') : '…')).join();
        if (calls.length === lastCount && outcomes === lastOutcomes) return;
        lastCount = calls.length;
        lastOutcomes = outcomes;
        history.replaceChildren(...renderHistory(calls));
      }),
    );

    return () => {
      for (const cleanup of cleanups) cleanup();
      container.replaceChildren();
    };
  },
};

const INTRO =
  'Munging means editing a session description by hand before it is applied. When the box above is ticked, the next Run pauses at every setLocalDescription and setRemoteDescription and shows the description here. Edit it and press "Apply edited" (or "Apply original"): the browser then applies that text for real, and what was negotiated changes with it. setLocalDescription() without a description normally lets the browser create the offer or answer unseen; with munging on, the playground creates it first (createOffer or createAnswer, as the browser would) so you can edit it.';

function optIn(): { label: HTMLElement; cleanup: () => void } {
  const label = el('label', 'munge-opt-in');
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.checked = munging.enabled.get();
  box.addEventListener('change', () => munging.enabled.set(box.checked));
  // Another mounted copy of this view (or code) may change it too.
  const cleanup = munging.enabled.listen((on) => {
    box.checked = on;
  });
  label.append(box, document.createTextNode(' Pause before each description is applied so I can edit it'));
  const note = el('span', 'munge-note', ' (takes effect on the next Run)');
  label.append(note);
  return { label, cleanup };
}

function waitingEditor(request: PendingDescription, label: string, more: number): HTMLElement[] {
  const heading = el('h3', 'munge-heading', `${label} is waiting: ${request.method} (${request.type})`);
  const parts: HTMLElement[] = [heading];
  if (request.created) {
    parts.push(
      el(
        'p',
        'munge-note',
        `setLocalDescription() was called without a description, so the playground created this ${request.type} (${request.type === 'offer' ? 'createOffer' : 'createAnswer'}) for you to edit; the browser applies it instead of making its own.`,
      ),
    );
  }
  const editor = lineNumberedTextarea(request.sdp, 'Description to apply');
  const status = el('p', 'munge-status');
  status.setAttribute('role', 'status');
  const send = (text: string, what: string) => {
    const sent = munging.apply(request, withOriginalLineEndings(request.sdp, text));
    status.textContent = sent ? `${what} sent to the browser.` : 'This description no longer waits (the run ended).';
  };
  const actions = el('div', 'munge-actions');
  actions.append(
    button('Apply edited', () => send(editor.textarea.value, 'The edited description was')),
    button('Apply original', () => send(request.sdp, 'The original description was')),
  );
  const more_ = el('p', 'munge-more');
  parts.push(editor.root, actions, status, more_);
  updateMoreText(more_, more);
  return parts;
}

function updateMore(waiting: HTMLElement, more: number): void {
  const node = waiting.querySelector<HTMLElement>('.munge-more');
  if (node) updateMoreText(node, more);
}

function updateMoreText(node: HTMLElement, more: number): void {
  node.textContent = more > 0 ? `${more} more ${more === 1 ? 'description waits' : 'descriptions wait'} after this one.` : '';
}

/** A plain textarea with a gutter of line numbers that follows its scrolling. */
function lineNumberedTextarea(text: string, name: string): { root: HTMLElement; textarea: HTMLTextAreaElement } {
  const root = el('div', 'munge-editor');
  const gutter = el('pre', 'munge-gutter');
  gutter.setAttribute('aria-hidden', 'true');
  const textarea = document.createElement('textarea');
  textarea.className = 'munge-textarea';
  textarea.setAttribute('aria-label', name);
  textarea.spellcheck = false;
  textarea.wrap = 'off';
  textarea.value = text;
  const number = () => {
    const count = Math.max(1, textarea.value.split('\n').length);
    gutter.textContent = Array.from({ length: count }, (_, i) => String(i + 1)).join('\n');
  };
  number();
  textarea.rows = Math.min(30, Math.max(8, splitLines(text).length));
  textarea.addEventListener('input', number);
  textarea.addEventListener('scroll', () => {
    gutter.scrollTop = textarea.scrollTop;
  });
  root.append(gutter, textarea);
  return { root, textarea };
}

function renderHistory(calls: readonly MungedCall[]): HTMLElement[] {
  if (calls.length === 0) return [el('p', 'munge-note', 'No description of this run was munged yet.')];
  return [el('h3', 'munge-heading', 'Munged descriptions'), ...calls.map(renderCall)];
}

function renderCall(call: MungedCall): HTMLElement {
  const item = el('article', 'munge-call');
  const edited = isEdited(call.original, call.edited);
  const outcome = !call.outcome ? 'waiting for the browser' : call.outcome.ok ? 'applied' : 'refused by the browser';
  const title = `${call.label}: ${call.method} (${call.sdpType}), ${edited ? 'edited' : 'unchanged'}, ${outcome}`;
  item.setAttribute('aria-label', title);
  item.append(el('h4', 'munge-call-title', title));
  if (call.created) item.append(el('p', 'munge-note', 'Created by the playground for setLocalDescription() without a description.'));

  if (call.outcome && !call.outcome.ok) item.append(...errorAtLine(call.edited, `${call.outcome.error.name}: ${call.outcome.error.message}`));
  if (edited) item.append(el('p', 'munge-label', 'What changed (− original, + applied):'), renderDiff(call.original, call.edited));
  return item;
}

/** The applied text with line numbers, the error placed under the line it concerns (or above all, if none is found). */
function errorAtLine(sdp: string, message: string): HTMLElement[] {
  const line = locateSdpError(message, sdp);
  // The message goes where the learner looks: beside its line, or on top when no line is named.
  const summary = el(
    'p',
    'munge-error',
    line === null ? `The browser refused this description: ${message}` : `The browser refused this description at line ${line} (marked below).`,
  );
  const listing = el('ol', 'munge-listing');
  listing.setAttribute('aria-label', 'Applied description');
  splitLines(sdp).forEach((text, i) => {
    const row = el('li', i + 1 === line ? 'munge-line munge-line-error' : 'munge-line');
    row.value = i + 1;
    row.append(el('code', '', text === '' ? ' ' : text));
    if (i + 1 === line) row.append(el('span', 'munge-error-here', `← ${message}`));
    listing.append(row);
  });
  return [summary, listing];
}

function renderDiff(original: string, edited: string): HTMLElement {
  const table = el('table', 'munge-diff');
  table.setAttribute('aria-label', 'Difference');
  const head = el('tr');
  head.append(el('th', '', 'Original line'), el('th', '', 'Applied line'), el('th', '', ''), el('th', '', 'Text'));
  table.append(head);
  for (const line of diffLines(original, edited)) {
    // Unchanged lines stay for context, dimmed by the stylesheet.
    const row = el('tr', `munge-diff-${line.kind}`);
    const sign = line.kind === 'removed' ? '−' : line.kind === 'added' ? '+' : ' ';
    row.append(
      el('td', 'munge-num', line.before === undefined ? '' : String(line.before)),
      el('td', 'munge-num', line.after === undefined ? '' : String(line.after)),
      el('td', 'munge-sign', sign),
      el('td', 'munge-text', line.text),
    );
    if (line.kind !== 'same') row.setAttribute('aria-label', `${line.kind === 'removed' ? 'Removed' : 'Added'}: ${line.text}`);
    table.append(row);
  }
  return table;
}

function button(name: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = name;
  b.addEventListener('click', onClick);
  return b;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
