/**
 * Which lessons the learner has completed, as the sidebar and the home page
 * show it. Pure: the record itself is read by the workspace's persistence
 * module (the one that writes it); this module turns it, the links on the page
 * and the workspace's "completed" event into marks and a count.
 */
import type { Progress } from '../workspace/persistence.ts';

export { PROGRESS_EVENT } from '../workspace/persistence.ts';

const LESSON_PATH = /^\/lessons\/([a-z0-9-]+)\/?$/;

/** The lesson slug of a page path ("/lessons/two-peers-in-one-page/"), or null for any other page. */
export function lessonSlugOfPath(pathname: string): string | null {
  return LESSON_PATH.exec(pathname)?.[1] ?? null;
}

/** The slug a progress event announces as completed, or null when the detail is not one. */
export function completedSlugOfEvent(detail: unknown): string | null {
  if (typeof detail !== 'object' || detail === null) return null;
  const { slug, completed } = detail as { slug?: unknown; completed?: unknown };
  return typeof slug === 'string' && slug !== '' && completed === true ? slug : null;
}

/**
 * The completed slugs: those in the stored record, plus those announced on
 * this page (a lesson completed while storage refused the write still shows
 * as completed until the page is left).
 */
export function completedSlugs(progress: Progress, announced: Iterable<string> = []): Set<string> {
  return new Set([...Object.keys(progress.completed), ...announced]);
}

export interface Tally {
  done: number;
  total: number;
}

/**
 * How many of the lessons on the page are completed. Each lesson counts once
 * however often it is linked, and a slug in the record that names no lesson
 * here (a lesson since removed or renamed) does not count.
 */
export function tally(lessonSlugs: Iterable<string>, completed: ReadonlySet<string>): Tally {
  const lessons = new Set(lessonSlugs);
  let done = 0;
  for (const slug of lessons) if (completed.has(slug)) done += 1;
  return { done, total: lessons.size };
}

/** "2 of 8 lessons completed". */
export function summaryText({ done, total }: Tally): string {
  return `${done} of ${total} ${total === 1 ? 'lesson' : 'lessons'} completed`;
}
