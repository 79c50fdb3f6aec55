/**
 * The lessons in order, for pages that list them (home, /lessons/): entries
 * from the content collection, ordered by their folder's NN.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { listLessonFolders } from './files.ts';
import { lessonHref } from './sidebar.ts';

export interface LessonSummary {
  order: number;
  title: string;
  description: string;
  href: string;
}

export async function lessonCatalogue(): Promise<LessonSummary[]> {
  const entries = new Map<string, CollectionEntry<'lessons'>>(
    (await getCollection('lessons')).map((entry) => [entry.id, entry]),
  );
  return listLessonFolders(__PLAYGROUND_LESSONS_DIR__).flatMap((folder) => {
    const entry = entries.get(folder.slug);
    if (!entry) return [];
    return [{ order: folder.order, title: entry.data.title, description: entry.data.description, href: lessonHref(folder.slug) }];
  });
}
