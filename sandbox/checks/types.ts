/**
 * A lesson's checks decide "done" from the event log alone, never from the
 * learner's source text. Each lesson's `checks.ts` default-exports `Check[]`.
 *
 * A check is a pure function of the events recorded so far. While the run is
 * live it answers `pending` (with what it is still waiting for) or `passed`;
 * it answers `failed` only for something that cannot be undone (an error, a
 * wrong value). When the run settles (Stop, or the lesson's time limit) the
 * runner turns every remaining `pending` into `failed` with the same reason.
 * A check that passed once stays passed for that run.
 */
import type { PlaygroundEvent } from '../log/events.ts';

export type Verdict =
  | { status: 'passed'; detail?: string }
  | { status: 'pending'; reason: string }
  | { status: 'failed'; reason: string };

export interface Check {
  /** Stable id, unique within the lesson, e.g. "both-connected". */
  id: string;
  /** What the learner must achieve, shown in the Checks panel: "Both peers are connected". */
  title: string;
  verify(events: readonly PlaygroundEvent[]): Verdict;
}

export type CheckStatus = 'pending' | 'passed' | 'failed';

/** What the Checks panel shows for one check. */
export interface CheckResult {
  id: string;
  title: string;
  status: CheckStatus;
  /** One line: why it passed, what it waits for, or why it failed. */
  reason: string;
}
