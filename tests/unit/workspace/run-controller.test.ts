import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRunController, type Host } from '../../../site/src/workspace/run-controller.ts';
import { createRunStore } from '../../../site/src/workspace/run-store.ts';
import { createFilesStores } from '../../../site/src/workspace/stores.ts';
import type { ConsoleLine } from '../../../site/src/workspace/console-format.ts';
import type { RunError } from '../../../site/src/workspace/types.ts';
import type { RunEndReason, RunHandle, StartRunOptions } from '../../../sandbox/host/index.ts';
import type { Check } from '../../../sandbox/checks/types.ts';
import type { PlaygroundEvent } from '../../../sandbox/log/events.ts';
import { lesson } from './lesson.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const saidReady: Check = {
  id: 'ready',
  title: 'Says ready',
  verify: (events) =>
    events.some((e) => e.type === 'console' && e.text === 'ready')
      ? { status: 'passed' }
      : { status: 'pending', reason: 'Waiting for ready.' },
};

/** A host that records each run and lets the test play the frame's part. */
class FakeHost implements Host {
  runs: { options: StartRunOptions; stopped: boolean; end(reason: RunEndReason): void }[] = [];
  fail: Error | undefined;
  /** What the next handle says about a frame on the page's own site. */
  warning: string | null = null;

  async startRun(options: StartRunOptions): Promise<RunHandle> {
    if (this.fail) throw this.fail;
    let ended = false;
    const run = {
      options,
      stopped: false,
      end: (reason: RunEndReason) => {
        if (ended) return;
        ended = true;
        options.onEnd?.(reason);
      },
    };
    this.runs.push(run);
    options.signal?.addEventListener('abort', () => run.end('stopped'));
    return {
      id: `run-${this.runs.length}`,
      frame: {} as HTMLIFrameElement,
      ended: Promise.resolve('stopped'),
      stop: async () => {
        run.stopped = true;
        run.end('stopped');
      },
      warning: this.warning,
    };
  }
}

function setup(overrides: Partial<ReturnType<typeof lesson>> = {}) {
  const files = createFilesStores(lesson(overrides));
  const run = createRunStore();
  run.setChecks([saidReady]);
  const host = new FakeHost();
  const printed: ConsoleLine[] = [];
  const marked: { errors: RunError[]; inSolution: boolean }[] = [];
  const statuses: string[] = [];
  const preview: string[] = [];
  let completed = 0;
  const controller = createRunController({
    files,
    run,
    host,
    container: {} as HTMLElement,
    preview: { running: () => preview.push('running'), idle: (text) => preview.push(`idle: ${text}`) },
    console: { print: (lines) => printed.push(...lines), clear: () => (printed.length = 0), setTheme: () => {} },
    editor: () => ({
      resetToStarting: () => false,
      replaceFiles: () => false,
      showErrors: (errors, inSolution) => marked.push({ errors: [...errors], inSolution }),
      clearErrors: () => marked.push({ errors: [], inSolution: false }),
      setTheme: () => {},
      focus: () => {},
      dispose: () => {},
    }),
    status: (text) => statuses.push(text),
    onCompleted: () => completed++,
  });
  return { files, run, host, printed, marked, statuses, preview, controller, completed: () => completed };
}

const log = (seq: number, text: string): PlaygroundEvent => ({ type: 'console', seq, t: seq, level: 'log', text });

describe('run controller', () => {
  it('runs what the editor shows and feeds the events to the checks and the console', async () => {
    const t = setup();
    t.files.setFile('main.js', 'mine');
    await t.controller.run();
    expect(t.host.runs[0]?.options.files['main.js']).toBe('mine');
    expect(t.run.state.get()).toBe('running');
    t.host.runs[0]!.options.onEvents([log(0, 'hello'), log(1, 'ready')]);
    expect(t.printed.map((l) => l.text)).toEqual(['hello', 'ready']);
    expect(t.run.summary.get().allPassed).toBe(true);
    expect(t.completed()).toBe(1);
  });

  it('runs the solution while it is shown, and does not count it as completing the lesson', async () => {
    const t = setup();
    t.files.setSolutionShown(true);
    await t.controller.run();
    expect(t.host.runs[0]?.options.files['main.js']).toBe('console.log("solved");\n');
    t.host.runs[0]!.options.onEvents([log(0, 'ready')]);
    expect(t.run.summary.get().allPassed).toBe(true);
    expect(t.completed()).toBe(0);
  });

  it('marks errors with a location in the editor, in the files that ran', async () => {
    const t = setup();
    await t.controller.run();
    t.host.runs[0]!.options.onEvents([
      { type: 'error', seq: 0, t: 0, kind: 'uncaught', name: 'TypeError', message: 'x is not a function', location: { file: 'main.js', line: 12 } },
      { type: 'error', seq: 1, t: 1, kind: 'runtime', name: 'PreviewStopped', message: 'no location' },
    ]);
    expect(t.printed.map((l) => l.text)).toEqual([
      'Uncaught TypeError: x is not a function (main.js:12)',
      'Playground error: PreviewStopped: no location',
    ]);
    expect(t.marked.at(-1)).toEqual({
      errors: [{ location: { file: 'main.js', line: 12 }, message: 'TypeError: x is not a function' }],
      inSolution: false,
    });
  });

  it('settles the checks at the time limit and keeps the run going', async () => {
    const t = setup({ timeLimit: 5 });
    await t.controller.run();
    vi.advanceTimersByTime(4999);
    expect(t.run.results.get()[0]?.status).toBe('pending');
    vi.advanceTimersByTime(1);
    expect(t.run.results.get()[0]).toMatchObject({ status: 'failed', reason: 'Waiting for ready.' });
    expect(t.run.state.get()).toBe('running');
    expect(t.statuses.at(-1)).toMatch(/settled after 5 s/);
    // A late pass still counts.
    t.host.runs[0]!.options.onEvents([log(0, 'ready')]);
    expect(t.run.results.get()[0]?.status).toBe('passed');
  });

  it('Stop stops the frame, settles the checks and goes idle', async () => {
    const t = setup();
    await t.controller.run();
    await t.controller.stop();
    expect(t.host.runs[0]?.stopped).toBe(true);
    expect(t.run.state.get()).toBe('idle');
    expect(t.run.settled.get()).toBe(true);
    expect(t.run.results.get()[0]?.status).toBe('failed');
    expect(t.preview.at(-1)).toMatch(/^idle: Stopped/);
    // The time limit of a stopped run does nothing later.
    const results = t.run.results.get();
    vi.advanceTimersByTime(60_000);
    expect(t.run.results.get()).toBe(results);
  });

  it('a new Run replaces the running one, whose late events and end are ignored', async () => {
    const t = setup();
    await t.controller.run();
    const first = t.host.runs[0]!;
    await t.controller.run();
    expect(t.host.runs).toHaveLength(2);
    first.options.onEvents([log(0, 'ready')]);
    expect(t.run.log.get().events).toHaveLength(0);
    expect(t.run.state.get()).toBe('running');
  });

  it('an unresponsive frame ends the run with a sentence', async () => {
    const t = setup();
    await t.controller.run();
    t.host.runs[0]!.end('unresponsive');
    expect(t.run.state.get()).toBe('idle');
    expect(t.statuses.at(-1)).toMatch(/stopped responding/);
  });

  it('says in the console when the frame is on the page’s own site, and says nothing otherwise', async () => {
    const t = setup();
    await t.controller.run();
    expect(t.printed.filter((l) => l.level === 'warn')).toEqual([]);
    t.host.warning = 'The preview runs on the same site as this page (laptop.local)…';
    await t.controller.run();
    expect(t.printed).toContainEqual({ level: 'warn', text: t.host.warning });
  });

  it('a run that cannot start says why in the console and goes idle', async () => {
    const t = setup();
    t.host.fail = new Error('The playground server did not accept the run: too large');
    await t.controller.run();
    expect(t.printed.at(-1)).toMatchObject({ level: 'error', text: expect.stringMatching(/Could not start the run: .*too large/) });
    expect(t.run.state.get()).toBe('idle');
    expect(t.run.results.get()[0]?.reason).toBe('Not run yet: press Run.');
  });

  it('Stop while the run is still starting cancels it', async () => {
    const t = setup();
    let reject!: (error: Error) => void;
    t.host.startRun = (options) =>
      new Promise((_, rej) => {
        reject = rej;
        options.signal?.addEventListener('abort', () => rej(new DOMException('aborted', 'AbortError')));
      });
    const running = t.controller.run();
    expect(t.run.state.get()).toBe('starting');
    await t.controller.stop();
    await running;
    expect(reject).toBeTypeOf('function');
    expect(t.run.state.get()).toBe('idle');
    expect(t.printed.filter((l) => l.level === 'error')).toEqual([]);
  });
});
