/**
 * A lesson that runs several small scenarios ("cases") one after another marks
 * the start of each with `playground.report('case', name)`. This splits the log
 * by those marks, so a check (or the doctor) can look at one case alone.
 *
 * A case owns the RTCPeerConnections and PeerJS Peers created between its mark
 * and the next one (and the connections PeerJS made for those Peers, whenever
 * they were made), with every event about them, even late ones; events that
 * belong to no connection or Peer (console, errors, media elements) count
 * for the case whose window they fall in. Pure.
 */
import type { PlaygroundEvent } from './events.ts';
import { reports } from './reports.ts';

export interface CaseRun {
  name: string;
  /** The seq of the case's mark. */
  seq: number;
  /** The seq of the next case's mark (Infinity for the last case). */
  end: number;
  pcs: Set<number>;
  peers: Set<number>;
  /** The case's events, in log order. */
  events: PlaygroundEvent[];
}

export const CASE_REPORT = 'case';

/** Every case run in the log, in order. */
export function caseRuns(events: readonly PlaygroundEvent[]): CaseRun[] {
  const marks = reports(events).filter((r) => r.name === CASE_REPORT && typeof r.value === 'string');
  const runs: CaseRun[] = marks.map((mark, i) => ({
    name: mark.value as string,
    seq: mark.seq,
    end: marks[i + 1]?.seq ?? Infinity,
    pcs: new Set(),
    peers: new Set(),
    events: [],
  }));
  const inWindow = (seq: number) => runs.find((run) => seq >= run.seq && seq < run.end);
  for (const event of events) {
    if (event.type === 'pc.created') inWindow(event.seq)?.pcs.add(event.pc);
    else if (event.type === 'peerjs.peer' && event.event === 'created') inWindow(event.seq)?.peers.add(event.peer);
  }
  for (const event of events) {
    if (event.type === 'peerjs.connection' && event.pc !== undefined) {
      runs.find((run) => run.peers.has(event.peer))?.pcs.add(event.pc);
    }
  }
  for (const event of events) {
    const owner = ownerOf(event, runs) ?? inWindow(event.seq);
    owner?.events.push(event);
  }
  return runs;
}

/** The last run of the case with this name, or null when it did not run. */
export function lastCaseRun(events: readonly PlaygroundEvent[], name: string): CaseRun | null {
  const runs = caseRuns(events).filter((run) => run.name === name);
  return runs[runs.length - 1] ?? null;
}

function ownerOf(event: PlaygroundEvent, runs: readonly CaseRun[]): CaseRun | undefined {
  if ('peer' in event && typeof event.peer === 'number') return runs.find((run) => run.peers.has(event.peer));
  if ('pc' in event && typeof event.pc === 'number') {
    const pc = event.pc;
    return runs.find((run) => run.pcs.has(pc));
  }
  return undefined;
}
