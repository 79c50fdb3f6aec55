/**
 * The frame's half of the event log: stamps each event with `seq` and `t`,
 * batches them to the parent page (at most one message per 50 ms, so a chatty
 * program cannot flood the page), and sends a heartbeat every 500 ms so the
 * page can tell a frozen frame from a quiet one.
 *
 * Everything goes over the MessagePort the page gives in answer to the
 * runtime's hello (protocol.ts): the page reads it in a worker. Until the port
 * comes, messages wait here and the hello is repeated in place of heartbeats.
 *
 * A program that records in a loop (playground.report, send, sockets) must
 * not bury the page either: past RUNTIME_EVENTS_PER_SECOND events in a second
 * or RUNTIME_EVENTS_PER_RUN in the run, one error says so and the recorder
 * records nothing more (the console, checks and inspector keep what came
 * before; Stop still works). Console lines and error texts longer than
 * MAX_LINE_CHARS are cut here, before they cross to the page.
 */
import type { PlaygroundEvent } from '../log/events.ts';
import { PROTOCOL_SOURCE, type FrameConfig, type FrameHello, type FrameMessage, type MungeRequest } from '../protocol.ts';
import { Meter, RUNTIME_EVENTS_PER_RUN, RUNTIME_EVENTS_PER_SECOND, limitText } from '../limits.ts';
import { elapsed, listen, natives } from './natives.ts';

/** An event as the runtime builds it; the recorder adds `seq` and `t`. */
export type NewEvent = PlaygroundEvent extends infer E ? (E extends PlaygroundEvent ? Omit<E, 'seq' | 't'> : never) : never;

export interface Recorder {
  record(event: NewEvent): void;
  /** Posts what is pending now (Stop uses it before answering). */
  flush(): void;
  /** Posts a message that is not an event batch: `stopped`, or a description to edit (munging). */
  post(message: { kind: 'stopped' } | { kind: 'munge-request'; request: MungeRequest }): void;
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

  // Until the page's port arrives (a few ms after the hello), what would go over it waits here.
  let port: MessagePort | null = null;
  const waiting: FrameMessage[] = [];
  const send = (message: FrameMessage) => {
    if (!hasParent) return;
    if (!port) {
      waiting.push(message);
      return;
    }
    try {
      natives.postToPort.call(port, message);
    } catch (error) {
      // An event that cannot be cloned is a runtime bug; say so where a developer looks.
      console.warn('[playground] could not post to the page', error);
    }
  };
  const hello = () => {
    const message: FrameHello = { source: PROTOCOL_SOURCE, runId: config.runId, kind: 'hello' };
    if (hasParent) window.parent.postMessage(message, config.siteOrigin);
  };
  // Capturing, and installed before any learner code: the runtime sees the port first. The first port is kept.
  listen(
    window,
    'message',
    (event) => {
      const { origin, source, data, ports } = event as MessageEvent;
      if (port || origin !== config.siteOrigin || source !== window.parent || !ports[0]) return;
      if (typeof data !== 'object' || data === null || data.source !== PROTOCOL_SOURCE || data.kind !== 'port') return;
      port = ports[0];
      for (const message of waiting.splice(0)) send(message);
    },
    { capture: true },
  );
  hello();

  const flush = () => {
    if (timer !== null) natives.clearTimeout(timer);
    timer = null;
    lastFlush = natives.now();
    while (pending.length) {
      send({ source: PROTOCOL_SOURCE, runId: config.runId, kind: 'events', events: pending.splice(0, MAX_PER_MESSAGE) });
    }
  };

  natives.setInterval(() => (port ? send({ source: PROTOCOL_SOURCE, runId: config.runId, kind: 'heartbeat' }) : hello()), HEARTBEAT_MS);

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
    post(message) {
      send({ source: PROTOCOL_SOURCE, runId: config.runId, ...message });
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
