/**
 * A lesson on disk: `lessons/NN-slug/` holding lesson.mdx, files/, solution/
 * and checks.ts. This module reads and checks those folders with plain `fs`
 * at build time; it knows nothing of Astro so vitest can test it directly.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LessonData } from '../workspace/types.ts';

/** "02-two-peers-in-one-page": two digits, a dash, a lower-case kebab slug. */
const FOLDER_NAME = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/** The file every lesson's files/ must have: what the preview loads. */
export const ENTRY_FILE = 'index.html';

/** The file opened first when the frontmatter names none (and the lesson has it). */
export const DEFAULT_FOCUS = 'main.js';

export interface LessonFolderName {
  /** 2 for "02-two-peers-in-one-page". */
  order: number;
  /** "two-peers-in-one-page": the page is /lessons/<slug>/. */
  slug: string;
}

/** Order and slug from a folder name, or null when the name does not follow NN-slug. */
export function parseLessonFolderName(name: string): LessonFolderName | null {
  const match = FOLDER_NAME.exec(name);
  if (!match) return null;
  return { order: Number(match[1]), slug: match[2]! };
}

export interface LessonFolder extends LessonFolderName {
  /** Folder name, e.g. "02-two-peers-in-one-page". */
  folder: string;
  /** Absolute path of the folder. */
  dir: string;
}

/**
 * The lesson folders under `lessonsDir`, in lesson order. Entries that are not
 * directories, or whose names start with "_" or ".", are not lessons and are
 * skipped; a directory with any other name that does not follow NN-slug is
 * reported by `findLessonProblems`, not silently dropped.
 */
export function listLessonFolders(lessonsDir: string): LessonFolder[] {
  if (!existsSync(lessonsDir)) return [];
  const lessons: LessonFolder[] = [];
  for (const folder of readdirSync(lessonsDir)) {
    const dir = join(lessonsDir, folder);
    if (isIgnoredName(folder) || !statSync(dir).isDirectory()) continue;
    const parsed = parseLessonFolderName(folder);
    if (parsed) lessons.push({ ...parsed, folder, dir });
  }
  return lessons.sort((a, b) => a.order - b.order || a.folder.localeCompare(b.folder));
}

function isIgnoredName(name: string): boolean {
  return name.startsWith('.') || name.startsWith('_');
}

/**
 * The files of one flat lesson directory (files/ or solution/), by file name.
 * Throws when the directory holds a sub-directory: lesson files are flat names.
 */
export function readFlatFiles(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      throw new Error(`${path}: lesson files must be flat; move the files out of the sub-folder "${name}".`);
    }
    files[name] = readFileSync(path, 'utf8');
  }
  return files;
}

/**
 * Everything wrong with the folders under `lessonsDir`, one message per
 * problem, each naming the path it is about. Empty when all is well.
 */
export function findLessonProblems(lessonsDir: string): string[] {
  if (!existsSync(lessonsDir)) return [];
  const problems: string[] = [];
  for (const name of readdirSync(lessonsDir)) {
    const dir = join(lessonsDir, name);
    if (isIgnoredName(name) || !statSync(dir).isDirectory()) continue;
    if (!parseLessonFolderName(name)) {
      problems.push(`${dir}: a lesson folder is named NN-slug (two digits, a dash, lower-case words joined by dashes), e.g. "02-two-peers-in-one-page".`);
      continue;
    }
    problems.push(...findFolderProblems(dir));
  }
  problems.push(...findDuplicates(listLessonFolders(lessonsDir)));
  return problems;
}

/** What is missing or inconsistent in one lesson folder. */
export function findFolderProblems(dir: string): string[] {
  const problems: string[] = [];
  const need = (relative: string, why: string) => {
    if (!existsSync(join(dir, relative))) problems.push(`${join(dir, relative)} is missing: ${why}`);
  };
  need('lesson.mdx', 'it holds the lesson text and frontmatter.');
  need('checks.ts', 'it default-exports the Check[] that decide whether the lesson is done.');
  need(join('files', ENTRY_FILE), `the starting files need an ${ENTRY_FILE}: it is what the preview loads.`);
  need('solution', 'it holds the files the solution changes (a file it leaves out is the starting file).');
  if (problems.length > 0) return problems;

  try {
    const starting = readFlatFiles(join(dir, 'files'));
    const solution = readFlatFiles(join(dir, 'solution'));
    const names = Object.keys(solution);
    const onlySolution = names.filter((name) => !(name in starting));
    if (onlySolution.length > 0) {
      problems.push(`${join(dir, 'solution')}: the solution may only change starting files; not in files/: ${onlySolution.join(', ')}.`);
    }
    // One copy of each file: an unchanged one would drift from files/ unnoticed.
    for (const name of names.filter((name) => solution[name] === starting[name])) {
      problems.push(`${join(dir, 'solution', name)} is the same as files/${name}: delete it (a file missing from solution/ is the starting file).`);
    }
    if (names.length === 0) problems.push(`${join(dir, 'solution')} is empty: the solution must change at least one file.`);
  } catch (error) {
    problems.push((error as Error).message);
  }
  return problems;
}

/** The complete solution: solution/ holds only the files it changes; the others are the starting files. */
export function readSolutionFiles(lessonDir: string, starting = readFlatFiles(join(lessonDir, 'files'))): Record<string, string> {
  return { ...starting, ...readFlatFiles(join(lessonDir, 'solution')) };
}

function findDuplicates(lessons: readonly LessonFolder[]): string[] {
  const problems: string[] = [];
  for (const [key, label] of [['order', 'number'], ['slug', 'slug']] as const) {
    const seen = new Map<string | number, string>();
    for (const lesson of lessons) {
      const first = seen.get(lesson[key]);
      if (first) problems.push(`${lesson.dir}: lesson ${label} "${lesson[key]}" is already used by ${first}; each lesson needs its own.`);
      else seen.set(lesson[key], lesson.folder);
    }
  }
  return problems;
}

/** What the lesson page hands the workspace. */
export type PlaygroundLesson = LessonData;

/**
 * Reads a lesson folder into what the workspace needs. `focus` from the
 * frontmatter must name one of the starting files; without it the lesson
 * opens main.js, or index.html when there is no main.js.
 */
export function readPlaygroundLesson(
  lesson: LessonFolder,
  frontmatter: { title: string; focus?: string | undefined; timeLimit: number; pairing?: boolean | undefined },
): PlaygroundLesson {
  const files = readFlatFiles(join(lesson.dir, 'files'));
  const solution = readSolutionFiles(lesson.dir, files);
  const focus = frontmatter.focus ?? (DEFAULT_FOCUS in files ? DEFAULT_FOCUS : ENTRY_FILE);
  if (!(focus in files)) {
    throw new Error(
      `${join(lesson.dir, 'lesson.mdx')}: focus "${focus}" is not one of the starting files (${Object.keys(files).join(', ')}).`,
    );
  }
  const pairing = frontmatter.pairing === true;
  return { slug: lesson.slug, title: frontmatter.title, files, solution, focus, timeLimit: frontmatter.timeLimit, pairing };
}
