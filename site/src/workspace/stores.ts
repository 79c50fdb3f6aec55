/**
 * The workspace's files as state, apart from any UI: the learner's current
 * files, the starting files, the solution, which file is open, and whether the
 * solution is being shown. The editor, the tabs and the autosave all read and
 * write these stores; none of them owns the code.
 */
import { atom, computed, type ReadableAtom } from 'nanostores';
import type { Files, LessonData } from './types.ts';

export interface FilesStores {
  readonly lesson: LessonData;
  /** File names in tab order. */
  readonly names: readonly string[];
  /** The learner's own code. Never replaced by the solution. */
  readonly files: ReadableAtom<Files>;
  readonly openFile: ReadableAtom<string>;
  readonly solutionShown: ReadableAtom<boolean>;
  /** What the editor shows and what Run runs: the solution while it is shown, else the learner's code. */
  readonly shownFiles: ReadableAtom<Files>;
  /** True when the learner's files differ from the starting files. */
  readonly edited: ReadableAtom<boolean>;
  /**
   * Saved files the lesson no longer has (renamed or removed in an update):
   * not shown as tabs or run, but saved with the rest until the learner dismisses them.
   */
  readonly extraFiles: ReadableAtom<Files>;
  /** Everything to save: the learner's files and the extra ones. */
  readonly savedFiles: ReadableAtom<Files>;
  setFile(name: string, content: string): void;
  /** Replaces the learner's files (and the extra ones) with a saved set. */
  setFiles(files: Files): void;
  dismissExtraFile(name: string): void;
  open(name: string): void;
  setSolutionShown(shown: boolean): void;
}

/** index.html first (it is the entry), then the rest by name. */
export function tabOrder(names: Iterable<string>): string[] {
  return [...names].sort((a, b) => {
    if (a === b) return 0;
    if (a === 'index.html') return -1;
    if (b === 'index.html') return 1;
    return a.localeCompare(b);
  });
}

/**
 * Saved files are laid over the starting files by name: a file the lesson no
 * longer has is not shown (see extraFiles), a file the lesson gained appears with its starting text.
 */
export function mergeSaved(starting: Files, saved: Files | undefined): Files {
  const merged: Files = { ...starting };
  if (!saved) return merged;
  for (const name of Object.keys(starting)) {
    const text = saved[name];
    if (typeof text === 'string') merged[name] = text;
  }
  return merged;
}

/** The saved files whose names the lesson does not have. */
export function extraFiles(starting: Files, saved: Files | undefined): Files {
  const extra: Files = {};
  for (const [name, text] of Object.entries(saved ?? {})) if (!Object.hasOwn(starting, name)) extra[name] = text;
  return extra;
}

export function sameFiles(a: Files, b: Files): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => b[k] === a[k]);
}

export function createFilesStores(lesson: LessonData, saved?: { files?: Files; openFile?: string }): FilesStores {
  const names = tabOrder(Object.keys(lesson.files));
  const files = atom<Files>(mergeSaved(lesson.files, saved?.files));
  const firstOpen = [saved?.openFile, lesson.focus, 'main.js'].find((n) => n !== undefined && names.includes(n));
  const openFile = atom<string>(firstOpen ?? names[0] ?? '');
  const solutionShown = atom(false);
  const shownFiles = computed([files, solutionShown], (own, shown) =>
    shown ? mergeSaved(lesson.files, lesson.solution) : own,
  );
  const edited = computed(files, (own) => !sameFiles(own, lesson.files));
  const extras = atom<Files>(extraFiles(lesson.files, saved?.files));
  const savedFiles = computed([files, extras], (own, extra) => ({ ...extra, ...own }));

  return {
    lesson,
    names,
    files,
    openFile,
    solutionShown,
    shownFiles,
    edited,
    extraFiles: extras,
    savedFiles,
    setFile(name, content) {
      if (!names.includes(name)) throw new Error(`No file named "${name}" in this lesson.`);
      if (files.get()[name] === content) return;
      files.set({ ...files.get(), [name]: content });
    },
    setFiles(next) {
      extras.set(extraFiles(lesson.files, next));
      files.set(mergeSaved(lesson.files, next));
    },
    dismissExtraFile(name) {
      const { [name]: _dismissed, ...rest } = extras.get();
      extras.set(rest);
    },
    open(name) {
      if (names.includes(name)) openFile.set(name);
    },
    setSolutionShown(shown) {
      solutionShown.set(shown);
    },
  };
}
