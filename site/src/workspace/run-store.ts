/**
 * One run's state apart from the UI: its phase, its event log and the lesson's
 * check results over that log. The run controller feeds it; the console, the
 * Checks panel and the toolbar only read it.
 */
import { atom, computed, type ReadableAtom } from 'nanostores';
import type { PlaygroundEvent } from '../../../sandbox/log/events.ts';
import type { Check, CheckResult } from '../../../sandbox/checks/types.ts';
import { evaluateChecks, initialResults } from '../../../sandbox/checks/runner.ts';
import type { RunState } from './types.ts';

/**
 * The log of the current run. `events` grows in place (a run can record
 * thousands of stats events; copying it per batch would be quadratic), so each
 * batch publishes a new wrapper object: listeners render `batch`, checks read `events`.
 */
export interface RunLog {
  /** Counts runs from 0 (nothing ran yet); a new number means a new, empty log. */
  run: number;
  events: readonly PlaygroundEvent[];
  batch: readonly PlaygroundEvent[];
}

export interface ChecksSummary {
  passed: number;
  total: number;
  allPassed: boolean;
}

export interface RunStore {
  readonly state: ReadableAtom<RunState>;
  readonly log: ReadableAtom<RunLog>;
  readonly checks: ReadableAtom<readonly Check[]>;
  readonly results: ReadableAtom<readonly CheckResult[]>;
  readonly summary: ReadableAtom<ChecksSummary>;
  /** True once the results of this run are final (Stop, the frame ended, or the time limit). */
  readonly settled: ReadableAtom<boolean>;
  setChecks(checks: readonly Check[]): void;
  setState(state: RunState): void;
  /** A new run: empty log, every check pending with its own "waiting for" reason. */
  begin(): void;
  append(batch: readonly PlaygroundEvent[]): void;
  /** Turn what is still pending into failed. Later batches may still turn a failure into a pass. */
  settle(): void;
  /** The run never started (the server refused it): nothing was judged, so the checks go back to "not run". */
  discard(): void;
}

export function summarise(results: readonly CheckResult[]): ChecksSummary {
  const passed = results.filter((r) => r.status === 'passed').length;
  return { passed, total: results.length, allPassed: results.length > 0 && passed === results.length };
}

/** "1 of 2 checks passed". */
export function summaryText({ passed, total }: ChecksSummary): string {
  if (total === 0) return 'This lesson has no checks.';
  return `${passed} of ${total} check${total === 1 ? '' : 's'} passed`;
}

export function createRunStore(): RunStore {
  const state = atom<RunState>('idle');
  const events: PlaygroundEvent[] = [];
  const log = atom<RunLog>({ run: 0, events, batch: [] });
  const checks = atom<readonly Check[]>([]);
  const results = atom<readonly CheckResult[]>([]);
  const settled = atom(false);
  const summary = computed(results, summarise);

  const evaluate = () => {
    results.set(evaluateChecks(checks.get(), events, results.get(), settled.get()));
  };

  return {
    state,
    log,
    checks,
    results,
    summary,
    settled,
    setChecks(next) {
      checks.set(next);
      // Checks can arrive after a run began (they load lazily): judge what is recorded so far.
      if (log.get().run === 0) results.set(initialResults(next));
      else evaluate();
    },
    setState(next) {
      state.set(next);
    },
    begin() {
      events.length = 0;
      settled.set(false);
      log.set({ run: log.get().run + 1, events, batch: [] });
      results.set([]);
      evaluate();
    },
    append(batch) {
      if (batch.length === 0) return;
      for (const event of batch) events.push(event);
      log.set({ run: log.get().run, events, batch });
      evaluate();
    },
    settle() {
      if (log.get().run === 0) return;
      settled.set(true);
      evaluate();
    },
    discard() {
      events.length = 0;
      settled.set(false);
      log.set({ run: log.get().run, events, batch: [] });
      results.set(initialResults(checks.get()));
    },
  };
}
