/**
 * Munging: when the learner opted in for this run, every setLocalDescription
 * and setRemoteDescription waits while the page shows the description for
 * editing, then the browser gets the text the learner chose.
 *
 * - setLocalDescription() with no description (or a type without sdp): the
 *   browser would create the offer or answer itself, invisibly. To have text to
 *   edit, the runtime creates it first (createOffer in stable/have-local-offer,
 *   createAnswer otherwise, unrecorded: the learner did not call them) and
 *   applies that, edited or not. The request says `created: true`.
 * - While a call waits, later createOffer/createAnswer/setLocalDescription/
 *   setRemoteDescription/addIceCandidate calls on the same connection wait
 *   behind it, one at a time, as the browser's own operations chain would
 *   order them (a candidate that arrives while the remote description is
 *   being edited is added after it, not rejected).
 * - Stop rejects what still waits with an InvalidStateError that says why.
 *
 * With munging off (no opt-in) none of this is installed: the instrumentation
 * calls the browser directly, as before. Pure (no DOM): munge-frame.ts wires
 * it to the frame's window.
 */
import type { MungeMethod, MungeRequest } from '../../protocol.ts';
import { MUNGE_FRAME_NAME, PROTOCOL_SOURCE } from '../../protocol.ts';
import type { PcMungeEvent } from '../../log/events.ts';

type AnyFn = (...args: unknown[]) => unknown;

/** Methods the browser runs one after another on a connection (its "operations chain"). */
export const CHAINED_METHODS: ReadonlySet<string> = new Set([
  'createOffer',
  'createAnswer',
  'setLocalDescription',
  'setRemoteDescription',
  'addIceCandidate',
]);

export const STOPPED_MESSAGE =
  'The run was stopped while this description waited in the Munging tab, so it was not applied.';

/** The connection as far as munging needs it. */
export interface MungeTarget {
  readonly signalingState: string;
}

export interface MungerDeps {
  /** Sends the request to the page (after the events recorded so far). */
  post(request: MungeRequest): void;
  record(event: Omit<PcMungeEvent, 'seq' | 't'>): void;
  /** The browser's own createOffer/createAnswer, not the recorded ones. */
  create(pc: MungeTarget, type: 'offer' | 'answer'): Promise<RTCSessionDescriptionInit>;
  /** The error a stopped run's waiting calls reject with. */
  stoppedError(): Error;
}

/** One call the instrumentation hands over: which connection, which call, and the browser's method. */
export interface MungeCall {
  pc: MungeTarget;
  n: number;
  call: number;
  method: string;
  native: AnyFn;
  args: unknown[];
  /** Records the call's failure at once (Stop flushes before promise handlers could run). */
  failNow(error: unknown): void;
}

interface Waiting {
  resolve(sdp: string): void;
  reject(error: unknown): void;
  failNow(error: unknown): void;
}

interface Queue {
  tail: Promise<unknown>;
  count: number;
}

export class Munger {
  private nextId = 1;
  private readonly waiting = new Map<number, Waiting>();
  private readonly queues = new WeakMap<object, Queue>();

  private readonly deps: MungerDeps;

  constructor(deps: MungerDeps) {
    this.deps = deps;
  }

  /** Runs a chained call (see CHAINED_METHODS), pausing setLocal/RemoteDescription for editing. */
  run(call: MungeCall): Promise<unknown> {
    const op =
      call.method === 'setLocalDescription' || call.method === 'setRemoteDescription'
        ? () => this.edited(call, call.method as MungeMethod)
        : () => Reflect.apply(call.native, call.pc, call.args) as Promise<unknown>;
    return this.chain(call.pc, op);
  }

  /** Nothing waits on this connection: start now (same timing as without munging). Else after the rest. */
  private chain<T>(pc: object, op: () => Promise<T>): Promise<T> {
    const queue = this.queues.get(pc) ?? { tail: Promise.resolve(), count: 0 };
    const started = queue.count === 0 ? attempt(op) : queue.tail.then(() => attempt(op));
    queue.count++;
    const done = () => {
      queue.count--;
    };
    queue.tail = started.then(done, done);
    this.queues.set(pc, queue);
    return started;
  }

  private async edited(call: MungeCall, method: MungeMethod): Promise<unknown> {
    const description = await this.toEdit(call, method);
    if (!description) return Reflect.apply(call.native, call.pc, call.args);
    const id = this.nextId++;
    const sdp = await new Promise<string>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, failNow: call.failNow });
      this.deps.post({ id, pc: call.n, call: call.call, method, type: description.type, sdp: description.sdp, created: description.created });
    });
    this.deps.record({
      type: 'pc.munge',
      pc: call.n,
      call: call.call,
      method,
      sdpType: description.type,
      original: description.sdp,
      edited: sdp,
      created: description.created,
    });
    return Reflect.apply(call.native, call.pc, [{ type: description.type, sdp }]);
  }

  /** The description to show, or null when there is none to edit (rollback, a malformed argument: the browser judges those). */
  private async toEdit(call: MungeCall, method: MungeMethod): Promise<{ type: MungeRequest['type']; sdp: string; created: boolean } | null> {
    const arg = call.args[0] as { type?: unknown; sdp?: unknown } | null | undefined;
    const given = typeof arg === 'object' && arg !== null ? arg : {};
    const type = given.type;
    if (typeof given.sdp === 'string' && given.sdp !== '' && isEditableType(type)) {
      return { type, sdp: given.sdp, created: false };
    }
    if (method !== 'setLocalDescription' || (arg !== undefined && (typeof arg !== 'object' || arg === null)) || call.args.length > 1) return null;
    if (type !== undefined && !isEditableType(type)) return null;
    const state = call.pc.signalingState;
    const create = type === 'offer' || (type === undefined && (state === 'stable' || state === 'have-local-offer')) ? 'offer' : 'answer';
    try {
      const made = await this.deps.create(call.pc, create);
      if (typeof made?.sdp !== 'string') return null;
      return { type: isEditableType(type) ? type : create, sdp: made.sdp, created: true };
    } catch {
      // Let the browser's own setLocalDescription() report why it cannot describe itself.
      return null;
    }
  }

  /** A message from the page; anything but a `munge-apply` for a waiting call is ignored. */
  receive(data: unknown): boolean {
    const answer = readApply(data);
    if (!answer) return false;
    const waiting = this.waiting.get(answer.id);
    if (!waiting) return false;
    this.waiting.delete(answer.id);
    waiting.resolve(answer.sdp);
    return true;
  }

  /** How many calls wait for the page. */
  get pending(): number {
    return this.waiting.size;
  }

  /** Stop: every waiting call fails now, with an error that says why. */
  cancelAll(): void {
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    for (const w of waiting) {
      const error = this.deps.stoppedError();
      w.failNow(error);
      w.reject(error);
    }
  }
}

function attempt<T>(op: () => Promise<T>): Promise<T> {
  try {
    return Promise.resolve(op());
  } catch (error) {
    return Promise.reject(error);
  }
}

function isEditableType(type: unknown): type is MungeRequest['type'] {
  return type === 'offer' || type === 'answer' || type === 'pranswer';
}

/** `{ source, kind: 'munge-apply', id, sdp }`, or null. */
export function readApply(data: unknown): { id: number; sdp: string } | null {
  if (typeof data !== 'object' || data === null) return null;
  const { source, kind, id, sdp } = data as Record<string, unknown>;
  if (source !== PROTOCOL_SOURCE || kind !== 'munge-apply') return null;
  if (!Number.isSafeInteger(id) || typeof sdp !== 'string') return null;
  return { id: id as number, sdp };
}

/**
 * True when the page opted this frame in. Clears the mark so the learner's
 * code sees the empty window.name a frame without a name has.
 */
export function takeMungeOptIn(win: { name: string }): boolean {
  if (win.name !== MUNGE_FRAME_NAME) return false;
  win.name = '';
  return true;
}
