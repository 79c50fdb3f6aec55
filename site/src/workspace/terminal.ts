/**
 * The console's visible terminal: xterm, read-only, sized to its box. Loaded
 * lazily. It is for the eyes; the accessible copy of the same lines is the
 * console log (console-log.ts), because xterm's own accessibility tree holds
 * only the rows in view, cut at the terminal's width.
 */
import { Terminal, type ITheme } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import type { TerminalView, Theme } from './types.ts';

// Level colours chosen for contrast on each background (the terminal's own defaults are for black).
const PALETTES: Record<Theme, ITheme> = {
  light: { red: '#b42318', yellow: '#7a5200', blue: '#175cd3', green: '#067647', cursor: 'transparent' },
  dark: { red: '#ff8a80', yellow: '#f5c451', blue: '#7cb7ff', green: '#75d99a', cursor: 'transparent' },
};

export function createTerminal(host: HTMLElement, theme: Theme): TerminalView {
  const term = new Terminal({
    disableStdin: true,
    cursorBlink: false,
    convertEol: false,
    scrollback: 5000,
    fontSize: 13,
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
    theme: themeFor(host, theme),
  });
  const fit = new FitAddon();
  term.loadAddon(fit);
  host.replaceChildren();
  term.open(host);
  // Hide the cursor: this terminal only prints.
  term.write('\x1b[?25l');
  if (term.textarea) term.textarea.setAttribute('aria-label', 'Console output (read-only; Page Up and Page Down scroll)');
  // Keyboard scrolling, since there is no input to type into.
  term.attachCustomKeyEventHandler((event) => {
    // Tab must leave the console, as on any read-only control: false keeps xterm from consuming it.
    if (event.key === 'Tab') return false;
    if (event.type !== 'keydown') return true;
    const scroll: Record<string, () => void> = {
      PageUp: () => term.scrollPages(-1),
      PageDown: () => term.scrollPages(1),
      ArrowUp: () => term.scrollLines(-1),
      ArrowDown: () => term.scrollLines(1),
      Home: () => term.scrollToTop(),
      End: () => term.scrollToBottom(),
    };
    const action = scroll[event.key];
    if (!action) return true;
    action();
    event.preventDefault();
    return false;
  });

  const refit = () => {
    // A hidden or zero-sized box (a collapsed layout) cannot be measured; try again on the next resize.
    if (host.clientWidth > 0 && host.clientHeight > 0) fit.fit();
  };
  const resizeObserver = new ResizeObserver(refit);
  resizeObserver.observe(host);
  refit();

  return {
    write(data) {
      term.write(data);
    },
    clear() {
      term.reset();
      term.write('\x1b[?25l');
    },
    setTheme(next) {
      // Let Starlight's variables settle on the new theme before reading the box's colours.
      requestAnimationFrame(() => {
        term.options.theme = themeFor(host, next);
      });
    },
    dispose() {
      resizeObserver.disconnect();
      term.dispose();
    },
  };
}

/** The terminal's background and text follow the box's CSS (Starlight's colours); the level colours follow the theme. */
function themeFor(host: HTMLElement, theme: Theme): ITheme {
  const style = getComputedStyle(host);
  return {
    ...PALETTES[theme],
    background: style.backgroundColor,
    foreground: style.color,
    selectionBackground: theme === 'dark' ? '#3a4a66' : '#c8d8f0',
  };
}
