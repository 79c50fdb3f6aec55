/**
 * The host's own limits on what one frame may post (sandbox/limits.ts). The
 * frame is untrusted: learner code can post protocol-shaped messages itself,
 * millions of them. So every message is counted before its data is read
 * (and one posted to the page's window is never read), every batch's events
 * before they are validated, and its text after; past a limit the guard gives
 * the sentence the page shows, and the run ends (run.ts removes the frame).
 * Pure: tested by vitest.
 */
import {
  HOST_CHARS_PER_SECOND,
  HOST_EVENTS_PER_RUN,
  HOST_EVENTS_PER_SECOND,
  HOST_MESSAGES_PER_SECOND,
  HOST_WINDOW_MESSAGES_PER_SECOND,
  Meter,
} from '../limits.ts';

export interface FloodGuard {
  /** Count one message; a sentence when the frame went past a limit. */
  message(): string | null;
  /** Count one message posted to the page's window rather than over the port (protocol.ts). */
  windowMessage(): string | null;
  /** Count a batch's events (before validating them). */
  events(count: number): string | null;
  /** Count the characters of text a validated message carried. */
  chars(count: number): string | null;
}

const n = (value: number) => value.toLocaleString('en');
const STOPPED = 'so the playground stopped it to keep this page responsive. A loop is probably posting, logging or recording without pause; fix it and Run again.';

export function createFloodGuard(now: () => number): FloodGuard {
  const messages = new Meter(HOST_MESSAGES_PER_SECOND, Infinity, now);
  const windowMessages = new Meter(HOST_WINDOW_MESSAGES_PER_SECOND, Infinity, now);
  const events = new Meter(HOST_EVENTS_PER_SECOND, HOST_EVENTS_PER_RUN, now);
  const chars = new Meter(HOST_CHARS_PER_SECOND, Infinity, now);
  return {
    message: () =>
      messages.add(1) ? `The preview sent the page more than ${n(HOST_MESSAGES_PER_SECOND)} messages in one second, ${STOPPED}` : null,
    windowMessage: () =>
      windowMessages.add(1) ? `The preview sent the page more than ${n(HOST_WINDOW_MESSAGES_PER_SECOND)} messages in one second, ${STOPPED}` : null,
    events(count) {
      const over = events.add(count);
      if (over === 'run') return `The preview sent the page more than ${n(HOST_EVENTS_PER_RUN)} events in this run, ${STOPPED}`;
      if (over === 'second') return `The preview sent the page more than ${n(HOST_EVENTS_PER_SECOND)} events in one second, ${STOPPED}`;
      return null;
    },
    chars: (count) =>
      chars.add(count) ? `The preview sent the page more than ${n(HOST_CHARS_PER_SECOND)} characters of text in one second, ${STOPPED}` : null,
  };
}
