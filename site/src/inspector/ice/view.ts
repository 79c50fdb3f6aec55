/**
 * The ICE tab: per peer connection, every candidate (gathered here, or handed
 * in with addIceCandidate) with its priority decoded, the STUN/TURN errors
 * with a diagnosis, and the candidate pairs of the latest getStats() report.
 * Logic is in ./candidates.ts and ./pairs.ts; this only draws tables.
 * Every value goes into the DOM as text.
 */
import type { PlaygroundEvent } from '../../../../sandbox/log/events.ts';
import { el, tableWithHead } from '../dom.ts';
import type { InspectorContext, InspectorView } from '../types.ts';
import { renderWhenShown } from '../stats/render-when-shown.ts';
import { MDNS_EXPLANATION } from './candidate-line.ts';
import { iceCandidates, type CandidateRow, type PcIce } from './candidates.ts';
import type { IceErrorRow } from './errors.ts';
import { latestPairTables, withKnownAddresses, type PairEnd, type PairTable } from './pairs.ts';
import { componentName } from './priority.ts';
import './ice.css';

export const view: InspectorView = {
  id: 'ice',
  label: 'ICE',
  mount(container, context) {
    const root = el('div', 'ice');
    container.replaceChildren(root);
    let signature = '';
    let first: PlaygroundEvent | undefined;
    const render = (events: readonly PlaygroundEvent[]) => {
      const pcs = iceCandidates(events);
      const pairs = latestPairTables(events);
      // Redraw only when something shown changed, so keyboard focus and scroll survive live updates.
      const next = JSON.stringify([pcs.map((p) => [p.pc, p.label, p.candidates.length, p.candidates.map((c) => c.outcome), p.errors.length]), [...pairs.values()].map((t) => t.seq)]);
      if (next === signature && events[0] === first) return; // same log (not a new run or an import), nothing new
      signature = next;
      first = events[0];
      root.replaceChildren(...renderAll(pcs, pairs, context));
      highlight(root, context.selection.get());
    };
    const stopEvents = renderWhenShown(container, context.events, render);
    const stopSelection = context.selection.listen((selection) => highlight(root, selection));
    return () => {
      stopEvents();
      stopSelection();
      container.replaceChildren();
    };
  },
};

function renderAll(pcs: PcIce[], pairs: Map<number, PairTable>, context: InspectorContext): HTMLElement[] {
  if (!pcs.length) return [el('p', 'ice-empty', 'No peer connection in this log yet. Run your code: every RTCPeerConnection it creates gets a table here.')];
  const intro = el(
    'p',
    'ice-intro',
    'Each side gathers candidates (addresses it can be reached at) and hands them to the other side, which adds them with addIceCandidate. ICE then tries pairs of one local and one remote candidate, and picks the best pair that works.',
  );
  return [intro, ...pcs.map((pc) => renderPc(pc, pairs.get(pc.pc) ?? null, context))];
}

function renderPc(pc: PcIce, pairs: PairTable | null, context: InspectorContext): HTMLElement {
  const section = el('section', 'ice-pc');
  section.setAttribute('aria-label', `ICE of ${pc.label}`);
  const heading = el('h3', 'ice-heading', pc.label);
  section.append(heading);
  if (pc.label !== `pc ${pc.pc}`) section.append(el('p', 'ice-note', `Peer connection ${pc.pc}.`));

  if (pc.candidates.length) {
    if (pc.candidates.some((c) => c.mdns)) section.append(el('p', 'ice-note', `Addresses ending in .local: ${MDNS_EXPLANATION}`));
    section.append(scroller(candidateTable(pc, context), `Candidates of ${pc.label}`));
  } else {
    section.append(el('p', 'ice-note', pc.noCandidates ?? ''));
  }
  if (pc.errors.length) section.append(scroller(errorTable(pc.label, pc.errors), `ICE server errors of ${pc.label}`));
  section.append(...pairSection(pc.label, pairs && withKnownAddresses(pairs, pc.candidates)));
  return section;
}

function candidateTable(pc: PcIce, context: InspectorContext): HTMLTableElement {
  const gathered = pc.candidates.filter((c) => c.side === 'local').length;
  const added = pc.candidates.filter((c) => c.via === 'addIceCandidate').length;
  const inDescription = pc.candidates.filter((c) => c.via === 'description').length;
  const caption =
    `Candidates of ${pc.label}: ${gathered} gathered here (local), ${added} given by addIceCandidate (remote)` +
    `${inDescription ? `, ${inDescription} in the remote description` : ''}${pc.gatheringComplete ? '; gathering complete' : ''}`;
  const headers = ['Side', 'Time since setLocalDescription', 'Type', 'Protocol', 'Address', 'Port', 'Priority', 'Type preference', 'Local preference', 'Component', 'Foundation', 'Related address', 'STUN/TURN URL', 'Relay protocol', 'Accepted'];
  const table = tableWithHead(caption, headers, 'ice-table');
  const body = table.createTBody();
  for (const row of pc.candidates) {
    const tr = el('tr');
    tr.dataset.seq = String(row.seq);
    const side = el('th', undefined, row.via === 'description' ? 'remote (in description)' : row.side);
    side.scope = 'row';
    const show = el('button', 'ice-link', `#${row.seq}`);
    show.type = 'button';
    show.title = 'Select this candidate (other views can show it)';
    show.setAttribute('aria-label', `Select ${row.side} candidate, event ${row.seq}`);
    show.addEventListener('click', () => context.selection.set({ kind: 'candidate', seq: row.seq }));
    side.append(' ', show);
    tr.append(side, ...cells(candidateCells(row)));
    if (row.outcome === 'error') tr.classList.add('ice-error-row');
    body.append(tr);
  }
  return table;
}

function candidateCells(row: CandidateRow): string[] {
  const d = row.decoded;
  return [
    row.sinceLocalDescription === null ? `at ${seconds(row.t)}` : `${ms(row.sinceLocalDescription)}`,
    row.type ?? '—',
    row.protocol ? `${row.protocol}${row.tcpType ? ` (${row.tcpType})` : ''}` : '—',
    row.address ? `${row.address}${row.mdns ? ' (mDNS name)' : ''}` : '—',
    text(row.port),
    text(row.priority),
    d ? `${d.typePreference} (${row.typePreferenceName})` : '—',
    d ? String(d.localPreference) : '—',
    d ? `${d.component} (${componentName(d.component)})` : '—',
    row.foundation ?? '—',
    row.relatedAddress ? hostPort(row.relatedAddress, row.relatedPort) : '—',
    row.url || '—',
    row.relayProtocol || '—',
    row.side === 'local' ? '—' : row.outcome === 'ok' ? 'yes' : row.outcome === 'error' ? `no: ${row.error ?? 'refused'}` : 'pending',
  ];
}

function errorTable(label: string, errors: IceErrorRow[]): HTMLTableElement {
  const table = tableWithHead(`ICE server errors of ${label} (icecandidateerror)`, ['Time', 'Server URL', 'Error code', 'Browser\'s text', 'Local address', 'What it means'], 'ice-table');
  const body = table.createTBody();
  for (const error of errors) {
    const tr = el('tr', 'ice-error-row');
    const time = el('th', undefined, seconds(error.t));
    time.scope = 'row';
    tr.append(time, ...cells([error.url ?? '—', text(error.errorCode), error.errorText || '—', error.address ? hostPort(error.address, error.port) : '—', error.diagnosis]));
    body.append(tr);
  }
  return table;
}

function pairSection(label: string, pairs: PairTable | null): HTMLElement[] {
  if (!pairs) {
    return [el('p', 'ice-note', 'No candidate pairs yet: the runtime takes a getStats() report every second while the connection is connected, and the pairs come from the latest one.')];
  }
  const role = pairs.role ? `; this side is ${pairs.role}` : '';
  const table = tableWithHead(`Candidate pairs of ${label} (getStats at ${seconds(pairs.t)}${role})`, [
    'Pair',
    'Selected',
    'State',
    'Nominated',
    'Local candidate',
    'Remote candidate',
    'Round-trip time',
    'Pair priority',
    'Bytes sent',
    'Bytes received',
  ], 'ice-table');
  const body = table.createTBody();
  pairs.pairs.forEach((pair, index) => {
    const tr = el('tr', pair.selected ? 'ice-selected' : undefined);
    const name = el('th', undefined, `${index + 1}`);
    name.scope = 'row';
    tr.append(
      name,
      ...cells([
        pair.selected ? 'selected (in use)' : 'no',
        pair.state ?? '—',
        pair.nominated ? 'yes' : 'no',
        end(pair.local),
        end(pair.remote),
        pair.currentRoundTripTime === null ? '—' : ms(pair.currentRoundTripTime * 1000),
        pair.priority === null ? '—' : `${pair.priority.toString()}${pair.prioritySource === 'stats' ? ' (as reported; rounded)' : ''}`,
        text(pair.bytesSent),
        text(pair.bytesReceived),
      ]),
    );
    body.append(tr);
  });
  const note = el(
    'p',
    'ice-note',
    'Pair priority (RFC 8445 §6.1.2.3) = 2³²·min(G, D) + 2·max(G, D) + (G > D ? 1 : 0), where G is the controlling side\'s candidate priority and D the controlled side\'s: both sides compute the same order.',
  );
  return [scroller(table, `Candidate pairs of ${label}`), note];
}

function end(e: PairEnd | null): string {
  if (!e) return '—';
  const via = e.relayProtocol ? ` via TURN/${e.relayProtocol}` : '';
  return `${e.type ?? '?'} ${e.protocol ?? ''} ${hostPort(e.address ?? '(address hidden)', e.port)}${via}`.replace(/\s+/g, ' ').trim();
}

/** Marks the row of the selected candidate and brings it into view. */
function highlight(root: HTMLElement, selection: ReturnType<InspectorContext['selection']['get']>): void {
  for (const row of root.querySelectorAll('tr.ice-highlight')) row.classList.remove('ice-highlight');
  if (selection?.kind !== 'candidate') return;
  const row = root.querySelector<HTMLElement>(`tr[data-seq="${selection.seq}"]`);
  if (!row) return;
  row.classList.add('ice-highlight');
  row.scrollIntoView?.({ block: 'nearest' });
}


function cells(values: string[]): HTMLTableCellElement[] {
  return values.map((value) => el('td', undefined, value));
}

/** A wide table scrolls sideways in a box the keyboard can reach. */
function scroller(table: HTMLTableElement, label: string): HTMLElement {
  const box = el('div', 'ice-scroll');
  box.tabIndex = 0;
  box.setAttribute('role', 'region');
  box.setAttribute('aria-label', label);
  box.append(table);
  return box;
}

/** "192.0.2.1:5000", "[fd00::2]:5000": an IPv6 address gets brackets so the port stays readable. */
function hostPort(address: string, port: number | null): string {
  const host = address.includes(':') && !address.startsWith('[') ? `[${address}]` : address;
  return `${host}:${text(port)}`;
}

function text(value: number | null): string {
  return value === null ? '—' : String(value);
}

function ms(value: number): string {
  return `${Math.round(value * 10) / 10} ms`;
}

function seconds(t: number): string {
  return `${(t / 1000).toFixed(2)} s`;
}
