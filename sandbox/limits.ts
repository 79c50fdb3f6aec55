/**
 * How much one run may send to the page, shared by the runtime (which keeps
 * an honest program under these) and the host (which cannot trust the frame:
 * learner code can post protocol-shaped messages itself, so the host counts
 * and truncates again, and ends a run that goes past its limits).
 *
 * Each host limit is well above the runtime's, so a program the runtime kept
 * in bounds is never cut off by the host, even when the page falls behind and
 * receives a few seconds' worth of batches at once.
 */

/** A console line (or an error message) longer than this is cut, saying how much was left out. */
export const MAX_LINE_CHARS = 10_000;
/** The host cuts at this, so a line the runtime cut arrives whole, with its note. */
export const HOST_MAX_LINE_CHARS = MAX_LINE_CHARS + 64;
/** The longest string the runtime copies into a JSON payload (an SDP is a few KiB). */
export const MAX_JSON_STRING = 100_000;

/** Runtime: past this many events in one second, or in one run, the frame stops recording. */
export const RUNTIME_EVENTS_PER_SECOND = 5_000;
export const RUNTIME_EVENTS_PER_RUN = 200_000;

/** Host: the frame is removed past any of these. */
export const HOST_MESSAGES_PER_SECOND = 300;
/**
 * Messages to the page's window itself (not over the runtime's port): the
 * runtime posts only its hello there, twice a second at most, so anything
 * more is the learner's code posting (read by nobody, but counted).
 */
export const HOST_WINDOW_MESSAGES_PER_SECOND = 20;
export const HOST_EVENTS_PER_SECOND = 20_000;
export const HOST_EVENTS_PER_RUN = 400_000;
/** Characters of text per second, summed over every string of every event (a 64 MiB line is 67 M). */
export const HOST_CHARS_PER_SECOND = 16_000_000;
/** The longest string the host accepts in any event field (the runtime sends at most MAX_JSON_STRING; a munged SDP up to MAX_MUNGE_SDP). */
export const HOST_MAX_STRING = 1_000_000;

/** `text` cut to `max` characters with a note of how many were left out; unchanged when it fits. */
export function truncateLine(text: string, max = MAX_LINE_CHARS): string {
  if (text.length <= max) return text;
  // Never split a surrogate pair: half an emoji would print as a replacement character.
  const cut = isHighSurrogate(text.charCodeAt(max - 1)) ? max - 1 : max;
  return `${text.slice(0, cut)}… (${text.length - cut} more characters not shown)`;
}

/** An event with its free texts (a console line, an error's message and stack) cut to MAX_LINE_CHARS; others unchanged. */
export function limitText<E extends { type: string }>(event: E): E {
  const e = event as E & { text?: unknown; message?: unknown; stack?: unknown };
  if (event.type === 'console' && typeof e.text === 'string') return { ...event, text: truncateLine(e.text) };
  if (event.type !== 'error' || typeof e.message !== 'string') return event;
  const limited = { ...event, message: truncateLine(e.message) };
  return typeof e.stack === 'string' ? { ...limited, stack: truncateLine(e.stack) } : limited;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/**
 * Counts something (events, messages, characters) per one-second window and
 * per run, and says which limit a new amount goes past. Fixed windows, not
 * sliding: the point is to bound work and memory, not to be exact about rate.
 */
export class Meter {
  private windowStart = -Infinity;
  private inWindow = 0;
  private total = 0;
  private readonly perSecond: number;
  private readonly perRun: number;
  private readonly now: () => number;

  constructor(perSecond: number, perRun: number, now: () => number) {
    this.perSecond = perSecond;
    this.perRun = perRun;
    this.now = now;
  }

  /** Adds `amount`; returns which limit it went past, or null while within both. */
  add(amount: number): 'second' | 'run' | null {
    const now = this.now();
    if (now - this.windowStart >= 1000) {
      this.windowStart = now;
      this.inWindow = 0;
    }
    this.inWindow += amount;
    this.total += amount;
    if (this.total > this.perRun) return 'run';
    if (this.inWindow > this.perSecond) return 'second';
    return null;
  }
}
