/**
 * The `lessons` collection's loader: Astro's glob loader over
 * `<lessons>/NN-slug/lesson.mdx` (so MDX renders as any content entry does),
 * with the entry id set to the slug, and the lesson folders checked first so
 * a lesson missing files/index.html, solution/ or checks.ts fails the build
 * with a message naming the path.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Loader } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { findLessonProblems, parseLessonFolderName, readPlaygroundLesson } from './files.ts';

/** Only folders named NN-slug are lessons; `findLessonProblems` reports the rest. */
const PATTERN = '[0-9][0-9]-*/lesson.mdx';

export class LessonFolderError extends Error {
  constructor(problems: readonly string[]) {
    super(`Malformed lesson${problems.length > 1 ? 's' : ''}:\n  - ${problems.join('\n  - ')}`);
    this.name = 'LessonFolderError';
  }
}

/** The folder name of a glob entry such as "02-two-peers/lesson.mdx". */
export function folderOfEntry(entry: string): string {
  return entry.split(/[\\/]/)[0] ?? entry;
}

export function lessonsLoader(lessonsDir: string): Loader {
  const inner = glob({
    base: pathToFileURL(lessonsDir.endsWith('/') ? lessonsDir : `${lessonsDir}/`),
    pattern: PATTERN,
    generateId: ({ entry }) => {
      const folder = folderOfEntry(entry);
      return parseLessonFolderName(folder)?.slug ?? folder;
    },
  });

  return {
    name: 'playground-lessons',
    async load(context) {
      const problems = findLessonProblems(lessonsDir);
      if (problems.length > 0) throw new LessonFolderError(problems);
      await inner.load(context);

      // The frontmatter is valid now; check what depends on both it and the folder.
      for (const entry of context.store.values()) {
        const folder = folderOfEntry(entry.filePath?.split('/').slice(-2).join('/') ?? entry.id);
        const parsed = parseLessonFolderName(folder);
        if (!parsed) continue;
        try {
          const data = entry.data as { title: string; focus?: string; timeLimit: number };
          readPlaygroundLesson({ ...parsed, folder, dir: join(lessonsDir, folder) }, data);
        } catch (error) {
          problems.push((error as Error).message);
        }
      }
      if (problems.length > 0) throw new LessonFolderError(problems);
    },
  };
}
