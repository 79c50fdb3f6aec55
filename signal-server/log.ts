/**
 * One-line logging. Everything the server says goes through a Logger so tests
 * can capture it and `npm run dev` can prefix it beside astro's own output.
 */
export interface Logger {
  info(line: string): void;
  error(line: string): void;
}

export function consoleLogger(prefix = ''): Logger {
  const tag = prefix ? `[${prefix}] ` : '';
  return {
    info: (line) => console.log(tag + line),
    error: (line) => console.error(tag + line),
  };
}

export const silentLogger: Logger = { info() {}, error() {} };

/** The first line of an error's message: logs stay one line per event whatever was thrown. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const line = text.split('\n', 1)[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
