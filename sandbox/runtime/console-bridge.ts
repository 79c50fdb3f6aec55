/**
 * Copies every console call into the log as readable text, then lets the
 * original console print as usual (DevTools still works). Covers log, info,
 * warn, error, debug, table, dir, trace, assert, count, time and group.
 *
 * A program that logs in a tight loop must not drown the page: past
 * MAX_PER_SECOND lines in a second the rest of that second is counted, not
 * sent, and one line says how many were left out.
 */
import type { ConsoleLevel } from '../log/events.ts';
import { formatArgs } from './format/args.ts';
import { formatTable } from './format/table.ts';
import { elapsed, natives } from './natives.ts';
import { MAX_JSON_STRING, truncateLine } from '../limits.ts';
import type { Recorder } from './recorder.ts';
import { cleanStack, locationFromStack } from './source-location.ts';

export const MAX_PER_SECOND = 500;

type Method = 'log' | 'info' | 'warn' | 'error' | 'debug' | 'table' | 'dir' | 'dirxml' | 'trace' | 'assert' | 'count' | 'countReset' | 'time' | 'timeLog' | 'timeEnd' | 'group' | 'groupCollapsed' | 'groupEnd';

/** Methods that print one line each time (their rate is what a flood is made of). */
const PLAIN_OUTPUT = new Set<Method>(['log', 'info', 'warn', 'error', 'debug', 'dir', 'dirxml', 'table', 'trace']);

const METHODS: Method[] = ['log', 'info', 'warn', 'error', 'debug', 'table', 'dir', 'dirxml', 'trace', 'assert', 'count', 'countReset', 'time', 'timeLog', 'timeEnd', 'group', 'groupCollapsed', 'groupEnd'];

/**
 * The browser's own console gets a string argument cut at MAX_JSON_STRING:
 * with DevTools (or a test driver) attached, a 64 MiB string is copied into a
 * protocol message, which keeps the frame busy for seconds. The log got its
 * copy, cut shorter still, from the bridge.
 */
function forNativeConsole(arg: unknown): unknown {
  return typeof arg === 'string' ? truncateLine(arg, MAX_JSON_STRING) : arg;
}

export function installConsoleBridge(recorder: Recorder, base: string): void {
  const counts = new Map<string, number>();
  const timers = new Map<string, number>();
  let depth = 0;
  let busy = false;
  let windowStart = 0;
  let inWindow = 0;
  let dropped = 0;
  const options = { cleanStack: (stack: string) => cleanStack(stack, base) };

  const reportDropped = () => {
    if (dropped === 0) return;
    recorder.record({ type: 'console', level: 'warn', text: `… ${dropped} more console messages were not shown (more than ${MAX_PER_SECOND} in one second).` });
    dropped = 0;
  };

  /** Whether one more line fits in this second; past the limit it is counted as dropped instead. */
  const admit = (): boolean => {
    const now = elapsed();
    if (now - windowStart >= 1000) {
      reportDropped();
      windowStart = now;
      inWindow = 0;
    }
    if (++inWindow <= MAX_PER_SECOND) return true;
    if (dropped++ === 0) natives.setTimeout(reportDropped, 1000 - (now - windowStart));
    return false;
  };

  /** Records a line that was already admitted. */
  const write = (level: ConsoleLevel, text: string) => {
    const indented = depth ? text.replace(/^/gm, '  '.repeat(depth)) : text;
    const location = locationFromStack(new Error().stack, base);
    recorder.record({ type: 'console', level, text: indented, ...(location ? { location } : {}) });
  };

  const emit = (level: ConsoleLevel, text: string) => {
    if (admit()) write(level, text);
  };

  const label = (value: unknown) => (value === undefined ? 'default' : String(value));

  const bridge = (method: Method, args: unknown[]) => {
    switch (method) {
      case 'log':
      case 'info':
      case 'warn':
      case 'error':
      case 'debug':
        return write(method, formatArgs(args, options));
      case 'dir':
      case 'dirxml':
        return write('log', formatArgs(args.slice(0, 1), options));
      case 'table':
        return write('log', formatTable(args[0], args[1] as unknown[] | undefined, options) ?? formatArgs(args, options));
      case 'trace': {
        const frames = cleanStack(new Error().stack ?? '', base).split('\n').slice(1).join('\n');
        return write('log', `Trace${args.length ? `: ${formatArgs(args, options)}` : ''}${frames ? `\n${frames}` : ''}`);
      }
      case 'assert':
        if (args[0]) return;
        return emit('error', `Assertion failed${args.length > 1 ? `: ${formatArgs(args.slice(1), options)}` : ''}`);
      case 'count': {
        const name = label(args[0]);
        const n = (counts.get(name) ?? 0) + 1;
        counts.set(name, n);
        return emit('info', `${name}: ${n}`);
      }
      case 'countReset':
        counts.delete(label(args[0]));
        return;
      case 'time':
        timers.set(label(args[0]), natives.now());
        return;
      case 'timeLog':
      case 'timeEnd': {
        const name = label(args[0]);
        const start = timers.get(name);
        if (method === 'timeEnd') timers.delete(name);
        if (start === undefined) return emit('warn', `Timer "${name}" does not exist`);
        const extra = method === 'timeLog' && args.length > 1 ? ` ${formatArgs(args.slice(1), options)}` : '';
        return emit('info', `${name}: ${(natives.now() - start).toFixed(3)} ms${extra}`);
      }
      case 'group':
      case 'groupCollapsed':
        if (args.length) emit('log', formatArgs(args, options));
        depth++;
        return;
      case 'groupEnd':
        depth = Math.max(0, depth - 1);
        return;
    }
  };

  for (const method of METHODS) {
    const original = console[method] as (...args: unknown[]) => void;
    if (typeof original !== 'function') continue;
    const wrapped = {
      [method](...args: unknown[]) {
        // In a flood, a plain line past the limit is neither formatted nor
        // printed natively: with DevTools (or a test driver) attached, each
        // native call costs a protocol message, and the frame would crawl.
        if (!busy && PLAIN_OUTPUT.has(method) && !admit()) return;
        // A value whose formatting logs (a getter, a toJSON) must not recurse.
        if (!busy) {
          busy = true;
          try {
            bridge(method, args);
          } catch {
            // Formatting must never break the learner's program.
          } finally {
            busy = false;
          }
        }
        return original.apply(console, args.map(forNativeConsole));
      },
    }[method] as (...args: unknown[]) => void;
    (console as unknown as Record<string, unknown>)[method] = wrapped;
  }
}
