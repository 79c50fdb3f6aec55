import { describe, expect, it } from 'vitest';
import checks, { predictions } from '../../../lessons/03-offer-answer-state-machine/checks.ts';
import { evaluateChecks } from '../../../sandbox/checks/runner.ts';
import type { CheckResult } from '../../../sandbox/checks/types.ts';
import type { PlaygroundEvent } from '../../../sandbox/log/events.ts';
import { ANSWER_SDP, LogBuilder, OFFER_SDP } from '../log/builder.ts';

const offer = { type: 'offer', sdp: OFFER_SDP };
const answer = { type: 'answer', sdp: ANSWER_SDP };
const WRONG_STATE = "Failed to execute 'setRemoteDescription' on 'RTCPeerConnection': Failed to set remote answer sdp: Called in wrong state: stable";

const RIGHT = ['stable', 'have-local-offer', 'have-remote-offer', 'stable', 'stable', 'have-local-offer', 'stable', 'stable'];

/** The lesson's program as the runtime records it: each step's call (and state change), then its prediction. */
function run(options: { guesses?: string[]; again?: 'caught' | 'uncaught' | 'none' } = {}): PlaygroundEvent[] {
  const guesses = options.guesses ?? RIGHT;
  const again = options.again ?? 'caught';
  const log = new LogBuilder().started().pc(1).pc(2).call(1, 'createDataChannel', ['chat']);
  let i = 0;
  const predict = (step: string) => log.push({ type: 'report', name: `predict:${step}`, value: guesses[i++] ?? '?' });
  log.call(1, 'createOffer', [], { value: offer });
  predict('pc1.createOffer()');
  log.state(1, 'signalingState', 'have-local-offer').call(1, 'setLocalDescription', [offer]);
  predict('pc1.setLocalDescription(offer)');
  log.state(2, 'signalingState', 'have-remote-offer').call(2, 'setRemoteDescription', [offer]);
  predict('pc2.setRemoteDescription(offer)');
  log.call(2, 'createAnswer', [], { value: answer });
  log.state(2, 'signalingState', 'stable').call(2, 'setLocalDescription', [answer]);
  predict('pc2.setLocalDescription(answer)');
  log.state(1, 'signalingState', 'stable').call(1, 'setRemoteDescription', [answer]);
  predict('pc1.setRemoteDescription(answer)');
  log.state(1, 'signalingState', 'have-local-offer').call(1, 'setLocalDescription', [], { value: offer });
  predict('pc1.setLocalDescription()');
  log.state(1, 'signalingState', 'stable').call(1, 'setLocalDescription', [{ type: 'rollback' }]);
  predict("pc1.setLocalDescription({ type: 'rollback' })");
  if (again !== 'none') {
    log.call(1, 'setRemoteDescription', [answer], { error: { name: 'InvalidStateError', message: WRONG_STATE } });
    if (again === 'caught') log.log(`Caught as expected: InvalidStateError: ${WRONG_STATE}`);
    else log.push({ type: 'error', kind: 'unhandledrejection', name: 'InvalidStateError', message: WRONG_STATE });
    predict('pc1.setRemoteDescription(answer) again');
  }
  return log.events;
}

function settle(events: readonly PlaygroundEvent[]): Record<string, CheckResult> {
  return Object.fromEntries(evaluateChecks(checks, events, [], true).map((r) => [r.id, r]));
}

describe('lesson 03 checks', () => {
  it('has the two goals of the lesson', () => {
    expect(checks.map((c) => c.id)).toEqual(['predictions-right', 'invalid-state-caught']);
  });

  it('pass for the solution’s run', () => {
    const results = settle(run());
    expect(results['predictions-right']).toMatchObject({ status: 'passed', reason: 'All 8 predictions were right.' });
    expect(results['invalid-state-caught']?.status).toBe('passed');
    expect(results['invalid-state-caught']?.reason).toMatch(/^pc 1's setRemoteDescription\(\) failed with InvalidStateError \(.*Called in wrong state: stable\)/);
  });

  it('fail for the starting files: every prediction still "?", and no error provoked', () => {
    const results = settle(run({ guesses: RIGHT.slice(0, 7).map(() => '?'), again: 'none' }));
    expect(results['predictions-right']?.status).toBe('failed');
    expect(results['predictions-right']?.reason).toMatch(/^7 of 7 predictions are not a state yet \(e\.g\. pc1\.createOffer\(\): "\?"\)/);
    expect(results['invalid-state-caught']).toMatchObject({ status: 'failed' });
    expect(results['invalid-state-caught']?.reason).toMatch(/apply the answer to pc1 a second time/);
  });

  it('names each wrong prediction with the state the connection was really in', () => {
    const guesses = [...RIGHT];
    guesses[0] = 'have-local-offer'; // createOffer does not change the state
    guesses[2] = 'have-local-offer'; // pc2 applied a remote offer
    const results = settle(run({ guesses }));
    expect(results['predictions-right']).toMatchObject({
      status: 'failed',
      reason:
        "2 of 8 wrong: pc1.createOffer(): you said 'have-local-offer', it was 'stable'; pc2.setRemoteDescription(offer): you said 'have-local-offer', it was 'have-remote-offer'.",
    });
  });

  it('reads the state of the connection the last call was on, also after a failed call', () => {
    const all = predictions(run());
    expect(all.map((p) => p.actual)).toEqual(RIGHT);
    expect(all.map((p) => p.call?.pc)).toEqual([1, 1, 2, 2, 1, 1, 1, 1]);
    expect(all.filter((p) => p.rollback).map((p) => p.step)).toEqual(["pc1.setLocalDescription({ type: 'rollback' })"]);
  });

  it('waits for a rollback prediction before passing', () => {
    const events = run({ again: 'none' }).filter((e) => !(e.type === 'report' && e.name.includes('rollback')));
    expect(evaluateChecks(checks, events, [], false)[0]).toMatchObject({ status: 'pending', reason: '6 right so far; predict the state after the rollback too.' });
  });

  it('fails when the InvalidStateError was not caught', () => {
    const results = settle(run({ again: 'uncaught' }));
    expect(results['invalid-state-caught']?.status).toBe('failed');
    expect(results['invalid-state-caught']?.reason).toMatch(/^The InvalidStateError was not caught .*try \{ … \} catch/);
  });

  it('waits while nothing was predicted', () => {
    const results = evaluateChecks(checks, new LogBuilder().started().pc(1).events, [], false);
    expect(results[0]?.reason).toMatch(/^No prediction yet/);
  });
});
