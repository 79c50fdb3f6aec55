/**
 * The glue between the buttons, the sandbox host and the stores: Run starts a
 * run of what the editor shows (stopping the previous one), feeds its events
 * to the run store, the console and the editor's error marks, and settles the
 * checks on Stop, when the frame ends, or at the lesson's time limit.
 */
import type { RunEndReason, RunHandle, StartRunOptions } from '../../../sandbox/host/index.ts';
import type { PlaygroundEvent } from '../../../sandbox/log/events.ts';
import type { PairParams } from '../../../sandbox/pairing.ts';
import { consoleLine, type ConsoleLine } from './console-format.ts';
import type { ConsoleView, EditorHandle, RunError } from './types.ts';
import type { RunStore } from './run-store.ts';
import type { FilesStores } from './stores.ts';

export interface Host {
  startRun(options: StartRunOptions): Promise<RunHandle>;
}

export interface PreviewView {
  /** The frame is coming: hide the empty state. */
  running(): void;
  /** No frame: show the empty state with this sentence. */
  idle(text: string): void;
}

export interface RunControllerDeps {
  files: FilesStores;
  run: RunStore;
  host: Host;
  container: HTMLElement;
  preview: PreviewView;
  console: ConsoleView;
  editor(): EditorHandle | undefined;
  status(text: string): void;
  /** Every check passed in a run of the learner's own code (not the solution). */
  onCompleted(): void;
  /** Called before a run starts, e.g. to save the files now. */
  beforeRun?(): void;
  /** A pairing lesson's side, handed to every run (see sandbox/pairing.ts). */
  pair?: PairParams | null;
}

export interface RunController {
  run(): Promise<void>;
  stop(): Promise<void>;
  /** Marks in the editor for the current run's errors (for an editor that arrives mid-run). */
  markErrors(): void;
}

interface CurrentRun {
  id: number;
  abort: AbortController;
  handle?: RunHandle;
  timer?: ReturnType<typeof setTimeout>;
  ranSolution: boolean;
  errors: RunError[];
}

const END_TEXT: Record<RunEndReason, string> = {
  stopped: 'Stopped. Press Run to start again.',
  unresponsive: 'The preview stopped responding, so it was removed.',
  flooded: 'The preview sent more than the page can take, so it was removed. The console says what it sent.',
};

export function createRunController(deps: RunControllerDeps): RunController {
  let current: CurrentRun | undefined;
  // The last run, kept after it ends so its error marks can still be drawn.
  let last: CurrentRun | undefined;
  let nextId = 1;

  const isCurrent = (run: CurrentRun) => current === run;

  const checkCompleted = (run: CurrentRun) => {
    if (!run.ranSolution && deps.run.summary.get().allPassed) deps.onCompleted();
  };

  const onEvents = (run: CurrentRun, events: readonly PlaygroundEvent[]) => {
    deps.run.append(events);
    const lines: ConsoleLine[] = [];
    const errors: RunError[] = [];
    for (const event of events) {
      const line = consoleLine(event);
      if (!line) continue;
      lines.push(line);
      if (line.location && event.type === 'error') {
        errors.push({ location: line.location, message: `${event.name}: ${event.message}` });
      }
    }
    deps.console.print(lines);
    if (errors.length > 0) {
      run.errors.push(...errors);
      deps.editor()?.showErrors(run.errors, run.ranSolution);
    }
    checkCompleted(run);
  };

  const finish = (run: CurrentRun, reason: RunEndReason | 'failed', message?: string) => {
    if (!isCurrent(run)) return;
    current = undefined;
    clearTimeout(run.timer);
    if (reason === 'failed') deps.run.discard();
    else deps.run.settle();
    deps.run.setState('idle');
    checkCompleted(run);
    const text = message ?? (reason === 'failed' ? 'The run could not start.' : END_TEXT[reason]);
    deps.preview.idle(text);
    deps.status(text);
  };

  const controller: RunController = {
    async run() {
      deps.beforeRun?.();
      const previous = current;
      const run: CurrentRun = {
        id: nextId++,
        abort: new AbortController(),
        ranSolution: deps.files.solutionShown.get(),
        errors: [],
      };
      current = run;
      last = run;
      if (previous) {
        clearTimeout(previous.timer);
        // The host stops the previous frame in this container before placing the new one.
        previous.abort.abort();
      }
      const files = deps.files.shownFiles.get();
      deps.run.begin();
      deps.console.clear();
      deps.editor()?.clearErrors();
      deps.preview.running();
      deps.run.setState('starting');
      deps.status(run.ranSolution ? 'Starting the solution…' : 'Starting…');

      let handle: RunHandle;
      try {
        handle = await deps.host.startRun({
          container: deps.container,
          files,
          pair: deps.pair ?? null,
          signal: run.abort.signal,
          onEvents: (events) => {
            if (isCurrent(run)) onEvents(run, events);
          },
          onEnd: (reason) => finish(run, reason),
        });
      } catch (error) {
        if (!isCurrent(run)) return;
        if (run.abort.signal.aborted) return finish(run, 'stopped');
        const message = `Could not start the run: ${error instanceof Error ? error.message : String(error)}`;
        deps.console.print([{ level: 'error', error: true, text: message }]);
        return finish(run, 'failed', message);
      }
      if (!isCurrent(run)) return;
      run.handle = handle;
      if (handle.warning) deps.console.print([{ level: 'warn', text: handle.warning }]);
      deps.run.setState('running');
      deps.status(run.ranSolution ? 'Running the solution…' : 'Running…');
      const seconds = deps.files.lesson.timeLimit;
      run.timer = setTimeout(() => {
        if (!isCurrent(run)) return;
        deps.run.settle();
        checkCompleted(run);
        deps.status(`Checks settled after ${seconds} s. Your program keeps running until you press Stop.`);
      }, seconds * 1000);
    },

    async stop() {
      const run = current;
      if (!run) return;
      deps.run.setState('stopping');
      deps.status('Stopping…');
      // Cancels a run still starting; the host stops a placed frame when the signal aborts.
      run.abort.abort();
      await run.handle?.stop();
      finish(run, 'stopped');
    },

    markErrors() {
      if (last && last.errors.length > 0) deps.editor()?.showErrors(last.errors, last.ranSolution);
    },
  };
  return controller;
}
