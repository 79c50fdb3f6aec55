/**
 * Maps browser URLs back to the learner's file names. The frame loads the
 * learner's files from `<sandbox origin>/run/<id>/<file>`, so a stack frame or
 * an error event names `http://127.0.0.1:4322/run/9f…/main.js`; the learner
 * wrote "main.js". Frames of the playground itself (runtime.js, the bundled
 * PeerJS) are not the learner's and are left out of stacks. Pure, unit-tested.
 */
import type { SourceLocation } from '../log/events.ts';

/** `${origin}/run/${runId}/` */
export function runBase(origin: string, runId: string): string {
  return `${origin}/run/${encodeURIComponent(runId)}/`;
}

/** "main.js" for a URL of this run's files, or null for anything else. */
export function fileFromUrl(url: string, base: string): string | null {
  if (!url.startsWith(base)) return null;
  const path = url.slice(base.length).replace(/[?#].*$/, '');
  if (!path) return null;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** A location in the run's files from a URL and position, or undefined if the URL is not the learner's. */
export function locationFromUrl(url: string | undefined, line: number | undefined, column: number | undefined, base: string): SourceLocation | undefined {
  if (!url || !line) return undefined;
  const file = fileFromUrl(url, base);
  if (!file) return undefined;
  return column ? { file, line, column } : { file, line };
}

// "    at fn (http://h/run/x/main.js:12:5)" or "    at http://h/run/x/main.js:12:5"
const FRAME_URL = /\(?((?:https?|blob):[^\s()]+?):(\d+):(\d+)\)?\s*$/;

/** The first stack frame that is in the learner's files. */
export function locationFromStack(stack: string | undefined, base: string): SourceLocation | undefined {
  if (!stack) return undefined;
  for (const line of stack.split('\n')) {
    const match = FRAME_URL.exec(line);
    if (!match) continue;
    const location = locationFromUrl(match[1], Number(match[2]), Number(match[3]), base);
    if (location) return location;
  }
  return undefined;
}

/** The stack with the learner's URLs shortened to file names and the playground's own frames dropped. */
export function cleanStack(stack: string, base: string): string {
  const lines = stack.split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const match = FRAME_URL.exec(line);
    if (!match) {
      out.push(line);
      continue;
    }
    const file = fileFromUrl(match[1] ?? '', base);
    if (file) out.push(line.replace(match[1] ?? '', file));
  }
  return out.join('\n');
}
