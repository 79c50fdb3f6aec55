import { describe, expect, it } from 'vitest';
import { createRunStore, summarise, summaryText } from '../../../site/src/workspace/run-store.ts';
import type { Check } from '../../../sandbox/checks/types.ts';
import type { PlaygroundEvent } from '../../../sandbox/log/events.ts';

// A check that passes once "ready" was logged, and fails at once on any error.
const readyCheck: Check = {
  id: 'ready',
  title: 'The program says ready',
  verify(events) {
    if (events.some((e) => e.type === 'error')) return { status: 'failed', reason: 'An error was thrown.' };
    return events.some((e) => e.type === 'console' && e.text === 'ready')
      ? { status: 'passed', detail: 'It said ready.' }
      : { status: 'pending', reason: 'Waiting for "ready".' };
  },
};

const log = (seq: number, text: string): PlaygroundEvent => ({ type: 'console', seq, t: seq, level: 'log', text });

describe('createRunStore', () => {
  it('shows every check as not run before the first run', () => {
    const store = createRunStore();
    store.setChecks([readyCheck]);
    expect(store.results.get()).toEqual([
      { id: 'ready', title: 'The program says ready', status: 'pending', reason: 'Not run yet: press Run.' },
    ]);
    expect(summaryText(store.summary.get())).toBe('0 of 1 check passed');
  });

  it('judges each batch live and latches a pass', () => {
    const store = createRunStore();
    store.setChecks([readyCheck]);
    store.begin();
    expect(store.results.get()[0]).toMatchObject({ status: 'pending', reason: 'Waiting for "ready".' });
    store.append([log(0, 'hello')]);
    expect(store.results.get()[0]?.status).toBe('pending');
    store.append([log(1, 'ready')]);
    expect(store.results.get()[0]).toMatchObject({ status: 'passed', reason: 'It said ready.' });
    expect(store.summary.get()).toEqual({ passed: 1, total: 1, allPassed: true });
    store.append([{ type: 'error', seq: 2, t: 2, kind: 'uncaught', name: 'Error', message: 'late' }]);
    expect(store.results.get()[0]?.status).toBe('passed');
  });

  it('turns what is still pending into failed when the run settles', () => {
    const store = createRunStore();
    store.setChecks([readyCheck]);
    store.begin();
    store.append([log(0, 'hello')]);
    store.settle();
    expect(store.settled.get()).toBe(true);
    expect(store.results.get()[0]).toMatchObject({ status: 'failed', reason: 'Waiting for "ready".' });
  });

  it('starts each run from an empty log with fresh results', () => {
    const store = createRunStore();
    store.setChecks([readyCheck]);
    store.begin();
    store.append([log(0, 'ready')]);
    store.settle();
    store.begin();
    expect(store.log.get()).toMatchObject({ run: 2, events: [], batch: [] });
    expect(store.settled.get()).toBe(false);
    expect(store.results.get()[0]?.status).toBe('pending');
  });

  it('publishes each batch so views can render only what is new', () => {
    const store = createRunStore();
    const seen: string[][] = [];
    store.log.listen((value) => seen.push(value.batch.map((e) => (e.type === 'console' ? e.text : e.type))));
    store.begin();
    store.append([log(0, 'a'), log(1, 'b')]);
    store.append([]);
    store.append([log(2, 'c')]);
    expect(seen).toEqual([[], ['a', 'b'], ['c']]);
    expect(store.log.get().events).toHaveLength(3);
  });

  it('judges the recorded events when the checks arrive after the run began', () => {
    const store = createRunStore();
    store.begin();
    store.append([log(0, 'ready')]);
    store.setChecks([readyCheck]);
    expect(store.results.get()[0]?.status).toBe('passed');
  });

  it('does nothing on settle before any run', () => {
    const store = createRunStore();
    store.setChecks([readyCheck]);
    store.settle();
    expect(store.settled.get()).toBe(false);
    expect(store.results.get()[0]?.reason).toBe('Not run yet: press Run.');
  });
});

describe('summaries', () => {
  it('counts passes and says so in words', () => {
    const s = summarise([
      { id: 'a', title: 'A', status: 'passed', reason: '' },
      { id: 'b', title: 'B', status: 'failed', reason: '' },
    ]);
    expect(s).toEqual({ passed: 1, total: 2, allPassed: false });
    expect(summaryText(s)).toBe('1 of 2 checks passed');
    expect(summarise([]).allPassed).toBe(false);
    expect(summaryText(summarise([]))).toBe('This lesson has no checks.');
  });
});

describe('discard', () => {
  it('puts the checks back to "not run" when a run never started', () => {
    const store = createRunStore();
    store.setChecks([readyCheck]);
    store.begin();
    store.discard();
    expect(store.results.get()[0]).toMatchObject({ status: 'pending', reason: 'Not run yet: press Run.' });
    expect(store.log.get().events).toHaveLength(0);
  });
});
