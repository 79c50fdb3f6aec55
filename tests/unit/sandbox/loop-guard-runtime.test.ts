import { describe, expect, it } from 'vitest';
import vm from 'node:vm';
import { createLoopGuard, loopStopMessage, LoopGuardError, type LoopStop } from '../../../sandbox/runtime/loop-guard.ts';
import { guardLoops } from '../../../sandbox/transform/loop-guard.ts';

/** A guard on a fake clock that advances `step` ms per read, with turns we deliver by hand. */
function fakeGuard(step = 0.01) {
  let clock = 0;
  const queued: (() => void)[] = [];
  const stops: LoopStop[] = [];
  const guard = createLoopGuard({
    now: () => (clock += step),
    scheduleTurn: (callback) => queued.push(callback),
    onStop: (stop) => {
      stops.push(stop);
      return new LoopGuardError(loopStopMessage(stop));
    },
  });
  const turn = () => queued.splice(0).forEach((callback) => callback());
  return { guard, stops, turn, advance: (ms: number) => (clock += ms) };
}

describe('loop guard runtime', () => {
  it('stops a loop that runs past the budget without the event loop turning', () => {
    const { guard, stops } = fakeGuard();
    const entry = guard.enter('while', 'main.js', 3, 1);
    let iterations = 0;
    expect(() => {
      for (;;) {
        entry.check();
        iterations++;
      }
    }).toThrow(LoopGuardError);
    expect(stops).toHaveLength(1);
    expect(stops[0]).toMatchObject({ kind: 'while', file: 'main.js', line: 3, column: 1 });
    expect(stops[0]?.ranForMs).toBeGreaterThan(1500);
    // The clock is not read on every iteration once they prove cheap.
    expect(iterations).toBeGreaterThan(150_000 * 2);
  });

  it('lets a loop run on when the event loop turns between iterations', () => {
    const { guard, stops, turn, advance } = fakeGuard();
    const entry = guard.enter('for', 'main.js', 1, 1);
    for (let i = 0; i < 20; i++) {
      entry.check();
      advance(1000); // e.g. `await sleep(1000)` between iterations
      turn();
    }
    expect(stops).toHaveLength(0);
  });

  it('stops a loop whose iterations are each slow, without waiting for many of them', () => {
    const { guard, stops } = fakeGuard(400);
    const entry = guard.enter('do-while', 'a.js', 9, 2);
    let iterations = 0;
    expect(() => {
      for (;;) {
        entry.check();
        iterations++;
      }
    }).toThrow(/do…while loop at a\.js:9/);
    expect(iterations).toBeLessThan(10);
    expect(stops).toHaveLength(1);
  });

  it('gives every entry into a loop its own clock', () => {
    const { guard, stops, advance } = fakeGuard();
    guard.enter('while', 'main.js', 1, 1).check();
    advance(1400);
    const second = guard.enter('while', 'main.js', 1, 1);
    second.check();
    advance(1000);
    second.check();
    expect(stops).toHaveLength(0);
  });

  it('explains what was stopped and why', () => {
    const message = loopStopMessage({ kind: 'for-of', file: 'main.js', line: 12, column: 3, ranForMs: 1512 });
    expect(message).toContain('for…of loop at main.js:12');
    expect(message).toContain('1.5 s');
    expect(message).toMatch(/freeze/);
    expect(new LoopGuardError(message).name).toBe('LoopGuardError');
  });

  it('stops a transformed endless loop and leaves finite ones alone (real clock)', () => {
    const guard = createLoopGuard({
      now: () => performance.now(),
      scheduleTurn: () => {}, // a synchronous script never lets the event loop turn
      onStop: (stop) => new LoopGuardError(loopStopMessage(stop)),
      budgetMs: 100,
    });
    const context = vm.createContext({ __playgroundLoop: guard, out: [] as number[] });
    vm.runInContext(guardLoops('let s = 0; for (let i = 0; i < 1e5; i++) s += i; out.push(s);', 'main.js'), context);
    expect((context as { out: number[] }).out).toEqual([4999950000]);
    const started = performance.now();
    expect(() => vm.runInContext(guardLoops('let n = 0;\nwhile (n >= 0) n++;', 'main.js'), context, { timeout: 5000 })).toThrow(
      /while loop at main\.js:2/,
    );
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
