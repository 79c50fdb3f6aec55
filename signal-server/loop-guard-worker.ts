/**
 * The loop-guard transform, on its own thread. Parsing a megabyte of learner
 * JavaScript takes a second or two; on the server's one main thread that
 * second would stall every other user's signaller, rooms and pages.
 * Started by loop-guard-service.ts; one job at a time, answered in order.
 */
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { guardHtmlScripts } from '../sandbox/transform/html-scripts.ts';
import { guardLoops } from '../sandbox/transform/loop-guard.ts';

export type GuardKind = 'script' | 'html';

export interface GuardJob {
  id: number;
  kind: GuardKind;
  source: string;
  file: string;
}

export type GuardAnswer = { id: number; output: string } | { id: number; error: string };

// On Linux a nice value belongs to one thread: this one yields the CPU to the
// server's main thread (signaller, rooms, pages) when both want it. Elsewhere
// the call would lower the whole process, so it is left alone.
if (process.platform === 'linux') {
  try {
    setPriority(10);
  } catch {
    // Not permitted here: the worker still keeps the main thread free, only less politely.
  }
}

const transforms: Record<GuardKind, (source: string, file: string) => string> = { script: guardLoops, html: guardHtmlScripts };

parentPort?.on('message', (job: GuardJob) => {
  let answer: GuardAnswer;
  try {
    answer = { id: job.id, output: transforms[job.kind](job.source, job.file) };
  } catch (error) {
    answer = { id: job.id, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
  parentPort?.postMessage(answer);
});
