/**
 * From a recorded event log to the files under tests/fixtures/: the log itself
 * (with its getStats snapshots thinned so fixtures stay small) and every
 * distinct session description in it as its own .sdp file. Pure, so the rules
 * (which descriptions, named after which peer connection) can be read in one place.
 */
import type { Json, PlaygroundEvent } from '../../sandbox/log/events.ts';

export interface CapturedDescription {
  /** 1-based, in the order the description first appears in the log. */
  n: number;
  /** The peer connection that made it (its author), not the one it was applied to. */
  pc: number;
  type: string;
  sdp: string;
  /** The event it first appears in. */
  seq: number;
}

function asDescription(value: Json | undefined): { type: string; sdp: string } | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { type, sdp } = value;
  return typeof type === 'string' && typeof sdp === 'string' ? { type, sdp } : null;
}

/** The session id of the o= line: it names the description's author across offer, re-offer and trickle-complete copies. */
function sessionId(sdp: string): string | null {
  return /^o=\S+ (\d+) /m.exec(sdp)?.[1] ?? null;
}

/**
 * Every distinct description (by exact text) that was created, applied
 * locally or applied remotely. A description first seen in setRemoteDescription
 * (e.g. the other side's localDescription after gathering) is credited to the
 * connection whose own descriptions carry the same o= session id.
 */
export function descriptionsIn(events: readonly PlaygroundEvent[]): CapturedDescription[] {
  const seen: { pc: number; local: boolean; type: string; sdp: string; seq: number }[] = [];
  for (const event of events) {
    if (event.type === 'pc.call' && (event.method === 'setLocalDescription' || event.method === 'setRemoteDescription')) {
      const d = asDescription(event.args[0]);
      if (d) seen.push({ pc: event.pc, local: event.method === 'setLocalDescription', ...d, seq: event.seq });
    }
    if (event.type === 'pc.result' && event.ok && ['createOffer', 'createAnswer', 'setLocalDescription'].includes(event.method)) {
      const d = asDescription(event.value);
      if (d) seen.push({ pc: event.pc, local: true, ...d, seq: event.seq });
    }
  }
  const authors = new Map<string, number>();
  for (const d of seen) {
    const id = sessionId(d.sdp);
    if (d.local && id !== null && !authors.has(id)) authors.set(id, d.pc);
  }
  const out: CapturedDescription[] = [];
  const texts = new Set<string>();
  for (const d of seen) {
    if (texts.has(d.sdp)) continue;
    texts.add(d.sdp);
    const id = sessionId(d.sdp);
    const author = d.local ? d.pc : ((id !== null ? authors.get(id) : undefined) ?? d.pc);
    out.push({ n: out.length + 1, pc: author, type: d.type, sdp: d.sdp, seq: d.seq });
  }
  return out;
}

export function sdpFileName(scenario: string, d: CapturedDescription): string {
  return `${scenario}-${d.n}-pc${d.pc}-${d.type}.sdp`;
}

/**
 * Keep only the last `keep` getStats snapshots of each peer connection: enough
 * for the stats view to plot rates (which need successive samples) and the ICE
 * view to show the pairs, without megabytes of fixtures. `seq` values are kept
 * as recorded, so a thinned log has gaps where snapshots were.
 */
export function thinStats(events: readonly PlaygroundEvent[], keep: number): PlaygroundEvent[] {
  const lastSeqs = new Map<number, number[]>();
  for (const event of events) {
    if (event.type !== 'pc.stats') continue;
    const seqs = lastSeqs.get(event.pc) ?? [];
    seqs.push(event.seq);
    lastSeqs.set(event.pc, seqs.slice(-keep));
  }
  const kept = new Set([...lastSeqs.values()].flat());
  return events.filter((event) => event.type !== 'pc.stats' || kept.has(event.seq));
}
