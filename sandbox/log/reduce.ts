/**
 * Reducers over the event log: turn the flat list of events one run recorded
 * into the shapes the checks and the inspector reason about (a summary per
 * peer connection, per data channel, the console, the errors).
 *
 * Everything here is pure and takes the whole log each time: the checks are
 * re-evaluated after every batch, and a log of a few thousand events folds in
 * well under a millisecond. Summaries keep references to the events they were
 * built from (never copies), so `seq` and `t` lead back to the timeline.
 *
 * This module holds the peer connections, the console and the errors; data
 * channels live in ./channels.ts and PeerJS in ./peerjs.ts, re-exported here
 * so a check imports from one place. SDP and candidate parsing belong in their
 * own modules, not here.
 */
import { dataChannels, type DcSummary, type StateChange } from './channels.ts';
import { pcLabelFromPeerJs, peers } from './peerjs.ts';
import type {
  CandidateJson,
  ConsoleEvent,
  ConsoleLevel,
  ErrorEvent,
  ErrorInfo,
  Json,
  PcCallEvent,
  PcResultEvent,
  PcStateName,
  PlaygroundEvent,
} from './events.ts';

export * from './channels.ts';
export * from './peerjs.ts';

// ---- shapes ----------------------------------------------------------------

export type PcStates = Record<PcStateName, string>;

/** What a connection's states are before any change was recorded (per the spec). */
export const INITIAL_PC_STATES: Readonly<PcStates> = {
  signalingState: 'stable',
  iceGatheringState: 'new',
  iceConnectionState: 'new',
  connectionState: 'new',
};

/** A description that was successfully applied with setLocalDescription or setRemoteDescription. */
export interface AppliedDescription {
  side: 'local' | 'remote';
  /** "offer" | "answer" | "pranswer" | "rollback". */
  type: string;
  /** The SDP text, or null when the log does not carry it (an implicit setLocalDescription() without a recorded result). */
  sdp: string | null;
  t: number;
  seq: number;
}

/** A candidate the connection gathered (its icecandidate event). */
export interface GatheredCandidate {
  candidate: CandidateJson;
  /** Milliseconds since setLocalDescription, when the runtime measured it. */
  sinceLocalDescription: number | null;
  t: number;
  seq: number;
}

/** One call to a method and, once it settled, its outcome. */
export interface CallRecord {
  call: PcCallEvent;
  /** The signalling state when the call was made (the state events recorded so far). */
  signalingStateBefore: string;
  /** undefined while the promise is still pending (or the method never returned). */
  result?: PcResultEvent;
}

/** One addIceCandidate call: the candidate handed in, and whether the browser accepted it. */
export interface AddedCandidate {
  /** The argument as recorded: a CandidateJson, null/{} for end-of-candidates, or anything the learner passed. */
  candidate: Json | undefined;
  outcome: 'pending' | 'ok' | 'error';
  error?: ErrorInfo;
  t: number;
  seq: number;
}

export interface PcSummary {
  pc: number;
  /** "pc 1", …; for a connection PeerJS made, the Peer ids, e.g. "alice ↔ bob (data)". */
  label: string;
  configuration: Json;
  createdAt: number;
  /** Current value of each state attribute; after close() all but iceGatheringState read "closed". */
  states: PcStates;
  /** Recorded changes per attribute, oldest first (the initial value is not listed). */
  history: Record<PcStateName, StateChange[]>;
  closed: boolean;
  /** The description currently in force on each side (null before one is set, or after a rollback to none). */
  localDescription: AppliedDescription | null;
  remoteDescription: AppliedDescription | null;
  /** Every successfully applied description, both sides, in order. */
  descriptions: AppliedDescription[];
  candidates: GatheredCandidate[];
  /** True once the null candidate (gathering finished) was seen. */
  gatheringComplete: boolean;
  addedCandidates: AddedCandidate[];
  /** Every method call in order, with its outcome. */
  calls: CallRecord[];
  dataChannels: DcSummary[];
}

// ---- peer connections ------------------------------------------------------

/** One summary per RTCPeerConnection, in creation order. */
export function peerConnections(events: readonly PlaygroundEvent[]): PcSummary[] {
  const pcs = new Map<number, PcSummary>();
  const calls = new Map<string, CallRecord>();
  // The descriptions in force after the last completed offer/answer: what a rollback returns to.
  const stable = new Map<number, { local: AppliedDescription | null; remote: AppliedDescription | null }>();

  const get = (pc: number, t: number): PcSummary => {
    let summary = pcs.get(pc);
    if (!summary) {
      // Events for a connection whose creation was not recorded still get a home.
      summary = emptyPc(pc, `pc ${pc}`, null, t);
      pcs.set(pc, summary);
    }
    return summary;
  };

  for (const event of events) {
    switch (event.type) {
      case 'pc.created':
        if (!pcs.has(event.pc)) pcs.set(event.pc, emptyPc(event.pc, event.label, event.configuration, event.t));
        break;
      case 'pc.state': {
        const pc = get(event.pc, event.t);
        pc.states[event.which] = event.value;
        pc.history[event.which].push({ value: event.value, t: event.t, seq: event.seq });
        break;
      }
      case 'pc.call': {
        const pc = get(event.pc, event.t);
        const record: CallRecord = { call: event, signalingStateBefore: pc.states.signalingState };
        pc.calls.push(record);
        calls.set(`${event.pc}:${event.call}`, record);
        if (event.method === 'addIceCandidate') {
          pc.addedCandidates.push({ candidate: event.args[0], outcome: 'pending', t: event.t, seq: event.seq });
        }
        if (event.method === 'close') closePc(pc);
        break;
      }
      case 'pc.result': {
        const pc = get(event.pc, event.t);
        const record = calls.get(`${event.pc}:${event.call}`);
        if (!record) break;
        record.result = event;
        if (event.method === 'addIceCandidate') settleAddedCandidate(pc, record.call, event);
        if (event.ok && (event.method === 'setLocalDescription' || event.method === 'setRemoteDescription')) {
          applyDescription(pc, describeApplied(record, event), stable);
        }
        break;
      }
      case 'pc.event': {
        if (event.name !== 'icecandidate') break;
        const pc = get(event.pc, event.t);
        const detail = asObject(event.detail);
        const candidate = asCandidate(detail?.['candidate']);
        if (candidate) {
          const since = detail?.['sinceLocalDescription'];
          pc.candidates.push({
            candidate,
            sinceLocalDescription: typeof since === 'number' ? since : null,
            t: event.t,
            seq: event.seq,
          });
        } else {
          pc.gatheringComplete = true;
        }
        break;
      }
      default:
        break;
    }
  }

  for (const channel of dataChannels(events)) get(channel.pc, channel.created.t).dataChannels.push(channel);
  // A connection PeerJS made is easier to recognise by the Peer ids than by its number.
  const peerSummaries = peers(events);
  for (const pc of pcs.values()) pc.label = pcLabelFromPeerJs(peerSummaries, pc.pc) ?? pc.label;
  return [...pcs.values()].sort((a, b) => a.pc - b.pc);
}

function emptyPc(pc: number, label: string, configuration: Json, t: number): PcSummary {
  return {
    pc,
    label,
    configuration,
    createdAt: t,
    states: { ...INITIAL_PC_STATES },
    history: { signalingState: [], iceGatheringState: [], iceConnectionState: [], connectionState: [] },
    closed: false,
    localDescription: null,
    remoteDescription: null,
    descriptions: [],
    candidates: [],
    gatheringComplete: false,
    addedCandidates: [],
    calls: [],
    dataChannels: [],
  };
}

// close() changes the states without firing statechange events, so no history entry is recorded for it.
function closePc(pc: PcSummary): void {
  pc.closed = true;
  pc.states.signalingState = 'closed';
  pc.states.iceConnectionState = 'closed';
  pc.states.connectionState = 'closed';
}

function settleAddedCandidate(pc: PcSummary, call: PcCallEvent, result: PcResultEvent): void {
  const added = pc.addedCandidates.find((a) => a.seq === call.seq);
  if (!added) return;
  added.outcome = result.ok ? 'ok' : 'error';
  if (!result.ok) added.error = result.error;
}

/**
 * Which description a successful set applied: the call's argument first (what
 * the learner passed, munged or not), then the result's value (the runtime may
 * report the description now in force, which is all an implicit
 * setLocalDescription() has); failing both, the type follows from the
 * signalling state: answering a remote offer, or offering.
 */
function describeApplied(record: CallRecord, result: PcResultEvent): AppliedDescription {
  const { call } = record;
  const side = call.method === 'setLocalDescription' ? 'local' : 'remote';
  const fromResult = result.ok ? asDescription(result.value) : null;
  const fromArgs = asDescription(call.args[0]);
  const before = record.signalingStateBefore;
  const answering = before === 'have-remote-offer' || before === 'have-local-pranswer';
  const type = fromArgs?.type ?? fromResult?.type ?? (answering ? 'answer' : 'offer');
  const sdp = fromArgs?.sdp ?? fromResult?.sdp ?? null;
  return { side, type, sdp, t: result.t, seq: result.seq };
}

function applyDescription(
  pc: PcSummary,
  applied: AppliedDescription,
  stable: Map<number, { local: AppliedDescription | null; remote: AppliedDescription | null }>,
): void {
  pc.descriptions.push(applied);
  if (applied.type === 'rollback') {
    // A rollback discards the pending offer: both sides return to the last completed exchange.
    const last = stable.get(pc.pc);
    pc.localDescription = last?.local ?? null;
    pc.remoteDescription = last?.remote ?? null;
    return;
  }
  if (applied.side === 'local') pc.localDescription = applied;
  else pc.remoteDescription = applied;
  if (applied.type === 'answer') stable.set(pc.pc, { local: pc.localDescription, remote: pc.remoteDescription });
}

// ---- selectors the checks use ----------------------------------------------

/** Whether the attribute ever held `value` during the run (a pass is about reaching it, not keeping it). */
export function everReached(pc: PcSummary, which: PcStateName, value: string): boolean {
  return pc.states[which] === value || pc.history[which].some((change) => change.value === value);
}

/** The connections whose attribute reached `value` at some point. */
export function pcsThatReached(pcs: readonly PcSummary[], which: PcStateName, value: string): PcSummary[] {
  return pcs.filter((pc) => everReached(pc, which, value));
}

/** The addIceCandidate calls the browser accepted with a real candidate (not an end-of-candidates marker). */
export function acceptedCandidates(pc: PcSummary): AddedCandidate[] {
  return pc.addedCandidates.filter((added) => added.outcome === 'ok' && asCandidate(added.candidate) !== null);
}

/** The description calls (set/create) that threw or rejected on this connection. */
export function failedDescriptionCalls(pc: PcSummary): CallRecord[] {
  const methods = ['createOffer', 'createAnswer', 'setLocalDescription', 'setRemoteDescription'];
  return pc.calls.filter((record) => record.result?.ok === false && methods.includes(record.call.method));
}

// ---- console and errors -----------------------------------------------------

/** Console lines in order, optionally only some levels. */
export function consoleLines(events: readonly PlaygroundEvent[], levels?: readonly ConsoleLevel[]): ConsoleEvent[] {
  return events.filter(
    (e): e is ConsoleEvent => e.type === 'console' && (levels === undefined || levels.includes(e.level)),
  );
}

/** Errors the learner should see: uncaught, unhandled rejections, loop-guard stops, runtime failures. */
export function errors(events: readonly PlaygroundEvent[]): ErrorEvent[] {
  return events.filter((e): e is ErrorEvent => e.type === 'error');
}

/** Calls that threw or rejected, across all connections, in order. */
export function failedCalls(events: readonly PlaygroundEvent[]): Array<PcResultEvent & { ok: false }> {
  return events.filter((e): e is PcResultEvent & { ok: false } => e.type === 'pc.result' && !e.ok);
}

// ---- reading Json safely ---------------------------------------------------

/** A JSON object (not an array), or null. */
export function asObject(value: Json | undefined): { [key: string]: Json } | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : null;
}

/** A {type, sdp?} object, as descriptions are copied into the log (sdp null when absent or empty). */
export function asDescription(value: Json | undefined): { type: string; sdp: string | null } | null {
  const object = asObject(value);
  if (!object || typeof object['type'] !== 'string') return null;
  const sdp = object['sdp'];
  return { type: object['type'], sdp: typeof sdp === 'string' && sdp !== '' ? sdp : null };
}

/** A real candidate; null for the end-of-candidates markers (null, or an empty candidate string). */
function asCandidate(value: Json | undefined): CandidateJson | null {
  const object = asObject(value);
  if (!object || typeof object['candidate'] !== 'string' || object['candidate'] === '') return null;
  return object as unknown as CandidateJson;
}
