/**
 * Checks what a frame posts before the page believes it. The learner's code
 * runs in that frame and can post anything (and so can a page it navigates
 * to), so every event is rebuilt field by field from a per-type schema:
 * unknown fields are dropped, wrong types reject the event, and JSON payloads
 * must really be JSON (postMessage happily carries cycles, Dates and Maps,
 * which would crash the console, the checks or an export later on).
 * Sizes are bounded too: no string longer than HOST_MAX_STRING, console lines
 * and error texts cut to HOST_MAX_LINE_CHARS, and every message reports how many
 * characters of text it carried so the run's meter can count them.
 * Pure: no DOM, tested by vitest.
 */
import { PC_METHODS, type EventType, type Json, type PlaygroundEvent } from '../log/events.ts';
import { MAX_MUNGE_SDP, PROTOCOL_SOURCE, type FrameMessage, type MungeRequest } from '../protocol.ts';
import { HOST_MAX_LINE_CHARS, HOST_MAX_STRING, truncateLine } from '../limits.ts';

/** Returns the cleaned value, or INVALID. */
type Field = (value: unknown) => unknown;
const INVALID = Symbol('invalid');
const OMIT = Symbol('omit');

/** Characters of text seen since the last reset (validateFrameMessage reports them per message). */
let charsSeen = 0;
const str: Field = (v) => {
  if (typeof v !== 'string' || v.length > HOST_MAX_STRING) return INVALID;
  charsSeen += v.length;
  return v;
};
/** Free text shown in the console: a line longer than HOST_MAX_LINE_CHARS is cut, not refused. */
const text: Field = (v) => {
  if (typeof v !== 'string') return INVALID;
  const cut = truncateLine(v, HOST_MAX_LINE_CHARS);
  charsSeen += cut.length;
  return cut;
};
const num: Field = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : INVALID);
const int: Field = (v) => (Number.isSafeInteger(v) && (v as number) >= 0 ? v : INVALID);
const bool: Field = (v) => (typeof v === 'boolean' ? v : INVALID);
const oneOf =
  (...values: string[]): Field =>
  (v) =>
    typeof v === 'string' && values.includes(v) ? v : INVALID;
const optional =
  (field: Field): Field =>
  (v) =>
    v === undefined ? OMIT : field(v);
const nullable =
  (field: Field): Field =>
  (v) =>
    v === null ? null : field(v);
const json: Field = (v) => (isJson(v) ? v : INVALID);
const jsonArray: Field = (v) => (Array.isArray(v) && isJson(v) ? v : INVALID);
const jsonObject: Field = (v) => (isPlainObject(v) && isJson(v) ? v : INVALID);
const shape =
  (fields: Record<string, Field>): Field =>
  (v) =>
    isPlainObject(v) ? pick(v, fields) : INVALID;

/** An object whose every value is a boolean (the `features` map). */
const booleanRecord: Field = (v) =>
  isPlainObject(v) && Object.values(v).every((x) => typeof x === 'boolean') ? { ...v } : INVALID;

const mungeMethod = oneOf('setLocalDescription', 'setRemoteDescription');
const sdpType = oneOf('offer', 'answer', 'pranswer');
const location = optional(shape({ file: str, line: int, column: optional(int) }));
const peerError = optional(shape({ type: str, message: str }));

const SCHEMAS: Record<Exclude<EventType, 'pc.result'>, Record<string, Field>> = {
  run: { status: oneOf('started', 'stopped') },
  console: { level: oneOf('log', 'info', 'warn', 'error', 'debug'), text, location },
  error: {
    kind: oneOf('uncaught', 'unhandledrejection', 'loop-guard', 'runtime'),
    name: str,
    message: text,
    stack: optional(text),
    location,
  },
  'pc.created': { pc: int, label: str, configuration: json },
  'pc.call': { pc: int, call: int, method: pcMethod(), args: jsonArray },
  'pc.state': {
    pc: int,
    which: oneOf('signalingState', 'iceGatheringState', 'iceConnectionState', 'connectionState'),
    value: str,
  },
  'pc.event': {
    pc: int,
    name: oneOf('icecandidate', 'icecandidateerror', 'negotiationneeded', 'track', 'datachannel'),
    detail: json,
  },
  'pc.stats': { pc: int, report: jsonObject },
  'pc.munge': {
    pc: int,
    call: int,
    method: mungeMethod,
    sdpType: sdpType,
    original: str,
    edited: str,
    created: bool,
  },
  'dc.created': {
    pc: int,
    dc: int,
    origin: oneOf('local', 'remote'),
    label: str,
    ordered: bool,
    maxRetransmits: nullable(num),
    maxPacketLifeTime: nullable(num),
    protocol: str,
    negotiated: bool,
    id: nullable(num),
  },
  'dc.state': { pc: int, dc: int, value: oneOf('connecting', 'open', 'closing', 'closed') },
  'dc.message': {
    pc: int,
    dc: int,
    direction: oneOf('sent', 'received'),
    binary: bool,
    bytes: int,
    preview: optional(str),
    bufferedAmount: optional(int),
    bufferedAmountLowThreshold: optional(int),
    digest: optional(str),
    digestTotal: optional(str),
  },
  'peerjs.peer': {
    peer: int,
    event: oneOf('created', 'open', 'disconnected', 'close', 'error'),
    id: optional(str),
    options: optional(json),
    error: peerError,
  },
  'peerjs.signal': {
    peer: int,
    direction: oneOf('in', 'out'),
    messageType: str,
    src: optional(str),
    dst: optional(str),
    connectionId: optional(str),
    payload: json,
  },
  'peerjs.connection': {
    peer: int,
    kind: oneOf('data', 'media'),
    connectionId: str,
    remoteId: str,
    event: oneOf('created', 'open', 'close', 'error'),
    pc: optional(int),
    error: peerError,
  },
  deprecated: { api: str, pc: optional(int), location },
  media: { element: str, event: oneOf('play-blocked', 'playing'), detail: json },
  report: { name: str, value: json },
  features: { features: booleanRecord },
  ws: {
    socket: int,
    event: oneOf('open', 'close', 'error', 'message'),
    url: optional(str),
    direction: optional(oneOf('sent', 'received')),
    bytes: optional(int),
    preview: optional(str),
    code: optional(int),
    reason: optional(str),
  },
};

const PC_RESULT_OK = { pc: int, call: int, method: pcMethod(), ok: bool, value: optional(json) };
const PC_RESULT_ERROR = { pc: int, call: int, method: pcMethod(), ok: bool, error: shape({ name: str, message: str }) };

function pcMethod(): Field {
  return oneOf(...PC_METHODS);
}

/** A clean copy of one event, or null if it does not match its type's schema. */
export function validateEvent(value: unknown): PlaygroundEvent | null {
  if (!isPlainObject(value) || typeof value.type !== 'string') return null;
  const type = value.type;
  let fields: Record<string, Field> | undefined;
  if (type === 'pc.result') fields = value.ok === true ? PC_RESULT_OK : PC_RESULT_ERROR;
  else if (Object.hasOwn(SCHEMAS, type)) fields = SCHEMAS[type as keyof typeof SCHEMAS];
  if (!fields) return null;
  const clean = pick(value, { seq: int, t: num, ...fields });
  if (clean === INVALID) return null;
  return { type, ...(clean as object) } as PlaygroundEvent;
}

export interface ValidatedMessage {
  message: FrameMessage;
  /** Events dropped from an `events` batch because they were malformed. */
  rejected: number;
  /** Characters of text in the accepted events (after cutting), for the run's meter. */
  chars: number;
}

/** How many events a message claims to carry, read before any is validated (0 for other messages). */
export function claimedEvents(data: unknown): number {
  if (!isPlainObject(data) || data.kind !== 'events' || !Array.isArray(data.events)) return 0;
  return data.events.length;
}

/** At most this many events per batch; the runtime sends far fewer (it flushes every 50 ms). */
export const MAX_BATCH = 5000;

/**
 * A FrameMessage for this run, cleaned, or null when the data is not one of
 * ours (another script's message) or is for another run.
 */
export function validateFrameMessage(data: unknown, runId: string): ValidatedMessage | null {
  if (!isPlainObject(data) || data.source !== PROTOCOL_SOURCE || data.runId !== runId) return null;
  switch (data.kind) {
    case 'heartbeat':
    case 'stopped':
      return { message: { source: PROTOCOL_SOURCE, runId, kind: data.kind }, rejected: 0, chars: 0 };
    case 'events': {
      if (!Array.isArray(data.events) || data.events.length > MAX_BATCH) return null;
      const events: PlaygroundEvent[] = [];
      let chars = 0;
      for (const raw of data.events as unknown[]) {
        charsSeen = 0;
        const event = validateEvent(raw);
        if (!event) continue;
        events.push(event);
        chars += charsSeen;
      }
      return { message: { source: PROTOCOL_SOURCE, runId, kind: 'events', events }, rejected: data.events.length - events.length, chars };
    }
    case 'munge-request': {
      charsSeen = 0;
      const request = validateMungeRequest(data.request);
      return request ? { message: { source: PROTOCOL_SOURCE, runId, kind: 'munge-request', request }, rejected: 0, chars: charsSeen } : null;
    }
    default:
      return null;
  }
}

const MUNGE_REQUEST: Record<string, Field> = {
  id: int,
  pc: int,
  call: int,
  method: mungeMethod,
  type: sdpType,
  sdp: (v) => (typeof v === 'string' && v.length <= MAX_MUNGE_SDP ? ((charsSeen += v.length), v) : INVALID),
  created: bool,
};

/** A clean copy of a paused call the frame asks the page to edit, or null. */
export function validateMungeRequest(value: unknown): MungeRequest | null {
  if (!isPlainObject(value)) return null;
  const clean = pick(value, MUNGE_REQUEST);
  return clean === INVALID ? null : (clean as unknown as MungeRequest);
}

function pick(source: Record<string, unknown>, fields: Record<string, Field>): Record<string, unknown> | typeof INVALID {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(fields)) {
    const value = field(Object.hasOwn(source, key) ? source[key] : undefined);
    if (value === INVALID) return INVALID;
    if (value !== OMIT) out[key] = value;
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * True for a JSON tree: only JSON values, no cycles, at most MAX_DEPTH deep.
 * Subtrees shared by reference (structured clone keeps sharing) are checked
 * once, so a hostile diamond-shaped graph cannot make this take exponential time.
 */
export function isJson(value: unknown): value is Json {
  return checkJson(value, 0, new Set(), new Set());
}

function checkJson(value: unknown, depth: number, active: Set<object>, valid: Set<object>): boolean {
  if (value === null || typeof value === 'boolean') return true;
  if (typeof value === 'string') {
    charsSeen += value.length;
    return value.length <= HOST_MAX_STRING;
  }
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object' || depth > MAX_DEPTH) return false;
  if (valid.has(value)) return true;
  if (active.has(value)) return false;
  const items = Array.isArray(value) ? value : isPlainObject(value) ? Object.values(value) : null;
  if (!items) return false;
  active.add(value);
  const ok = items.every((item) => checkJson(item, depth + 1, active, valid));
  active.delete(value);
  if (ok) valid.add(value);
  return ok;
}

const MAX_DEPTH = 64;
