/**
 * The runtime half of the loop guard (see sandbox/transform/loop-guard.ts).
 *
 * What is measured is how long a loop has run *without the event loop
 * turning*: that is what freezes a page. A loop that awaits a timer between
 * iterations (polling stats every second, say) lets the page breathe and is
 * never stopped, while `while (true) {}` and `while (true) await null` (which
 * only spins microtasks) are. To notice a turn, the guard posts itself a
 * message (a task) and counts the turns it sees arrive; an entry whose turn
 * count moved starts its clock again.
 *
 * Reading the clock on every iteration would slow tight loops down many times
 * over, so each entry reads it about once per millisecond of running time:
 * the number of iterations between reads doubles while iterations are cheap
 * and halves when they are slow.
 */
import { LOOP_BUDGET_MS, type LoopEntry, type LoopGuardRuntime, type LoopKind } from '../transform/loop-guard-api.ts';

export interface LoopStop {
  kind: LoopKind;
  file: string;
  line: number;
  column: number;
  ranForMs: number;
}

export interface LoopGuardDeps {
  now(): number;
  /** Runs `callback` in a later task (not a microtask). */
  scheduleTurn(callback: () => void): void;
  /** Builds (and reports) the error the stopped loop throws. */
  onStop(stop: LoopStop): Error;
  budgetMs?: number;
}

const MAX_STRIDE = 1024;

export function createLoopGuard(deps: LoopGuardDeps): LoopGuardRuntime {
  const budget = deps.budgetMs ?? LOOP_BUDGET_MS;
  let turns = 0;
  let turnPending = false;
  const onTurn = () => {
    turns++;
    turnPending = false;
  };

  class Entry implements LoopEntry {
    private readonly kind: LoopKind;
    private readonly file: string;
    private readonly line: number;
    private readonly column: number;
    private start: number;
    private lastRead: number;
    private turn = turns;
    private stride = 1;
    private countdown = 1;

    constructor(kind: LoopKind, file: string, line: number, column: number) {
      this.kind = kind;
      this.file = file;
      this.line = line;
      this.column = column;
      this.start = this.lastRead = deps.now();
    }

    check(): void {
      if (--this.countdown > 0) return;
      const now = deps.now();
      if (this.turn !== turns) {
        this.turn = turns;
        this.start = now;
      } else if (now - this.start > budget) {
        throw deps.onStop({ kind: this.kind, file: this.file, line: this.line, column: this.column, ranForMs: now - this.start });
      }
      const sinceRead = now - this.lastRead;
      this.lastRead = now;
      if (sinceRead < 0.5) this.stride = Math.min(this.stride * 2, MAX_STRIDE);
      else if (sinceRead > 2) this.stride = Math.max(1, this.stride >> 1);
      this.countdown = this.stride;
      if (!turnPending) {
        turnPending = true;
        deps.scheduleTurn(onTurn);
      }
    }
  }

  return {
    enter: (kind, file, line, column) => new Entry(kind, file, line, column),
  };
}

const KIND_NAMES: Record<LoopKind, string> = {
  while: 'while',
  'do-while': 'do…while',
  for: 'for',
  'for-in': 'for…in',
  'for-of': 'for…of',
};

export function loopStopMessage(stop: LoopStop): string {
  const seconds = (Math.round(stop.ranForMs / 100) / 10).toString();
  return (
    `Stopped the ${KIND_NAMES[stop.kind]} loop at ${stop.file}:${stop.line} after it ran for ${seconds} s ` +
    'without letting the page do anything else, which would freeze the page. ' +
    'Check that its condition can become false, or that something inside it breaks out.'
  );
}

export class LoopGuardError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LoopGuardError';
  }
}
