/**
 * Runs the learner's files in a fresh sandboxed frame and turns what the frame
 * posts into events for the page. One run per container: starting a run stops
 * the previous one first. Everything a run sets up (listeners, timers, the
 * frame) hangs off one AbortController, so every way a run ends cleans up the
 * same way.
 */
import type { ErrorEvent, PlaygroundEvent } from '../log/events.ts';
import { MUNGE_FRAME_NAME, PROTOCOL_SOURCE, sameSiteWarning, sandboxOriginFor, type CreateRunResponse, type HostMessage } from '../protocol.ts';
import { getSiteConfig } from './config.ts';
import { createFrame } from './frame.ts';
import { onFrameMessage } from './frame-messages.ts';
import { munging } from './munge.ts';
import { pairQuery, type PairParams } from '../pairing.ts';
import { createFloodGuard } from './flood-guard.ts';
import type { InboxMessage, InboxPort } from './inbox.ts';

/**
 * Why a run ended: Stop (also a new Run in the same container, or the caller's
 * signal), the frame went silent, or it posted more than the page will take (flood-guard.ts).
 */
export type RunEndReason = 'stopped' | 'unresponsive' | 'flooded';

export interface StartRunOptions {
  /** The element the preview iframe goes into (the "Preview" region). */
  container: HTMLElement;
  /** File name → text; "index.html" is the entry. */
  files: Record<string, string>;
  /** Validated events, in the order the frame recorded them. */
  onEvents(events: PlaygroundEvent[]): void;
  /** Called once, after the frame is removed. */
  onEnd?(reason: RunEndReason): void;
  /** Aborting it stops the run (or cancels it while it is starting). */
  signal?: AbortSignal;
  /**
   * Pause every setLocalDescription/setRemoteDescription for editing; the
   * requests go to `munging` (munge.ts). Default: the page's opt-in, `munging.enabled`.
   */
  munge?: boolean;
  /** A pairing lesson's side: the frame is loaded with ?pair=…&side=… and its code gets `playground.pair`. */
  pair?: PairParams | null;
}

export interface RunHandle {
  readonly id: string;
  readonly frame: HTMLIFrameElement;
  /** Resolves once the frame is removed. */
  readonly ended: Promise<RunEndReason>;
  /** Ask the frame to close its connections, then remove it (after its answer or 1 s). Idempotent. */
  stop(): Promise<void>;
  /**
   * Set when the frame is on the page's own site (sameSiteWarning in protocol.ts):
   * it then shares the page's thread, so a frozen frame freezes the page and its
   * watchdog with it. The page shows it to the learner.
   */
  readonly warning: string | null;
}

/** A frame that has not posted anything for this long is removed. */
export const WATCHDOG_MS = 5000;
/** How long Stop waits for the frame's `stopped` before removing it anyway. */
export const STOP_TIMEOUT_MS = 1000;
/** The longest the page spends on the frame's messages before letting clicks and painting in. */
const DRAIN_SLICE_MS = 8;

const current = new WeakMap<HTMLElement, { abort(): void; stop(): Promise<void> }>();

export async function startRun(options: StartRunOptions): Promise<RunHandle> {
  const { container, files } = options;
  const previous = current.get(container);
  const setup = new AbortController();
  const entry = { abort: () => setup.abort(), stop: async () => setup.abort() };
  current.set(container, entry);
  previous?.abort();
  await previous?.stop();

  const signal = options.signal ? AbortSignal.any([setup.signal, options.signal]) : setup.signal;
  const config = await getSiteConfig(signal);
  const created = await createRun(files, signal);
  signal.throwIfAborted();

  const handle = launch(options, created, sandboxOriginFor(window.location, config.sandboxPort, config.sandboxHosts));
  entry.stop = () => handle.stop();
  options.signal?.addEventListener('abort', () => void handle.stop(), { once: true });
  void handle.ended.then(() => {
    if (current.get(container) === entry) current.delete(container);
  });
  return handle;
}

async function createRun(files: Record<string, string>, signal: AbortSignal): Promise<CreateRunResponse> {
  const response = await fetch('/api/runs', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ files }),
    signal,
  });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const reason = typeof (body as { error?: unknown } | null)?.error === 'string' ? (body as { error: string }).error : `HTTP ${response.status}`;
    throw new Error(`The playground server did not accept the run: ${reason}`);
  }
  const { id, path } = (body ?? {}) as Partial<CreateRunResponse>;
  if (typeof id !== 'string' || typeof path !== 'string' || !path.startsWith('/')) {
    throw new Error('The playground server answered the run with something this page does not understand.');
  }
  return { id, path };
}

function launch(options: StartRunOptions, run: CreateRunResponse, sandboxOrigin: string): RunHandle {
  const life = new AbortController();
  const munge = options.munge ?? munging.enabled.get();
  const query = options.pair ? `?${pairQuery(options.pair)}` : '';
  const frame = createFrame(`${sandboxOrigin}${run.path}index.html${query}`, munge ? MUNGE_FRAME_NAME : undefined);
  const post = (message: HostMessage, transfer: Transferable[] = []) => {
    try {
      frame.contentWindow?.postMessage(message, sandboxOrigin, transfer);
    } catch {
      // The frame is already gone or navigated away.
    }
  };
  const mungeLink = munge ? munging.link(run.id, post) : null;
  let resolveEnded!: (reason: RunEndReason) => void;
  const ended = new Promise<RunEndReason>((resolve) => (resolveEnded = resolve));
  let stopping: Promise<void> | null = null;
  let onStopped: (() => void) | null = null;

  // What the watchdog needs to place its own event after the frame's last one.
  let heardAny = false;
  let lastHeard = performance.now();
  let lastSeq = -1;
  let lastT = 0;
  let lastEventAt = performance.now();
  const hostError = (name: string, message: string) =>
    deliver([playgroundError(name, message, lastSeq + 1, lastT + (performance.now() - lastEventAt))]);
  const flooded = (reason: string) => {
    hostError('TooManyMessages', reason);
    end('flooded');
  };

  const end = (reason: RunEndReason) => {
    if (life.signal.aborted) return;
    life.abort();
    mungeLink?.end();
    frame.remove();
    resolveEnded(reason);
    options.onEnd?.(reason);
  };

  const deliver = (events: PlaygroundEvent[]) => {
    if (events.length === 0) return;
    try {
      options.onEvents(events);
    } catch (error) {
      // A bug in a view must not take the run down with it.
      console.error('onEvents failed', error);
    }
  };

  // The frame's messages are read, checked and limited by a worker (inbox.ts
  // says why); what it passes on is handled here in slices of the main thread
  // (drain) rather in the message event, so a burst of valid batches (each
  // printed in the console) still lets clicks and painting in.
  const inbox: InboxMessage[] = [];
  let draining = false;

  const handle = (message: InboxMessage) => {
    if (message.kind === 'events') {
      const last = message.events.at(-1);
      if (last) {
        lastSeq = Math.max(lastSeq, last.seq);
        lastT = last.t;
        lastEventAt = performance.now();
      }
      deliver(message.events);
    } else if (message.kind === 'stopped') {
      onStopped?.();
    } else if (message.kind === 'munge-request') {
      mungeLink?.request(message.request);
    } else if (message.kind === 'flooded') {
      flooded(message.reason);
    }
  };

  const drain = () => {
    const until = performance.now() + DRAIN_SLICE_MS;
    while (inbox.length > 0 && !life.signal.aborted && performance.now() < until) handle(inbox.shift()!);
    draining = inbox.length > 0 && !life.signal.aborted;
    if (draining) setTimeout(drain, 0);
  };

  const worker = new Worker(new URL('./inbox-worker.ts', import.meta.url), { type: 'module', name: `inbox ${run.id}` });
  life.signal.addEventListener('abort', () => worker.terminate(), { once: true });
  worker.addEventListener(
    'message',
    (event: MessageEvent<InboxMessage>) => {
      // Anything the frame sends shows it is alive (the watchdog's question): the worker passes on a sign for every message.
      heardAny = true;
      lastHeard = performance.now();
      inbox.push(event.data);
      if (!draining) {
        draining = true;
        setTimeout(drain, 0);
      }
    },
    { signal: life.signal },
  );
  worker.addEventListener(
    'error',
    () => {
      hostError('PlaygroundError', 'The page could not start the worker that reads what the preview sends, so it stopped the preview. Reload the page and Run again.');
      end('unresponsive');
    },
    { signal: life.signal },
  );
  life.signal.addEventListener('abort', () => (inbox.length = 0), { once: true });

  // The frame's window messages: the runtime's hello, or the learner's own
  // (it shares the runtime's realm). Their data is never read on the page
  // (frame-messages.ts keeps them from every other listener too): that is what
  // costs it (a flood of them froze it for up to 80 s). The first message from
  // each document in the frame gets a port to the worker, and the rest are only
  // counted, so a flood of them still ends the run. Each load (the learner's
  // code may navigate its frame) lets a new runtime ask again.
  const windowGuard = createFloodGuard(() => performance.now());
  let armed = true;
  frame.addEventListener('load', () => (armed = true), { signal: life.signal });
  onFrameMessage(
    sandboxOrigin,
    (event) => {
      if (event.source !== frame.contentWindow || event.source === null) return;
      const over = windowGuard.windowMessage();
      if (over) return flooded(over);
      heardAny = true;
      lastHeard = performance.now();
      if (!armed) return;
      armed = false;
      const channel = new MessageChannel();
      const port: InboxPort = { kind: 'port', runId: run.id };
      worker.postMessage(port, [channel.port1]);
      post({ source: PROTOCOL_SOURCE, kind: 'port' }, [channel.port2]);
    },
    life.signal,
  );

  const watchdog = setInterval(() => {
    if (performance.now() - lastHeard <= WATCHDOG_MS) return;
    deliver([playgroundError('PreviewStopped', unresponsiveMessage(heardAny), lastSeq + 1, lastT + (performance.now() - lastEventAt))]);
    end('unresponsive');
  }, 500);
  life.signal.addEventListener('abort', () => clearInterval(watchdog), { once: true });

  const stop = (): Promise<void> => {
    if (life.signal.aborted) return Promise.resolve();
    stopping ??= new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, STOP_TIMEOUT_MS);
      onStopped = () => {
        clearTimeout(timer);
        resolve();
      };
      // A frame that is gone never answers: the timeout removes it.
      post({ source: PROTOCOL_SOURCE, kind: 'stop' });
    }).then(() => end('stopped'));
    return stopping;
  };

  options.container.append(frame);
  return { id: run.id, frame, ended, stop, warning: sameSiteWarning(window.location.hostname, sandboxOrigin) };
}

function unresponsiveMessage(heardAny: boolean): string {
  return heardAny
    ? `The page stopped responding for ${WATCHDOG_MS / 1000} seconds, so the playground stopped it. Something kept its main thread busy (a long calculation, an alert() left open, or an endless loop the loop guard cannot see).`
    : `The page did not start within ${WATCHDOG_MS / 1000} seconds, so the playground stopped it. Is the playground server still running?`;
}

/** The host's own event, placed after the frame's last one. */
function playgroundError(name: string, message: string, seq: number, t: number): ErrorEvent {
  return { type: 'error', kind: 'runtime', name, message, seq, t: Math.round(t) };
}
