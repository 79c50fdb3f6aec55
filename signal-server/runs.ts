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
  bytes: number;
}

export interface StoreLimits {
  maxRuns: number;
  /** Total UTF-8 bytes of all stored runs. */
  maxBytes: number;
  ttlMs: number;
}

export const DEFAULT_STORE_LIMITS: StoreLimits = {
  maxRuns: 1000,
  maxBytes: 64 * 1024 * 1024,
  ttlMs: 60 * 60 * 1000,
};

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
      let size = 0;
      for (const text of files.values()) size += Buffer.byteLength(text, 'utf8');
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
