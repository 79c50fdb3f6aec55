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
  setFile(name: string, content: string): void;
  setFiles(files: Files): void;
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
 * longer has is not shown, a file the lesson gained appears with its starting text.
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

  return {
    lesson,
    names,
    files,
    openFile,
    solutionShown,
    shownFiles,
    edited,
    setFile(name, content) {
      if (!names.includes(name)) throw new Error(`No file named "${name}" in this lesson.`);
      if (files.get()[name] === content) return;
      files.set({ ...files.get(), [name]: content });
    },
    setFiles(next) {
      files.set(mergeSaved(lesson.files, next));
    },
    open(name) {
      if (names.includes(name)) openFile.set(name);
    },
    setSolutionShown(shown) {
      solutionShown.set(shown);
    },
  };
}
