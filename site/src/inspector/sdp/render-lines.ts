/**
 * One description, line by line: the session part and one block per
 * m-section (headed by kind, mid and direction), each with its codec table.
 * Each line is a focusable list item; its explanation is shown by the shared
 * tooltip (render.ts) on hover and on keyboard focus.
 */
import type { AnnotatedSdp } from './annotate.ts';
import { codecTable, type CodecRow, type IntersectedCodec } from './codecs.ts';
import { el, table } from '../dom.ts';
import { payloadTypeOf } from './links.ts';
import type { AnnotatedLine } from './model.ts';
import type { MediaSection } from './tokenize.ts';

export interface LinesOptions {
  /** A prefix that makes line ids unique in the page (several descriptions may be shown). */
  idPrefix: string;
  /** Codec rows marked by the offer ∩ answer, per m-section index (only for the offer). */
  intersection?: Map<number, IntersectedCodec[]>;
  /** Label of the answer's side, for the codec table column. */
  answerLabel?: string;
}

export const lineId = (prefix: string, n: number) => `${prefix}-L${n}`;

export function renderLines(annotated: AnnotatedSdp, options: LinesOptions): HTMLElement {
  const root = el('div', 'sdp-description');
  const byNumber = new Map(annotated.lines.map((a) => [a.line.number, a]));
  const block = (title: string, lines: AnnotatedLine[], section?: MediaSection) => {
    const part = el('section', 'sdp-block');
    const heading = el('h4', 'sdp-block-title', title);
    part.setAttribute('aria-label', title);
    part.append(heading);
    if (section && section.protocol.includes('RTP')) {
      const rows = options.intersection?.get(section.index) ?? codecTable(section);
      if (rows.length > 0) part.append(codecTableElement(rows, section, options));
    }
    const list = el('ol', 'sdp-lines');
    list.setAttribute('aria-label', `${title}: lines`);
    for (const a of lines) list.append(lineElement(a, options.idPrefix));
    part.append(list);
    root.append(part);
  };
  const pick = (numbers: number[]) => numbers.map((n) => byNumber.get(n)).filter((a): a is AnnotatedLine => a !== undefined);
  block('Session', pick(annotated.sdp.session.map((l) => l.number)));
  for (const section of annotated.sdp.media) block(sectionTitle(section), pick(section.lines.map((l) => l.number)), section);
  return root;
}

export function sectionTitle(section: MediaSection): string {
  const parts = [`m-section ${section.index}: ${section.kind || '?'}`, `mid ${section.mid ?? '(none)'}`, section.direction ?? 'sendrecv'];
  if (section.port === 0) parts.push('rejected (port 0)');
  return parts.join(' · ');
}

function lineElement(a: AnnotatedLine, prefix: string): HTMLLIElement {
  const item = el('li', `sdp-line sdp-${a.status}`);
  item.id = lineId(prefix, a.line.number);
  item.tabIndex = -1;
  item.dataset['line'] = String(a.line.number);
  item.append(el('span', 'sdp-number', String(a.line.number)));
  const text = el('span', 'sdp-text');
  appendLineText(text, a, prefix);
  item.append(text);
  if (a.status !== 'ok') item.append(el('span', 'sdp-badge', a.status));
  return item;
}

/** The line's text; payload types become buttons that point at their related lines. */
function appendLineText(target: HTMLElement, a: AnnotatedLine, prefix: string): void {
  const { line } = a;
  // Very long lines are cut on screen; the whole text stays in the title.
  const shown = line.text.length > 2000 ? `${line.text.slice(0, 2000)}… (${line.text.length} characters)` : line.text;
  if (shown !== line.text) target.title = line.text.slice(0, 10000);
  const pt = payloadTypeOf(line);
  if (line.type === 'm') {
    const parts = shown.split(' ');
    target.append(parts.slice(0, 3).join(' '));
    for (const format of parts.slice(3)) {
      target.append(' ');
      target.append(/^\d+$/.test(format) ? ptButton(format, prefix, line.section) : format);
    }
    return;
  }
  if (pt && pt !== '*' && line.text.length < 2000) {
    const head = `a=${line.attribute}:`;
    target.append(head, ptButton(pt, prefix, line.section), line.text.slice(head.length + pt.length));
    return;
  }
  target.append(shown);
}

function ptButton(pt: string, prefix: string, section: number | 'session', tabStop = false): HTMLButtonElement {
  const button = el('button', 'sdp-pt', pt);
  button.type = 'button';
  // In a line list there is one tab stop (the line; Enter follows its first link); in a table each button is one.
  button.tabIndex = tabStop ? 0 : -1;
  button.dataset['pt'] = pt;
  button.dataset['section'] = String(section);
  button.dataset['prefix'] = prefix;
  button.setAttribute('aria-label', `payload type ${pt}: show its lines`);
  return button;
}

function codecTableElement(rows: Array<CodecRow | IntersectedCodec>, section: MediaSection, options: LinesOptions): HTMLTableElement {
  const marked = rows.some((row) => 'survived' in row);
  const headers = ['PT', 'Codec', 'Clock', 'Ch', 'Parameters (fmtp)', 'Feedback (rtcp-fb)', 'RTX'];
  if (marked) headers.push(options.answerLabel ?? 'In answer');
  const body = rows.map((row) => {
    const cells: Array<string | Node> = [
      ptButton(row.pt, options.idPrefix, section.index, true),
      row.codec || '(no rtpmap)',
      row.clockRate === null ? '' : String(row.clockRate),
      row.channels === null ? '' : String(row.channels),
      row.fmtp,
      row.feedback.join(', '),
      row.rtxPt ?? '',
    ];
    if ('survived' in row) cells.push(el('span', row.survived ? 'sdp-kept' : 'sdp-dropped', row.survived ? '✓ kept' : '✗ dropped'));
    return cells;
  });
  const caption = `Codecs of m-section ${section.index} (${section.kind}), most preferred first${marked ? '; marked by what the answer kept' : ''}`;
  return table(caption, headers, body, 'sdp-table sdp-codecs');
}
