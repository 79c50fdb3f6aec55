/**
 * The session descriptions a run's log carries, in order: what createOffer and
 * createAnswer returned, and what was passed to setLocalDescription and
 * setRemoteDescription (with whether the browser accepted it). Also which
 * other description to compare one with: its offer/answer counterpart and the
 * previous description of the same side (renegotiation).
 */
import type { Json, PlaygroundEvent } from '../../../../sandbox/log/events.ts';
import { peerConnections } from '../../../../sandbox/log/reduce.ts';
import { descriptionIn } from '../timeline/model.ts';

/** 'peerjs': an OFFER/ANSWER as it crossed a Peer's signalling socket. */
export type DescriptionSource = 'createOffer' | 'createAnswer' | 'setLocalDescription' | 'setRemoteDescription' | 'peerjs';

export interface LoggedDescription {
  /** The seq of the event carrying the SDP (the result of create*, the call of set*). */
  seq: number;
  /** Other seqs that select it too (a set*'s result event). */
  alsoSeq: number[];
  pc: number;
  pcLabel: string;
  source: DescriptionSource;
  /** local: made by this connection; remote: received from the other peer. */
  side: 'local' | 'remote';
  type: string;
  sdp: string;
  t: number;
  /** For set*: whether it was applied (null while pending); create* results are always true. */
  applied: boolean | null;
  error: string | null;
  /** The learner edited it in the Munging tab before it was applied; `sdp` is the edited text. */
  munged: boolean;
}

function asDescription(value: Json | undefined): { type: string; sdp: string } | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const { type, sdp } = value;
  return typeof type === 'string' && typeof sdp === 'string' && sdp !== '' ? { type, sdp } : null;
}

export function descriptionsInLog(events: readonly PlaygroundEvent[]): LoggedDescription[] {
  const labels = new Map(peerConnections(events).map((pc) => [pc.pc, pc.label]));
  const list: LoggedDescription[] = [];
  const pendingSets = new Map<string, LoggedDescription | null>();
  for (const event of events) {
    if (event.type === 'pc.call' && (event.method === 'setLocalDescription' || event.method === 'setRemoteDescription')) {
      const description = asDescription(event.args[0]);
      const entry = description ? make(event.seq, event.pc, event.method, description, event.t, null) : null;
      if (entry) list.push(entry);
      pendingSets.set(`${event.pc}:${event.call}`, entry);
    } else if (event.type === 'pc.munge') {
      // The learner edited the description in the Munging tab: what the browser got is `edited`.
      const key = `${event.pc}:${event.call}`;
      const entry = pendingSets.get(key);
      if (entry) {
        entry.sdp = event.edited;
        entry.munged = true;
        entry.alsoSeq.push(event.seq);
      } else {
        const created = make(event.seq, event.pc, event.method, { type: event.sdpType, sdp: event.edited }, event.t, null);
        created.munged = true;
        list.push(created);
        pendingSets.set(key, created);
      }
    } else if (event.type === 'pc.result') {
      if ((event.method === 'createOffer' || event.method === 'createAnswer') && event.ok) {
        const description = asDescription(event.value);
        if (description) list.push(make(event.seq, event.pc, event.method, description, event.t, true));
      }
      if (event.method === 'setLocalDescription' || event.method === 'setRemoteDescription') {
        const key = `${event.pc}:${event.call}`;
        let entry = pendingSets.get(key) ?? null;
        // An implicit setLocalDescription() carries its description in the result only.
        const fromResult = event.ok ? asDescription(event.value) : null;
        if (!entry && fromResult) {
          entry = make(event.seq, event.pc, event.method, fromResult, event.t, null);
          list.push(entry);
        }
        if (entry) {
          entry.applied = event.ok;
          entry.error = event.ok ? null : `${event.error.name}: ${event.error.message}`;
          if (entry.seq !== event.seq) entry.alsoSeq.push(event.seq);
        }
        pendingSets.delete(key);
      }
    }
  }
  for (const entry of list) entry.pcLabel = labels.get(entry.pc) ?? `pc ${entry.pc}`;
  return list;
}

function make(seq: number, pc: number, source: DescriptionSource, d: { type: string; sdp: string }, t: number, applied: boolean | null): LoggedDescription {
  const side = source === 'setRemoteDescription' ? 'remote' : 'local';
  return { seq, alsoSeq: [], pc, pcLabel: `pc ${pc}`, source, side, type: d.type, sdp: d.sdp, t, applied, error: null, munged: false };
}

export function findDescription(list: readonly LoggedDescription[], seq: number): LoggedDescription | undefined {
  return list.find((d) => d.seq === seq || d.alsoSeq.includes(seq));
}

/**
 * A description selected by an event that is not in the list (a PeerJS OFFER
 * or ANSWER on the signalling socket): the same text as applied by a
 * connection when there is one, else the message's own copy.
 */
export function describedAt(events: readonly PlaygroundEvent[], list: readonly LoggedDescription[], seq: number): LoggedDescription | undefined {
  const found = findDescription(list, seq);
  if (found) return found;
  const event = events.find((e) => e.seq === seq);
  const carried = descriptionIn(event);
  if (!event || !carried) return undefined;
  const same = list.find((d) => d.sdp === carried.sdp);
  if (same) return same;
  const direction = event.type === 'peerjs.signal' ? ` ${event.direction === 'out' ? 'sent' : 'received'} by peer ${event.peer}` : '';
  return { ...make(seq, 0, 'peerjs', carried, event.t, true), side: 'remote', pcLabel: `signaller${direction}` };
}

/**
 * The other half of its offer/answer exchange on the same connection: for an
 * offer, the next answer; for an answer, the latest offer before it. Rejected
 * set* calls are skipped.
 */
export function counterpart(list: readonly LoggedDescription[], d: LoggedDescription): LoggedDescription | undefined {
  const same = list.filter((x) => x.pc === d.pc && x.applied !== false && x.side !== d.side);
  if (d.type === 'offer') return same.find((x) => x.type === 'answer' && x.t >= d.t);
  if (d.type === 'answer') return [...same].reverse().find((x) => x.type === 'offer' && x.t <= d.t);
  return undefined;
}

/** The previous, different description from the same side of the same connection (for the renegotiation diff). */
export function previousOfSide(list: readonly LoggedDescription[], d: LoggedDescription): LoggedDescription | undefined {
  const index = list.indexOf(d);
  for (let i = index - 1; i >= 0; i -= 1) {
    const x = list[i];
    if (x && x.pc === d.pc && x.side === d.side && x.applied !== false && x.sdp !== d.sdp && x.type !== 'rollback') return x;
  }
  return undefined;
}
