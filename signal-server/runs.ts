/**
 * The runs waiting to be served on the sandbox origin, kept in memory. A run's
 * id is its only secret (128 random bits), so one learner cannot guess
 * another's run. Runs expire an hour after creation; when the store is full the
 * oldest runs make room, so a learner pressing Run all afternoon never sees an error.
 */
import { randomBytes } from 'node:crypto';

export interface Run {
  id: string;
  files: ReadonlyMap<string, string>;
  createdAt: number;
  /** The memory its files take (memoryOfRun), not their UTF-8 size. */
  bytes: number;
}

export interface StoreLimits {
  maxRuns: number;
  /** Memory all stored runs may take, as memoryOfRun counts it. */
  maxBytes: number;
  ttlMs: number;
}

export const DEFAULT_STORE_LIMITS: StoreLimits = {
  maxRuns: 1000,
  maxBytes: 64 * 1024 * 1024,
  ttlMs: 60 * 60 * 1000,
};

/** Roughly what V8 and the Map spend on one file besides its characters: two string headers and an entry. */
export const FILE_OVERHEAD_BYTES = 64;

const ONLY_LATIN1 = /^[\x00-\xff]*$/;

/**
 * What a string costs in V8: one byte a character when every character is
 * Latin-1 (U+0000–U+00FF), else two bytes a character for the whole string.
 * UTF-8 size is no measure of that: one emoji in a megabyte of ASCII doubles
 * the string's memory, and Latin-1 letters take one byte here but two in UTF-8.
 */
export function memoryOfString(text: string): number {
  return ONLY_LATIN1.test(text) ? text.length : 2 * text.length;
}

export function memoryOfRun(files: ReadonlyMap<string, string>): number {
  let bytes = 0;
  for (const [path, text] of files) bytes += memoryOfString(path) + memoryOfString(text) + FILE_OVERHEAD_BYTES;
  return bytes;
}

export const RUN_ID_PATTERN = /^[0-9a-f]{32}$/;

export function newRunId(): string {
  return randomBytes(16).toString('hex');
}

export interface RunStore {
  create(files: ReadonlyMap<string, string>): Run;
  /** The run, or undefined when the id is malformed, unknown or expired. */
  get(id: string): Run | undefined;
  /** Drops expired runs; called on a timer and before every create. */
  sweep(): void;
  readonly size: number;
  readonly bytes: number;
  clear(): void;
}

export function createRunStore(
  limits: StoreLimits = DEFAULT_STORE_LIMITS,
  now: () => number = Date.now,
  makeId: () => string = newRunId,
): RunStore {
  // A Map iterates in insertion order, which is creation order: the first entry is the oldest.
  const runs = new Map<string, Run>();
  let bytes = 0;

  const remove = (run: Run) => {
    runs.delete(run.id);
    bytes -= run.bytes;
  };
  const expired = (run: Run) => now() - run.createdAt >= limits.ttlMs;

  const store: RunStore = {
    create(files) {
      store.sweep();
      const size = memoryOfRun(files);
      for (const oldest of runs.values()) {
        if (runs.size < limits.maxRuns && bytes + size <= limits.maxBytes) break;
        remove(oldest);
      }
      let id = makeId();
      while (runs.has(id)) id = makeId();
      const run: Run = { id, files: new Map(files), createdAt: now(), bytes: size };
      runs.set(id, run);
      bytes += size;
      return run;
    },
    get(id) {
      if (!RUN_ID_PATTERN.test(id)) return undefined;
      const run = runs.get(id);
      if (run && expired(run)) {
        remove(run);
        return undefined;
      }
      return run;
    },
    sweep() {
      for (const run of runs.values()) {
        if (!expired(run)) break;
        remove(run);
      }
    },
    get size() {
      return runs.size;
    },
    get bytes() {
      return bytes;
    },
    clear() {
      runs.clear();
      bytes = 0;
    },
  };
  return store;
}
