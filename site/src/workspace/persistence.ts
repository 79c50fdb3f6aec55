/**
 * The learner's code per lesson, and which lessons are completed, in
 * localStorage. Every failure (storage disabled, unreadable JSON, a full quota)
 * comes back as a sentence for the learner; nothing here throws, and nothing
 * here ever drops the code that is in the editor.
 *
 * Keys and formats (versioned so a later format can migrate older saves):
 *   webrtc-playground:lesson:<slug>  → { version: 1, files: {name: text}, openFile?: name, savedAt: ISO date, rev?: n, tab?: id }
 *   webrtc-playground:lesson:<slug>:kept → copies set aside (kept-copies.ts)
 *   webrtc-playground:progress       → { version: 1, completed: {slug: ISO date} }
 * A lesson whose files equal the starting files has no key: an unedited lesson
 * picks up changes to its starting files. `files` may hold files the lesson no
 * longer has (renamed in an update): they stay in the save until the learner
 * dismisses them.
 *
 * Two tabs on one lesson: each save carries a stamp (`rev`, counting saves,
 * and `tab`, the writing tab's random id). A tab saves only over the record
 * it loaded or last wrote; a record with another stamp is another tab's newer
 * save, and writeLesson answers with it instead of overwriting it.
 */
import { sameFiles } from './stores.ts';
import { keepCopy, type StorageLike } from './kept-copies.ts';
import type { Files } from './types.ts';

export type { StorageLike };

export const LESSON_KEY_PREFIX = 'webrtc-playground:lesson:';
export const PROGRESS_KEY = 'webrtc-playground:progress';
/** Fired on window when a run of the learner's own code passed every check; the sidebar's marks listen. */
export const PROGRESS_EVENT = 'webrtc-playground:progress';
export const FORMAT_VERSION = 1;

export interface SavedLesson {
  files: Files;
  openFile?: string;
}

/** Which save a stored record is: the n-th save, by which tab. Records older than stamps read as { rev: 0, tab: '' }. */
export interface SaveStamp {
  rev: number;
  tab: string;
}

export interface StoredLesson extends SavedLesson {
  stamp: SaveStamp;
  savedAt?: string;
}

export interface LoadOutcome {
  saved?: StoredLesson;
  /** Set when something went wrong; the starting files are used. */
  problem?: string;
}

export type SaveOutcome =
  /** Saved; the stamp of the record now stored (null: no record, the files are the starting files). */
  | { stamp: SaveStamp | null }
  | { problem: string }
  /** Not saved: another tab saved since (null: it went back to the starting files). */
  | { conflict: StoredLesson | null };

export const lessonKey = (slug: string) => `${LESSON_KEY_PREFIX}${slug}`;

export const sameStamp = (a: SaveStamp | null, b: SaveStamp | null) => a === b || (a !== null && b !== null && a.rev === b.rev && a.tab === b.tab);

/** A random id for this tab's saves. */
export function newTabId(): string {
  return Math.random().toString(36).slice(2, 10);
}

const NO_STORAGE =
  'This browser does not let the page use storage, so your edits will not be kept after you leave. Copy your code before closing the page.';

/** `localStorage`, or null where touching it throws (blocked storage, some private modes). */
export function browserStorage(): StorageLike | null {
  try {
    const storage = globalThis.localStorage;
    return storage ?? null;
  } catch {
    return null;
  }
}

export function readLesson(storage: StorageLike | null, slug: string): LoadOutcome {
  if (!storage) return { problem: NO_STORAGE };
  let raw: string | null;
  try {
    raw = storage.getItem(lessonKey(slug));
  } catch {
    return { problem: NO_STORAGE };
  }
  if (raw === null) return {};
  const saved = parseSaved(raw);
  if (saved) return { saved };
  // Keep the unreadable copy: it may still hold code a person can recover by hand.
  const kept = keepCopy(storage, slug, { kind: 'unreadable', raw });
  if (!kept.problem) {
    try {
      // Kept aside, so the next reload does not find (and keep) it again.
      storage.removeItem(lessonKey(slug));
    } catch {
      // Left where it is; the next save replaces it, and it is kept already.
    }
  }
  return {
    problem:
      'Your saved code for this lesson could not be read, so the starting files are shown.' +
      (kept.problem ? ` ${kept.problem}` : ' The unreadable copy is kept below until you dismiss it.'),
  };
}

/** What is stored for the lesson now: a record, null (none), or the raw text of an unreadable one. */
export function readStored(storage: StorageLike, slug: string): StoredLesson | null | { unreadable: string } {
  const raw = storage.getItem(lessonKey(slug));
  if (raw === null) return null;
  return parseSaved(raw) ?? { unreadable: raw };
}

function parseSaved(raw: string): StoredLesson | undefined {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!isRecord(value) || value.version !== FORMAT_VERSION || !isRecord(value.files)) return undefined;
  const files: Files = {};
  for (const [name, text] of Object.entries(value.files)) {
    if (typeof text !== 'string') return undefined;
    files[name] = text;
  }
  const stamp = {
    rev: Number.isSafeInteger(value.rev) ? (value.rev as number) : 0,
    tab: typeof value.tab === 'string' ? value.tab : '',
  };
  const saved: StoredLesson = { files, stamp };
  if (typeof value.openFile === 'string') saved.openFile = value.openFile;
  if (typeof value.savedAt === 'string') saved.savedAt = value.savedAt;
  return saved;
}

export interface WriteOptions {
  /** The stamp of the record this tab loaded or last wrote (default null: none). */
  base?: SaveStamp | null;
  /** This tab's id (newTabId). */
  tab?: string;
  now?: Date;
}

/**
 * Saves the learner's files over the record this tab knows (`base`). When the
 * stored record is another tab's newer save with other files, nothing is
 * written and that record comes back as the conflict.
 */
export function writeLesson(storage: StorageLike | null, slug: string, save: SavedLesson, starting: Files, { base = null, tab = '', now = new Date() }: WriteOptions = {}): SaveOutcome {
  if (!storage) return { problem: NO_STORAGE };
  try {
    const stored = readStored(storage, slug);
    if (stored !== null && 'unreadable' in stored) {
      // Written by something else, or damaged: keep it before the save replaces it.
      const kept = keepCopy(storage, slug, { kind: 'unreadable', raw: stored.unreadable });
      if (kept.problem) return { problem: `${kept.problem} Your code is still in the editor.` };
    } else if (!sameStamp(stored?.stamp ?? null, base)) {
      const theirs = stored?.files ?? starting;
      // The same files saved twice (two tabs typing the same thing) are no conflict.
      if (!sameFiles(theirs, save.files)) return { conflict: stored };
    }
    if (sameFiles(save.files, starting)) {
      storage.removeItem(lessonKey(slug));
      return { stamp: null };
    }
    const stamp = { rev: Math.max(base?.rev ?? 0, stored && !('unreadable' in stored) ? stored.stamp.rev : 0) + 1, tab };
    const record = { version: FORMAT_VERSION, files: save.files, openFile: save.openFile, savedAt: now.toISOString(), ...stamp };
    storage.setItem(lessonKey(slug), JSON.stringify(record));
    return { stamp };
  } catch (error) {
    return { problem: saveProblem(error) };
  }
}

function saveProblem(error: unknown): string {
  return isQuotaError(error)
    ? "Could not save your code: this browser's storage for the site is full. Your code is still in the editor; copy it somewhere safe."
    : `Could not save your code (${errorMessage(error)}). Your code is still in the editor; copy it somewhere safe.`;
}

export interface Progress {
  completed: Record<string, string>;
}

export function readProgress(storage: StorageLike | null): Progress {
  try {
    const raw = storage?.getItem(PROGRESS_KEY);
    if (!raw) return { completed: {} };
    const value: unknown = JSON.parse(raw);
    if (!isRecord(value) || value.version !== FORMAT_VERSION || !isRecord(value.completed)) return { completed: {} };
    const completed: Record<string, string> = {};
    for (const [slug, when] of Object.entries(value.completed)) if (typeof when === 'string') completed[slug] = when;
    return { completed };
  } catch {
    return { completed: {} };
  }
}

/** Records the lesson as completed (keeping the first date); returns a sentence when it could not. */
export function markCompleted(storage: StorageLike | null, slug: string, now: Date = new Date()): string | undefined {
  if (!storage) return NO_STORAGE;
  const progress = readProgress(storage);
  if (progress.completed[slug]) return undefined;
  progress.completed[slug] = now.toISOString();
  try {
    storage.setItem(PROGRESS_KEY, JSON.stringify({ version: FORMAT_VERSION, completed: progress.completed }));
    return undefined;
  } catch (error) {
    return `Could not record this lesson as completed (${isQuotaError(error) ? 'storage is full' : errorMessage(error)}).`;
  }
}

function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  // Browsers disagree on the name; the legacy codes are 22 (most) and 1014 (old Firefox).
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
