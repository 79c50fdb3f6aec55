/**
 * Applies the loop guard to the files a run frame loads, without holding up
 * the server: the transform runs on a worker thread (loop-guard-worker.ts),
 * and its results are kept by content, so a reload, a second tab or four
 * parallel requests for the same file transform it once.
 *
 * Bounds, whatever a client sends: each file is at most 1 MiB (run-request.ts
 * refuses bigger ones when the run is created, and the learner reads why);
 * the cache holds at most `cacheBytes`; at most `maxQueued` distinct files
 * wait for the worker; one transform may take at most `timeoutMs`. A file the
 * guard cannot be applied to in time is served unguarded, with a console
 * warning saying so: the learner's program still runs, and the page's
 * watchdog still removes a frame that stops answering.
 */
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { ByteLru } from './byte-lru.ts';
import { describeError, type Logger } from './log.ts';
import type { GuardAnswer, GuardJob, GuardKind } from './loop-guard-worker.ts';

export type { GuardKind } from './loop-guard-worker.ts';

export interface LoopGuardService {
  /** `source` with its loops guarded (kind "html": the inline scripts of an HTML file). */
  guard(kind: GuardKind, source: string, file: string): Promise<string>;
  /** Starts the worker now, so the first run does not wait for it (a few hundred ms on a busy machine). */
  warm(): void;
  /** Stops the worker; later calls start a new one. */
  close(): Promise<void>;
}

export interface LoopGuardLimits {
  cacheBytes: number;
  maxQueued: number;
  timeoutMs: number;
}

export const DEFAULT_LOOP_GUARD_LIMITS: LoopGuardLimits = {
  cacheBytes: 64 * 1024 * 1024,
  maxQueued: 32,
  timeoutMs: 10_000,
};

const WORKER_URL = new URL('./loop-guard-worker.ts', import.meta.url);

interface Pending {
  job: GuardJob;
  key: string;
  resolve(output: string): void;
}

/**
 * The served text when the guard could not run: the source unchanged, with a
 * warning the learner sees in the console. The warning shares line 1 with
 * the source so every other line keeps its number; where a statement in front
 * would change the meaning (a hashbang, a "use strict" prologue) it goes last.
 */
export function unguardedScript(source: string, file: string, why: string): string {
  const warning = `console.warn(${JSON.stringify(`The loop guard was not applied to ${file} (${why}): an endless loop in it will not be stopped with a message; the playground removes the preview if the page stops answering.`)});`;
  const mustStayFirst = /^(#!|\s*(?:\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*['"])/.test(source);
  return mustStayFirst ? `${source}\n;${warning}` : `${warning}${source}`;
}

export function createLoopGuardService(log: Logger, limits: LoopGuardLimits = DEFAULT_LOOP_GUARD_LIMITS): LoopGuardService {
  const cache = new ByteLru(limits.cacheBytes);
  const inFlight = new Map<string, Promise<string>>();
  /** Jobs posted to the worker, oldest (the one it is running) first: it answers in order. */
  let queue: Pending[] = [];
  let worker: Worker | null = null;
  let timer: NodeJS.Timeout | null = null;
  let nextId = 1;

  const fallback = (pending: Pending, why: string) => {
    const { kind, source, file } = pending.job;
    pending.resolve(kind === 'script' ? unguardedScript(source, file, why) : source);
  };

  const startTimer = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const head = queue[0];
    if (!head) return;
    timer = setTimeout(() => {
      // The worker is stuck on this file: replace it, and give the others to the new one.
      log.error(`loop guard: ${head.job.file} took over ${limits.timeoutMs} ms; served unguarded`);
      const rest = queue.slice(1);
      queue = [];
      void stopWorker();
      fallback(head, `it took over ${limits.timeoutMs / 1000} s to guard`);
      for (const pending of rest) post(pending);
    }, limits.timeoutMs);
    timer.unref();
  };

  const onAnswer = (answer: GuardAnswer) => {
    const head = queue[0];
    if (head?.job.id !== answer.id) return;
    queue.shift();
    if ('output' in answer) {
      cache.set(head.key, answer.output);
      head.resolve(answer.output);
    } else {
      // A bug in the transform must never cost the learner their program.
      log.error(`loop guard failed on ${head.job.file}: ${answer.error}`);
      head.resolve(head.job.source);
    }
    startTimer();
  };

  const onWorkerGone = (reason: string) => {
    const lost = queue;
    queue = [];
    worker = null;
    if (timer) clearTimeout(timer);
    timer = null;
    if (lost.length > 0) log.error(`loop guard: the worker stopped (${reason}); ${lost.length} file(s) served unguarded`);
    for (const pending of lost) fallback(pending, 'the loop guard stopped working');
  };

  const ensureWorker = (): Worker => {
    if (worker) return worker;
    const started = new Worker(WORKER_URL);
    // An idle worker must not keep the process alive (start.ts and tests exit when done).
    started.unref();
    started.on('message', (answer: GuardAnswer) => onAnswer(answer));
    started.on('error', (error) => {
      if (worker === started) onWorkerGone(describeError(error));
    });
    started.on('exit', (code) => {
      if (worker === started) onWorkerGone(`exit code ${code}`);
    });
    worker = started;
    return started;
  };

  const post = (pending: Pending) => {
    queue.push(pending);
    ensureWorker().postMessage(pending.job);
    if (queue.length === 1) startTimer();
  };

  const stopWorker = async () => {
    const old = worker;
    worker = null;
    if (old) await old.terminate();
  };

  return {
    guard(kind, source, file) {
      const key = createHash('sha256').update(`${kind}\0${file}\0`).update(source).digest('base64');
      const cached = cache.get(key);
      if (cached !== undefined) return Promise.resolve(cached);
      const running = inFlight.get(key);
      if (running) return running;
      const job: GuardJob = { id: nextId++, kind, source, file };
      const result = new Promise<string>((resolve) => {
        const pending: Pending = { job, key, resolve };
        if (queue.length >= limits.maxQueued) {
          log.error(`loop guard: ${limits.maxQueued} files already waiting; ${file} served unguarded`);
          fallback(pending, 'the server is busy guarding other files');
        } else {
          post(pending);
        }
      });
      inFlight.set(key, result);
      void result.then(() => inFlight.delete(key));
      return result;
    },
    warm() {
      ensureWorker();
    },
    async close() {
      const waiting = queue;
      queue = [];
      if (timer) clearTimeout(timer);
      timer = null;
      await stopWorker();
      for (const pending of waiting) fallback(pending, 'the server is stopping');
    },
  };
}
