/**
 * The SDP tab: the descriptions of the run (per connection, in order) and the
 * selected one explained line by line, with its offer/answer counterpart's
 * diff and codec intersection and the renegotiation diff against the previous
 * description of the same side. The timeline selects one through
 * context.selection ({ kind: 'description', seq }).
 */
import type { InspectorContext, InspectorView } from '../types.ts';
import { counterpart, describedAt, descriptionsInLog, previousOfSide, type LoggedDescription } from './descriptions.ts';
import { el } from '../dom.ts';
import { renderDescriptions, type RenderInput } from './render.ts';
import './sdp.css';

export const view: InspectorView = {
  id: 'sdp',
  label: 'SDP',
  mount(container, context) {
    return mountSdpView(container, context);
  },
};

const SOURCE: Record<string, string> = {
  createOffer: 'createOffer() returned',
  createAnswer: 'createAnswer() returned',
  setLocalDescription: 'setLocalDescription',
  setRemoteDescription: 'setRemoteDescription',
  peerjs: 'PeerJS message with the',
};

export function describeEntry(d: LoggedDescription): string {
  const outcome = d.applied === false ? ' (rejected)' : d.applied === null ? ' (pending)' : '';
  const edited = d.munged ? ' (edited)' : '';
  return `${d.pcLabel}: ${SOURCE[d.source] ?? d.source} ${d.type}${edited}${outcome} · ${(d.t / 1000).toFixed(2)} s`;
}

function mountSdpView(container: HTMLElement, context: InspectorContext): () => void {
  const root = el('div', 'sdp-view');
  const picker = el('nav', 'sdp-picker');
  picker.setAttribute('aria-label', 'Descriptions');
  const body = el('div', 'sdp-body');
  root.append(picker, body);
  container.replaceChildren(root);

  let list: LoggedDescription[] = [];
  let signature = '';
  let shownSeq: number | null = null;
  let cleanup: (() => void) | null = null;

  const chosen = (): LoggedDescription | undefined => {
    const selection = context.selection.get();
    const selected = selection?.kind === 'description' ? describedAt(context.events.get(), list, selection.seq) : undefined;
    return selected ?? list[0];
  };

  const renderPicker = (current: LoggedDescription | undefined) => {
    const items = el('ul', 'sdp-picker-list');
    for (const d of list) {
      const button = el('button', 'sdp-pick', describeEntry(d));
      button.type = 'button';
      button.setAttribute('aria-pressed', String(d === current));
      button.addEventListener('click', () => context.selection.set({ kind: 'description', seq: d.seq }));
      const item = el('li');
      item.append(button);
      items.append(item);
    }
    picker.replaceChildren(el('h3', 'sdp-title', 'Descriptions'), items);
  };

  const renderBody = (d: LoggedDescription | undefined) => {
    cleanup?.();
    cleanup = null;
    if (!d) {
      body.replaceChildren(el('p', 'sdp-note', 'No session description yet. Run code that calls createOffer or setRemoteDescription, or pick a step on the Timeline.'));
      return;
    }
    const other = counterpart(list, d);
    const previous = previousOfSide(list, d);
    const isAnswer = d.type === 'answer' || d.type === 'pranswer';
    const input: RenderInput = {
      ...(isAnswer ? { answer: d.sdp, show: 'answer' as const } : { offer: d.sdp, show: 'offer' as const }),
      ...(other ? (isAnswer ? { offer: other.sdp } : { answer: other.sdp }) : {}),
      ...(previous ? { previous: { title: describeEntry(previous), sdp: previous.sdp } } : {}),
      titles: isAnswer ? { answer: describeEntry(d) } : { offer: describeEntry(d) },
    };
    const holder = el('div');
    body.replaceChildren(holder);
    if (d.error) body.prepend(el('p', 'sdp-error', `The browser refused it: ${d.error}`));
    cleanup = renderDescriptions(holder, input);
  };

  const update = () => {
    const next = descriptionsInLog(context.events.get());
    const nextSignature = next.map((d) => `${d.seq}:${String(d.applied)}:${String(d.munged)}`).join(',');
    const current = (list = next, chosen());
    const seq = current?.seq ?? null;
    // Stats arrive every second: re-render only when the descriptions or the choice changed (keeps focus and scroll).
    if (nextSignature === signature && seq === shownSeq) return;
    signature = nextSignature;
    shownSeq = seq;
    renderPicker(current);
    renderBody(current);
  };

  const stopEvents = context.events.subscribe(update);
  const stopSelection = context.selection.subscribe(update);
  return () => {
    stopEvents();
    stopSelection();
    cleanup?.();
    container.replaceChildren();
  };
}
