/**
 * The frame's half of the event log: stamps each event with `seq` and `t`,
 * batches them to the parent page (at most one message per 50 ms, so a chatty
 * program cannot flood the page), and sends a heartbeat every 500 ms so the
 * page can tell a frozen frame from a quiet one.
 *
 * A program that records in a loop (playground.report, send, sockets) must
 * not bury the page either: past RUNTIME_EVENTS_PER_SECOND events in a second
 * or RUNTIME_EVENTS_PER_RUN in the run, one error says so and the recorder
 * records nothing more (the console, checks and inspector keep what came
 * before; Stop still works). Console lines and error texts longer than
 * MAX_LINE_CHARS are cut here, before they cross to the page.
 */
import type { PlaygroundEvent } from '../log/events.ts';
import { PROTOCOL_SOURCE, type FrameConfig, type FrameMessage } from '../protocol.ts';
import { Meter, RUNTIME_EVENTS_PER_RUN, RUNTIME_EVENTS_PER_SECOND, limitText } from '../limits.ts';
import { elapsed, natives } from './natives.ts';

/** An event as the runtime builds it; the recorder adds `seq` and `t`. */
export type NewEvent = PlaygroundEvent extends infer E ? (E extends PlaygroundEvent ? Omit<E, 'seq' | 't'> : never) : never;

export interface Recorder {
  record(event: NewEvent): void;
  /** Posts what is pending now (Stop uses it before answering). */
  flush(): void;
  /** Posts a message that is not an event batch (`stopped`). */
  post(kind: 'stopped'): void;
}

export const FLUSH_INTERVAL_MS = 50;
export const HEARTBEAT_MS = 500;
/** Well under the host's limit per message. */
const MAX_PER_MESSAGE = 1000;

export function createRecorder(config: FrameConfig): Recorder {
  const pending: PlaygroundEvent[] = [];
  let seq = 0;
  let timer: number | null = null;
  let lastFlush = -Infinity;
  const hasParent = window.parent !== window;
  const meter = new Meter(RUNTIME_EVENTS_PER_SECOND, RUNTIME_EVENTS_PER_RUN, natives.now);
  let cutOff = false;

  const send = (message: FrameMessage) => {
    if (!hasParent) return;
    try {
      window.parent.postMessage(message, config.siteOrigin);
    } catch (error) {
      // An event that cannot be cloned is a runtime bug; say so where a developer looks.
      console.warn('[playground] could not post to the page', error);
    }
  };

  const flush = () => {
    if (timer !== null) natives.clearTimeout(timer);
    timer = null;
    lastFlush = natives.now();
    while (pending.length) {
      send({ source: PROTOCOL_SOURCE, runId: config.runId, kind: 'events', events: pending.splice(0, MAX_PER_MESSAGE) });
    }
  };

  natives.setInterval(() => send({ source: PROTOCOL_SOURCE, runId: config.runId, kind: 'heartbeat' }), HEARTBEAT_MS);

  return {
    record(event) {
      if (cutOff) return;
      const over = meter.add(1);
      if (over) {
        cutOff = true;
        event = { type: 'error', kind: 'runtime', name: 'TooManyEvents', message: cutOffMessage(over) };
      }
      pending.push({ ...limitText(event), seq: seq++, t: elapsed() } as PlaygroundEvent);
      if (timer === null) timer = natives.setTimeout(flush, Math.max(0, lastFlush + FLUSH_INTERVAL_MS - natives.now()));
    },
    flush,
    post(kind) {
      send({ source: PROTOCOL_SOURCE, runId: config.runId, kind });
    },
  };
}

function cutOffMessage(over: 'second' | 'run'): string {
  const what =
    over === 'second'
      ? `more than ${RUNTIME_EVENTS_PER_SECOND.toLocaleString('en')} events in one second`
      : `more than ${RUNTIME_EVENTS_PER_RUN.toLocaleString('en')} events in this run`;
  return `Your program produced ${what}, so the playground stopped recording it: the console, the checks and the Inspector show what came before. A loop is probably calling playground.report, send or console faster than anyone could read; press Stop, fix it and Run again.`;
}
