/**
 * The lessons as they are on disk, read when the tests run, so a lesson added
 * to lessons/ is tested without touching the suite.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontmatter } from 'astro/markdown';

export const LESSONS_DIR = fileURLToPath(new URL('../../../lessons/', import.meta.url));

export interface LessonOnDisk {
  /** Folder name, e.g. "02-two-peers". */
  folder: string;
  order: number;
  slug: string;
  /** Page path, e.g. "/lessons/two-peers/". */
  path: string;
  title: string;
  /** Seconds after which the run's checks settle (frontmatter `timeLimit`, default 15). */
  timeLimit: number;
  /** Two tabs run it as its two sides (frontmatter `pairing`). */
  pairing: boolean;
  files: Record<string, string>;
  solution: Record<string, string>;
}

const FOLDER = /^(\d\d)-([a-z0-9-]+)$/;

export function readLessons(dir = LESSONS_DIR): LessonOnDisk[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && FOLDER.test(entry.name))
    .map((entry) => readLesson(join(dir, entry.name), entry.name))
    .sort((a, b) => a.order - b.order);
}

function readLesson(dir: string, folder: string): LessonOnDisk {
  const [, order, slug] = FOLDER.exec(folder) as RegExpExecArray;
  const { frontmatter } = parseFrontmatter(readFileSync(join(dir, 'lesson.mdx'), 'utf8'));
  const title: unknown = frontmatter['title'];
  if (typeof title !== 'string' || title === '') throw new Error(`${folder}/lesson.mdx: no title in the frontmatter`);
  return {
    folder,
    order: Number(order),
    slug: slug as string,
    path: `/lessons/${slug}/`,
    title,
    timeLimit: typeof frontmatter['timeLimit'] === 'number' ? frontmatter['timeLimit'] : 15,
    pairing: frontmatter['pairing'] === true,
    files: readFiles(join(dir, 'files')),
    // solution/ holds only the files it changes.
    solution: { ...readFiles(join(dir, 'files')), ...readFiles(join(dir, 'solution')) },
  };
}

function readFiles(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) files[name] = readFileSync(join(dir, name), 'utf8');
  return files;
}
