import type { SourceLocation } from '../../../sandbox/log/events.ts';
import type { ConsoleLine } from './console-format.ts';

/** What the lesson page hands the workspace (serialised into the page by Playground.astro). */
export interface LessonData {
  /** Folder name without "NN-", e.g. "two-peers". */
  slug: string;
  title: string;
  /** Starting files, by flat file name ("index.html", "main.js"). */
  files: Record<string, string>;
  /** The complete solution, same file names. */
  solution: Record<string, string>;
  /** File opened first. */
  focus: string;
  /** Seconds after Run when the checks settle. */
  timeLimit: number;
  /** Two tabs run the lesson as its two sides (frontmatter `pairing`): the page offers the other side's link and QR code. */
  pairing: boolean;
}


export type Files = Record<string, string>;

export type RunState = 'idle' | 'starting' | 'running' | 'stopping';

export type Theme = 'light' | 'dark';

/** An error of the last run with where it happened, for a mark in the editor. */
export interface RunError {
  location: SourceLocation;
  message: string;
}

/**
 * What the rest of the workspace may ask of the editor. Declared here, apart
 * from editor.ts, so that modules and tests using it do not load Monaco.
 */
export interface EditorHandle {
  /** Puts the starting files back as an edit, so Ctrl+Z brings the learner's code back. Returns whether anything changed. */
  resetToStarting(): boolean;
  /** Puts these texts into the lesson's files as one undoable edit each (another tab's version). Returns whether anything changed. */
  replaceFiles(files: Readonly<Record<string, string>>): boolean;
  /** Marks where errors of the last run happened (in the files that ran: the solution's, if it was shown). */
  showErrors(errors: readonly RunError[], inSolution: boolean): void;
  clearErrors(): void;
  setTheme(theme: Theme): void;
  focus(): void;
  dispose(): void;
}

/** The Console panel, as the run controller sees it. */
export interface ConsoleView {
  print(lines: readonly ConsoleLine[]): void;
  clear(): void;
  setTheme(theme: Theme): void;
}

/** The xterm terminal inside the Console panel. */
export interface TerminalView {
  write(data: string): void;
  clear(): void;
  setTheme(theme: Theme): void;
  dispose(): void;
}
