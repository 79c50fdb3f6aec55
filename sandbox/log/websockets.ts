/**
 * The learner's own WebSockets (`ws` events), one summary per socket, and a
 * reading of each message as signalling: a description (by its type) or an
 * ICE candidate. Only the first 200 characters of a message are recorded, so
 * a long message (a description with its SDP) is recognised from its start:
 * `{"type":"offer","sdp":"v=0…` — JSON.stringify of a description puts `type`
 * first. Pure; used by lesson 4's checks.
 */
import type { EventOf, PlaygroundEvent } from './events.ts';

/** What a message carried, as far as its preview tells. */
export type SignalKind = 'offer' | 'answer' | 'pranswer' | 'rollback' | 'candidate' | 'other' | 'binary';

export interface WsMessage {
  socket: number;
  direction: 'sent' | 'received';
  kind: SignalKind;
  bytes: number;
  preview: string | null;
  t: number;
  seq: number;
}

export interface WsSummary {
  socket: number;
  url: string | null;
  opened: boolean;
  errored: boolean;
  closed: { code: number | null; reason: string } | null;
  messages: WsMessage[];
}

/** One summary per socket, in the order they were first seen. */
export function webSockets(events: readonly PlaygroundEvent[]): WsSummary[] {
  const sockets = new Map<number, WsSummary>();
  for (const event of events) {
    if (event.type !== 'ws') continue;
    let summary = sockets.get(event.socket);
    if (!summary) {
      summary = { socket: event.socket, url: null, opened: false, errored: false, closed: null, messages: [] };
      sockets.set(event.socket, summary);
    }
    if (event.url !== undefined) summary.url = event.url;
    if (event.event === 'open') summary.opened = true;
    else if (event.event === 'error') summary.errored = true;
    else if (event.event === 'close') summary.closed = { code: event.code ?? null, reason: event.reason ?? '' };
    else summary.messages.push(toMessage(event));
  }
  return [...sockets.values()];
}

/** Every message of every socket, in log order. */
export function wsMessages(events: readonly PlaygroundEvent[], direction?: 'sent' | 'received'): WsMessage[] {
  const out: WsMessage[] = [];
  for (const event of events) {
    if (event.type === 'ws' && event.event === 'message' && (direction === undefined || event.direction === direction)) {
      out.push(toMessage(event));
    }
  }
  return out;
}

function toMessage(event: EventOf<'ws'>): WsMessage {
  const preview = event.preview ?? null;
  return {
    socket: event.socket,
    direction: event.direction ?? 'received',
    kind: preview === null ? 'binary' : signalKind(preview),
    bytes: event.bytes ?? 0,
    preview,
    t: event.t,
    seq: event.seq,
  };
}

const DESCRIPTION_TYPE = /"type"\s*:\s*"(offer|answer|pranswer|rollback)"/;
const CANDIDATE = /"candidate:|"candidate"\s*:\s*\{/;

/**
 * What one message's text carries. Whole JSON is searched (wrapped any way:
 * `{description: …}`, `{sdp: {type, sdp}}`, `{kind, data}`); a cut preview
 * only by the patterns above.
 */
export function signalKind(text: string): SignalKind {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  // Whole JSON is authoritative; the patterns are only for a preview cut short.
  if (parsed !== undefined) return findSignal(parsed, 0) ?? 'other';
  const type = DESCRIPTION_TYPE.exec(text)?.[1];
  if (type) return type as SignalKind;
  return CANDIDATE.test(text) ? 'candidate' : 'other';
}

function findSignal(value: unknown, depth: number): SignalKind | null {
  if (typeof value !== 'object' || value === null || depth > 4) return null;
  const record = value as Record<string, unknown>;
  const type = record['type'];
  if (typeof type === 'string' && ['offer', 'answer', 'pranswer', 'rollback'].includes(type)) return type as SignalKind;
  const candidate = record['candidate'];
  if (typeof candidate === 'string' && candidate.startsWith('candidate:')) return 'candidate';
  for (const inner of Object.values(record)) {
    const found = findSignal(inner, depth + 1);
    if (found) return found;
  }
  return null;
}
