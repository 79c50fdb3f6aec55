/**
 * Facts about renegotiation and glare, read from the peer-connection
 * summaries (./reduce.ts) and the raw state events: each connection's offers
 * in order, the moment two connections both had an offer out, and which
 * connection gave its offer up. Pure; the lessons on renegotiation and
 * perfect negotiation check with these.
 */
import type { PlaygroundEvent } from './events.ts';
import type { AppliedDescription, CallRecord, PcSummary } from './reduce.ts';

/** The offers a connection applied with setLocalDescription, in order, each with its SDP. */
export function localOffers(pc: PcSummary): AppliedDescription[] {
  return pc.descriptions.filter((d) => d.side === 'local' && d.type === 'offer' && d.sdp !== null);
}

/** The first answer this connection applied from the other side after log position `seq`, if any. */
export function answerAfter(pc: PcSummary, seq: number): AppliedDescription | undefined {
  return pc.descriptions.find((d) => d.side === 'remote' && d.type === 'answer' && d.seq > seq);
}

/** The last value an attribute was seen to change to (close() records none), or its initial value. */
export function lastRecorded(pc: PcSummary, which: keyof PcSummary['history']): string {
  const changes = pc.history[which];
  return changes[changes.length - 1]?.value ?? (which === 'signalingState' ? 'stable' : 'new');
}

export interface Glare {
  /** The connections that both had a local offer out, in log order of their offers. */
  pcs: [number, number];
  /** Where the second of them entered have-local-offer. */
  seq: number;
  t: number;
}

/** The first moment two connections were both in have-local-offer: both had sent an offer and neither was answered. */
export function firstGlare(events: readonly PlaygroundEvent[]): Glare | null {
  const offering = new Map<number, number>(); // pc → seq it entered have-local-offer
  for (const event of events) {
    if (event.type !== 'pc.state' || event.which !== 'signalingState') continue;
    if (event.value !== 'have-local-offer') {
      offering.delete(event.pc);
      continue;
    }
    const other = [...offering.entries()].find(([pc]) => pc !== event.pc);
    if (other) return { pcs: [other[0], event.pc], seq: event.seq, t: event.t };
    offering.set(event.pc, event.seq);
  }
  return null;
}

/**
 * The calls with which a connection gave up its own offer: an explicit
 * setLocalDescription({type: 'rollback'}), or setRemoteDescription(offer)
 * while it had a local offer out (an implicit rollback). Only calls that succeeded.
 */
export function rollbacks(pc: PcSummary): CallRecord[] {
  return pc.calls.filter((record) => {
    if (record.result?.ok !== true) return false;
    const type = descriptionType(record.call.args[0]);
    if (record.call.method === 'setLocalDescription') return type === 'rollback';
    return record.call.method === 'setRemoteDescription' && type === 'offer' && record.signalingStateBefore === 'have-local-offer';
  });
}

function descriptionType(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const type = (value as { type?: unknown }).type;
  return typeof type === 'string' ? type : null;
}
