/**
 * The log the inspector shows: the live run's, or one imported from a dump.
 * The run store grows its log in place (copying per batch would be quadratic
 * over a long run), so the inspector takes a snapshot at most every
 * `intervalMs`: views re-render from whole snapshots, a few times a second at most.
 * A new Run always brings the live log back (the learner wants to see it).
 */
import { atom, type ReadableAtom } from 'nanostores';
import type { PlaygroundEvent } from '../../../sandbox/log/events.ts';

/** What the run store publishes (structurally the workspace's RunLog). */
export interface LiveLog {
  run: number;
  events: readonly PlaygroundEvent[];
}

export type SourceOrigin = { kind: 'live' } | { kind: 'imported'; name: string };

export interface InspectorSource {
  readonly events: ReadableAtom<readonly PlaygroundEvent[]>;
  readonly origin: ReadableAtom<SourceOrigin>;
  showImported(name: string, events: readonly PlaygroundEvent[]): void;
  showLive(): void;
  dispose(): void;
}

export function createInspectorSource(live: ReadableAtom<LiveLog>, intervalMs = 250): InspectorSource {
  const events = atom<readonly PlaygroundEvent[]>(live.get().events.slice());
  const origin = atom<SourceOrigin>({ kind: 'live' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastPublish = 0;
  let run = live.get().run;

  const publish = () => {
    clearTimeout(timer);
    timer = undefined;
    lastPublish = Date.now();
    if (origin.get().kind === 'live') events.set(live.get().events.slice());
  };

  const stop = live.listen((log) => {
    if (log.run !== run) {
      run = log.run;
      origin.set({ kind: 'live' });
      return publish();
    }
    if (origin.get().kind !== 'live' || timer) return;
    const wait = lastPublish + intervalMs - Date.now();
    if (wait <= 0) publish();
    else timer = setTimeout(publish, wait);
  });

  return {
    events,
    origin,
    showImported(name, imported) {
      clearTimeout(timer);
      timer = undefined;
      origin.set({ kind: 'imported', name });
      events.set(imported.slice());
    },
    showLive() {
      origin.set({ kind: 'live' });
      publish();
    },
    dispose() {
      clearTimeout(timer);
      stop();
    },
  };
}
