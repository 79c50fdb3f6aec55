/**
 * Lesson 03: the signaling state machine. After each step the learner's code
 * reports its prediction as `predict:<step>`; the check compares it with the
 * signalingState the runtime recorded for the connection of the call just
 * before that report. Then one call must fail with an InvalidStateError that
 * the code caught (no uncaught error or unhandled rejection for it).
 */
import type { Check, Verdict } from '../../sandbox/checks/types.ts';
import type { PcResultEvent, PlaygroundEvent } from '../../sandbox/log/events.ts';
import { errors, peerConnections, type PcSummary } from '../../sandbox/log/reduce.ts';
import { reports } from '../../sandbox/log/reports.ts';

const pending = (reason: string): Verdict => ({ status: 'pending', reason });

const STATES = ['stable', 'have-local-offer', 'have-remote-offer', 'have-local-pranswer', 'have-remote-pranswer', 'closed'];
const DESCRIPTION_METHODS = ['createOffer', 'createAnswer', 'setLocalDescription', 'setRemoteDescription'];

export interface Prediction {
  step: string;
  predicted: unknown;
  /** The call the prediction is about: the last description call that settled before the report. */
  call: PcResultEvent | null;
  /** That connection's signalingState when the report was made, as recorded. */
  actual: string | null;
  rollback: boolean;
}

function stateBefore(pc: PcSummary, seq: number): string {
  const changes = pc.history.signalingState.filter((change) => change.seq < seq);
  return changes[changes.length - 1]?.value ?? 'stable';
}

export function predictions(events: readonly PlaygroundEvent[]): Prediction[] {
  const pcs = peerConnections(events);
  const results = events.filter((e): e is PcResultEvent => e.type === 'pc.result' && DESCRIPTION_METHODS.includes(e.method));
  return reports(events, 'predict:').map((report) => {
    const call = results.filter((r) => r.seq < report.seq).at(-1) ?? null;
    const pc = call ? pcs.find((p) => p.pc === call.pc) : undefined;
    const record = call && pc?.calls.find((c) => c.call.call === call.call);
    const arg = record?.call.args[0];
    const rollback = typeof arg === 'object' && arg !== null && !Array.isArray(arg) && arg['type'] === 'rollback';
    return { step: report.name.slice('predict:'.length), predicted: report.value, call, actual: pc ? stateBefore(pc, report.seq) : null, rollback };
  });
}

const predictionsRight: Check = {
  id: 'predictions-right',
  title: 'Your predictions match the recorded signaling states',
  verify(events) {
    const all = predictions(events);
    if (all.length === 0) return pending("No prediction yet: after each step, playground.report('predict:<step>', '<state>').");
    const unanswered = all.filter((p) => typeof p.predicted !== 'string' || !STATES.includes(p.predicted));
    if (unanswered.length > 0) {
      const first = unanswered[0];
      return {
        status: 'failed',
        reason: `${unanswered.length} of ${all.length} predictions are not a state yet (e.g. ${first?.step}: ${JSON.stringify(first?.predicted)}): use 'stable', 'have-local-offer' or 'have-remote-offer'.`,
      };
    }
    const orphan = all.find((p) => p.actual === null);
    if (orphan) return pending(`predict:${orphan.step} came before any createOffer/createAnswer/set…Description call: report after the call.`);
    const wrong = all.filter((p) => p.predicted !== p.actual);
    if (wrong.length > 0) {
      const list = wrong.map((p) => `${p.step}: you said '${p.predicted}', it was '${p.actual}'`).join('; ');
      return { status: 'failed', reason: `${wrong.length} of ${all.length} wrong: ${list}.` };
    }
    const seen = new Set(all.map((p) => p.actual));
    const missingStates = ['have-local-offer', 'have-remote-offer', 'stable'].filter((s) => !seen.has(s));
    if (missingStates.length > 0) return pending(`${all.length} right so far; predict a step that leads to ${missingStates.join(' and ')} too.`);
    if (!all.some((p) => p.rollback)) return pending(`${all.length} right so far; predict the state after the rollback too.`);
    return { status: 'passed', detail: `All ${all.length} predictions were right.` };
  },
};

function isInvalidState(error: { name: string; message: string }): boolean {
  return error.name === 'InvalidStateError' || /wrong state/i.test(error.message);
}

const errorCaught: Check = {
  id: 'invalid-state-caught',
  title: 'An InvalidStateError was provoked and caught',
  verify(events) {
    const failed = events.filter(
      (e): e is PcResultEvent & { ok: false } => e.type === 'pc.result' && !e.ok && e.error.name === 'InvalidStateError',
    );
    const uncaught = errors(events).find((e) => (e.kind === 'uncaught' || e.kind === 'unhandledrejection') && isInvalidState(e));
    if (uncaught) {
      return { status: 'failed', reason: `The ${uncaught.name} was not caught (${uncaught.message}): put the await in a try { … } catch (error) { … }.` };
    }
    const first = failed[0];
    if (!first) {
      return pending('No call has failed with an InvalidStateError yet: apply the answer to pc1 a second time, while it is stable.');
    }
    return { status: 'passed', detail: `pc ${first.pc}'s ${first.method}() failed with ${first.error.name} (${first.error.message}), and the code caught it.` };
  },
};

export default [predictionsRight, errorCaught] satisfies Check[];
