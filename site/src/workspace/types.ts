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
}

export type Files = Record<string, string>;

export type RunState = 'idle' | 'starting' | 'running' | 'stopping';
