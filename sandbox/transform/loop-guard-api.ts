/**
 * The contract between the loop-guard transform (runs on the server, rewrites
 * the learner's files) and the loop-guard runtime (runs in the frame). Kept
 * free of imports so the runtime bundle does not pull in the parser.
 */

/** The global the transformed code reaches for; the runtime installs it. */
export const LOOP_GUARD_GLOBAL = '__playgroundLoop';

/** How long a loop may run without the event loop turning before it is stopped. */
export const LOOP_BUDGET_MS = 1500;

export type LoopKind = 'while' | 'do-while' | 'for' | 'for-in' | 'for-of';

/** One entry into one loop. The transformed code calls `check()` at the top of every iteration. */
export interface LoopEntry {
  check(): void;
}

export interface LoopGuardRuntime {
  /** `line` is 1-based, `column` 1-based, both in the learner's file. */
  enter(kind: LoopKind, file: string, line: number, column: number): LoopEntry;
}
