/**
 * console.log's arguments as one line of text, the way browsers print them:
 * strings as they are, other values inspected, `%s %d %i %f %o %O %c %%` in a
 * leading format string substituted. Pure, unit-tested.
 */
import { inspect, type InspectOptions } from './inspect.ts';

export function formatArgs(args: readonly unknown[], options: InspectOptions = {}): string {
  const parts: string[] = [];
  let rest = args;
  const first = args[0];
  if (typeof first === 'string' && first.includes('%')) {
    const used = { count: 0 };
    parts.push(substitute(first, args.slice(1), used, options));
    rest = args.slice(1 + used.count);
  } else if (args.length) {
    parts.push(plain(first, options));
    rest = args.slice(1);
  }
  for (const value of rest) parts.push(plain(value, options));
  return parts.join(' ');
}

function plain(value: unknown, options: InspectOptions): string {
  return typeof value === 'string' ? value : inspect(value, options);
}

function substitute(format: string, values: readonly unknown[], used: { count: number }, options: InspectOptions): string {
  return format.replace(/%([sdifoOc%])/g, (match, letter: string) => {
    if (letter === '%') return '%';
    if (used.count >= values.length) return match;
    const value = values[used.count++];
    switch (letter) {
      case 's':
        return typeof value === 'string' ? value : typeof value === 'object' && value !== null ? inspect(value, { ...options, depth: 1 }) : inspect(value, options);
      case 'd':
      case 'i':
        return toNumber(value, letter === 'i' ? Math.trunc : (n) => n);
      case 'f':
        return toNumber(value, (n) => n);
      case 'c':
        // CSS styling has no meaning in a terminal.
        return '';
      default:
        return inspect(value, options);
    }
  });
}

function toNumber(value: unknown, round: (n: number) => number): string {
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'symbol' || (typeof value === 'object' && value !== null)) return 'NaN';
  return String(round(Number(value)));
}
