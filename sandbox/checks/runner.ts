/**
 * Runs a lesson's checks over the event log, live and at the end of a run.
 * Pure: the Checks panel calls it after every batch of events and once more
 * with `settled` when the run stops or reaches the lesson's time limit.
 */
import type { PlaygroundEvent } from '../log/events.ts';
import type { Check, CheckResult, Verdict } from './types.ts';

export function evaluateChecks(
  checks: readonly Check[],
  events: readonly PlaygroundEvent[],
  previous: readonly CheckResult[] = [],
  settled = false,
): CheckResult[] {
  return checks.map((check) => {
    const before = previous.find((r) => r.id === check.id);
    // A pass is latched: a connection closing later does not undo "it connected".
    if (before?.status === 'passed') return before;
    const verdict = safeVerify(check, events);
    if (verdict.status === 'passed') return result(check, 'passed', verdict.detail ?? 'Done.');
    if (verdict.status === 'pending' && !settled) return result(check, 'pending', verdict.reason);
    return result(check, 'failed', verdict.reason);
  });
}

/** Before anything ran: every check pending, saying so. */
export function initialResults(checks: readonly Check[]): CheckResult[] {
  return checks.map((check) => result(check, 'pending', 'Not run yet: press Run.'));
}

// A check with a bug must not take the panel down with it.
function safeVerify(check: Check, events: readonly PlaygroundEvent[]): Verdict {
  try {
    return check.verify(events);
  } catch (error) {
    return { status: 'failed', reason: `This check itself failed: ${String(error)}` };
  }
}

function result(check: Check, status: CheckResult['status'], reason: string): CheckResult {
  return { id: check.id, title: check.title, status, reason };
}
