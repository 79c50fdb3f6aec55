/**
 * The Console panel: every line goes to the xterm terminal (loaded lazily,
 * for the eyes) and to a plain-text log beside it (`role=log`, for assistive
 * tech and for reading the text back). If the terminal cannot load, the log
 * is shown instead, so output is never lost.
 */
import { plainText, terminalText, type ConsoleLine } from './console-format.ts';

export type { ConsoleView };
import type { ConsoleView, TerminalView, Theme } from './types.ts';

/** The accessible log keeps the latest lines only; the terminal keeps its own scrollback. */
export const LOG_LINE_CAP = 1000;

export interface ConsoleElements {
  terminalHost: HTMLElement;
  log: HTMLElement;
}

export function createConsoleView({ terminalHost, log }: ConsoleElements, theme: Theme): ConsoleView {
  let terminal: TerminalView | undefined;
  let pending = '';
  let currentTheme = theme;

  import('./terminal.ts')
    .then(({ createTerminal }) => {
      terminal = createTerminal(terminalHost, currentTheme);
      terminal.write(pending);
      pending = '';
    })
    .catch((error: unknown) => {
      // Without the terminal, the plain log becomes the console everyone sees.
      terminalHost.hidden = true;
      log.classList.remove('pg-visually-hidden');
      log.classList.add('pg-console-fallback');
      console.error('The console terminal could not load:', error);
    });

  return {
    print(lines) {
      if (lines.length === 0) return;
      const data = lines.map(terminalText).join('');
      if (terminal) terminal.write(data);
      else pending += data;
      appendToLog(log, lines);
    },
    clear() {
      pending = '';
      terminal?.clear();
      log.replaceChildren();
    },
    setTheme(next) {
      currentTheme = next;
      terminal?.setTheme(next);
    },
  };
}

function appendToLog(log: HTMLElement, lines: readonly ConsoleLine[]): void {
  const fragment = document.createDocumentFragment();
  for (const line of lines) {
    const row = document.createElement('div');
    row.className = `pg-log-${line.level}`;
    row.textContent = plainText(line);
    fragment.append(row);
  }
  log.append(fragment);
  while (log.childElementCount > LOG_LINE_CAP) log.firstElementChild?.remove();
}
