/**
 * The "Lessons" sidebar group, built from the lesson folders when the Astro
 * config loads (before content collections exist), in folder order.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from 'astro/markdown';
import { listLessonFolders } from './files.ts';

export interface SidebarLink {
  label: string;
  link: string;
}

export function lessonHref(slug: string): string {
  return `/lessons/${slug}/`;
}

/**
 * One link per lesson, labelled with its frontmatter title. A lesson whose
 * frontmatter cannot be read keeps its folder name as the label here: the
 * content collection reports the real error, naming the file and the field.
 */
export function lessonSidebarLinks(lessonsDir: string): SidebarLink[] {
  return listLessonFolders(lessonsDir).map((lesson) => ({
    label: readTitle(join(lesson.dir, 'lesson.mdx')) ?? lesson.folder,
    link: lessonHref(lesson.slug),
  }));
}

function readTitle(file: string): string | undefined {
  try {
    const { frontmatter } = parseFrontmatter(readFileSync(file, 'utf8'));
    const title: unknown = frontmatter['title'];
    return typeof title === 'string' && title.trim() !== '' ? title : undefined;
  } catch {
    return undefined;
  }
}
