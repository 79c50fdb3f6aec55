/**
 * What the inbox worker (inbox-worker.ts) does with each message the frame
 * sends over its port: count it, check it, and pass on only a clean, bounded
 * copy, or end the run past a limit.
 *
 * Why a worker: reading `event.data` is when the browser deserializes a
 * message, on the thread that reads it, and the frame is untrusted (the
 * learner's code shares the runtime's realm and can post anything, 100 MB at a
 * time). Read on the page's main thread, a flood froze the page for seconds to
 * minutes whatever was counted first; read here, it costs the worker's thread.
 * Pure apart from the clock it is given: tested by vitest.
 */
import type { PlaygroundEvent } from '../log/events.ts';
import type { MungeRequest } from '../protocol.ts';
import { createFloodGuard } from './flood-guard.ts';
import { claimedEvents, validateFrameMessage } from './validate.ts';

/** Worker → page: what the page's main thread reads, all of it already validated and bounded. */
export type InboxMessage =
  | { kind: 'events'; events: PlaygroundEvent[] }
  /** The frame sent something with nothing for the page (a heartbeat, or a message that is not ours): it is alive. */
  | { kind: 'alive' }
  | { kind: 'stopped' }
  | { kind: 'munge-request'; request: MungeRequest }
  /** Past a limit (flood-guard.ts): the sentence to show; the page ends the run, and nothing more comes. */
  | { kind: 'flooded'; reason: string };

/** Page → worker: a port the frame sends its messages over (transferred with this message), for run `runId`. */
export interface InboxPort {
  kind: 'port';
  runId: string;
}

/** Returns what to do with each message the frame sends (its data, read by the caller). */
export function createInbox(runId: string, now: () => number, forward: (message: InboxMessage) => void): (read: () => unknown) => void {
  const guard = createFloodGuard(now);
  let over = false;
  const flooded = (reason: string) => {
    over = true;
    forward({ kind: 'flooded', reason });
  };
  return (read) => {
    if (over) return;
    // Counted before the data is read: reading is what costs.
    const tooMany = guard.message();
    if (tooMany) return flooded(tooMany);
    const data = read();
    const tooManyEvents = guard.events(claimedEvents(data));
    if (tooManyEvents) return flooded(tooManyEvents);
    const validated = validateFrameMessage(data, runId);
    if (!validated) return forward({ kind: 'alive' });
    const tooMuchText = guard.chars(validated.chars);
    if (tooMuchText) return flooded(tooMuchText);
    const { message } = validated;
    if (message.kind === 'events') forward({ kind: 'events', events: message.events });
    else if (message.kind === 'munge-request') forward({ kind: 'munge-request', request: message.request });
    else forward({ kind: message.kind === 'stopped' ? 'stopped' : 'alive' });
  };
}
