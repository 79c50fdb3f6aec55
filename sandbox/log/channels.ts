/**
 * Data channels in the event log: one summary per RTCDataChannel end, and the
 * message selectors the checks use. Pure; see ./reduce.ts for the conventions.
 */
import type { DcCreatedEvent, DcMessageEvent, DcStateEvent, PlaygroundEvent } from './events.ts';

/** One recorded change of a state attribute. */
export interface StateChange {
  value: string;
  t: number;
  seq: number;
}

export interface DirectionTotals {
  count: number;
  bytes: number;
}

export interface DcSummary {
  dc: number;
  pc: number;
  label: string;
  origin: DcCreatedEvent['origin'];
  created: DcCreatedEvent;
  state: DcStateEvent['value'];
  history: StateChange[];
  sent: DirectionTotals;
  received: DirectionTotals;
  /** Every message in log order; text messages carry a `preview`. */
  messages: DcMessageEvent[];
}

// ---- data channels ---------------------------------------------------------

/** One summary per RTCDataChannel (local and remote ends alike), in creation order. */
export function dataChannels(events: readonly PlaygroundEvent[]): DcSummary[] {
  const channels = new Map<number, DcSummary>();
  for (const event of events) {
    if (event.type === 'dc.created') {
      channels.set(event.dc, {
        dc: event.dc,
        pc: event.pc,
        label: event.label,
        origin: event.origin,
        created: event,
        state: 'connecting',
        history: [],
        sent: { count: 0, bytes: 0 },
        received: { count: 0, bytes: 0 },
        messages: [],
      });
      continue;
    }
    if (event.type !== 'dc.state' && event.type !== 'dc.message') continue;
    const channel = channels.get(event.dc);
    if (!channel) continue; // created before the log began: nothing sensible to attach to
    if (event.type === 'dc.state') {
      channel.state = event.value;
      channel.history.push({ value: event.value, t: event.t, seq: event.seq });
    } else {
      const totals = event.direction === 'sent' ? channel.sent : channel.received;
      totals.count += 1;
      totals.bytes += event.bytes;
      channel.messages.push(event);
    }
  }
  return [...channels.values()].sort((a, b) => a.dc - b.dc);
}

// ---- selectors ----------------------------------------------------------------

/** The data channels that were open at some point. */
export function channelsThatOpened(channels: readonly DcSummary[]): DcSummary[] {
  return channels.filter((dc) => dc.history.some((change) => change.value === 'open'));
}

/** Every recorded data-channel message in one direction, in log order. */
export function messages(events: readonly PlaygroundEvent[], direction?: DcMessageEvent['direction']): DcMessageEvent[] {
  return events.filter(
    (e): e is DcMessageEvent => e.type === 'dc.message' && (direction === undefined || e.direction === direction),
  );
}

/** A text message sent on one connection and received, with the same text, on another. */
export interface CrossedMessage {
  sent: DcMessageEvent;
  received: DcMessageEvent;
}

/**
 * The first received text message whose preview equals a message sent on a
 * different connection, or null. (Previews are the first 200 characters, so
 * equal previews of long messages are taken as the same message.)
 */
export function crossedMessage(events: readonly PlaygroundEvent[]): CrossedMessage | null {
  const sent = messages(events, 'sent').filter((m) => m.preview !== undefined);
  for (const received of messages(events, 'received')) {
    if (received.preview === undefined) continue;
    const match = sent.find((s) => s.pc !== received.pc && s.preview === received.preview);
    if (match) return { sent: match, received };
  }
  return null;
}

