/**
 * Turns logged events into console lines: which events print, with what text
 * and level, and how a line is written to a terminal. Pure, so the rules are
 * tested without a terminal.
 */
import type { ConsoleLevel, PlaygroundEvent, SourceLocation } from '../../../sandbox/log/events.ts';

/** `system`: the playground speaking (run stopped, frame lost), not the learner's program. */
export type LineLevel = ConsoleLevel | 'system';

export interface ConsoleLine {
  level: LineLevel;
  /** Errors already say what they are ("Uncaught …"); console.warn/error lines do not. */
  error?: boolean;
  text: string;
  /** Where an error happened, for a marker in the editor. */
  location?: SourceLocation;
}

export function formatLocation(location: SourceLocation): string {
  return `${location.file}:${location.line}`;
}

/** The console's view of one event, or undefined for events the console does not show. */
export function consoleLine(event: PlaygroundEvent): ConsoleLine | undefined {
  switch (event.type) {
    case 'console':
      return { level: event.level, text: event.text };
    case 'error': {
      const where = event.location ? ` (${formatLocation(event.location)})` : '';
      const line: ConsoleLine = { level: 'error', error: true, text: `${errorPrefix(event.kind)}${event.name}: ${event.message}${where}` };
      if (event.location) line.location = event.location;
      return line;
    }
    case 'run':
      return event.status === 'stopped' ? { level: 'system', text: 'Stopped.' } : undefined;
    default:
      return undefined;
  }
}

function errorPrefix(kind: 'uncaught' | 'unhandledrejection' | 'loop-guard' | 'runtime'): string {
  switch (kind) {
    case 'uncaught':
      return 'Uncaught ';
    case 'unhandledrejection':
      return 'Uncaught (in promise) ';
    case 'loop-guard':
      return 'Loop stopped: ';
    case 'runtime':
      return 'Playground error: ';
  }
}

/**
 * Control characters other than tab and newline are shown as visible
 * placeholders: a program's text must never drive the terminal (move the
 * cursor, clear the screen, change colours).
 */
export function sanitise(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) =>
    c === '\u001b' ? '␛' : '\ufffd',
  );
}

const SGR: Record<LineLevel, string> = {
  log: '',
  info: '\x1b[34m',
  warn: '\x1b[33m',
  error: '\x1b[31m',
  debug: '\x1b[2m',
  system: '\x1b[2;3m',
};

/** The bytes to write to xterm for one line: coloured by level, every newline as CRLF. */
export function terminalText(line: ConsoleLine): string {
  const body = sanitise(line.text).replace(/\n/g, '\r\n');
  const colour = SGR[line.level];
  return colour ? `${colour}${body}\x1b[0m\r\n` : `${body}\r\n`;
}

/** The plain text of a line for the accessible log: one string per line, level named when it is not plain log output. */
export function plainText(line: ConsoleLine): string {
  const text = sanitise(line.text);
  if (line.level === 'warn') return `Warning: ${text}`;
  if (line.level === 'error' && !line.error) return `Error: ${text}`;
  return text;
}
