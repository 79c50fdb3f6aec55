/**
 * The learner's code per lesson, and which lessons are completed, in
 * localStorage. Every failure (storage disabled, unreadable JSON, a full quota)
 * comes back as a sentence for the learner; nothing here throws, and nothing
 * here ever drops the code that is in the editor.
 *
 * Keys and formats (versioned so a later format can migrate older saves):
 *   webrtc-playground:lesson:<slug>  → { version: 1, files: {name: text}, openFile?: name, savedAt: ISO date }
 *   webrtc-playground:progress       → { version: 1, completed: {slug: ISO date} }
 * A lesson whose files equal the starting files has no key: an unedited lesson
 * picks up changes to its starting files.
 */
import { sameFiles } from './stores.ts';
import type { Files } from './types.ts';

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const LESSON_KEY_PREFIX = 'webrtc-playground:lesson:';
export const PROGRESS_KEY = 'webrtc-playground:progress';
/** Fired on window when a run of the learner's own code passed every check; the sidebar's marks listen. */
export const PROGRESS_EVENT = 'webrtc-playground:progress';
export const FORMAT_VERSION = 1;

export interface SavedLesson {
  files: Files;
  openFile?: string;
}

export interface LoadOutcome {
  saved?: SavedLesson;
  /** Set when something went wrong; the starting files are used. */
  problem?: string;
}

export const lessonKey = (slug: string) => `${LESSON_KEY_PREFIX}${slug}`;
export const unreadableKey = (slug: string) => `${lessonKey(slug)}:unreadable`;

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
  let kept = false;
  try {
    if (storage.getItem(unreadableKey(slug)) === null) storage.setItem(unreadableKey(slug), raw);
    kept = true;
  } catch {
    // Nowhere to keep it; the original key is left as it is until the next save.
  }
  return {
    problem:
      'Your saved code for this lesson could not be read, so the starting files are shown.' +
      (kept ? ` The unreadable copy is kept in this browser's storage under "${unreadableKey(slug)}".` : ''),
  };
}

function parseSaved(raw: string): SavedLesson | undefined {
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
  return typeof value.openFile === 'string' ? { files, openFile: value.openFile } : { files };
}

/** Saves the learner's files; returns a sentence for the learner when it could not. */
export function writeLesson(
  storage: StorageLike | null,
  slug: string,
  save: SavedLesson,
  starting: Files,
  now: Date = new Date(),
): string | undefined {
  if (!storage) return NO_STORAGE;
  try {
    if (sameFiles(save.files, starting)) {
      storage.removeItem(lessonKey(slug));
    } else {
      const record = { version: FORMAT_VERSION, files: save.files, openFile: save.openFile, savedAt: now.toISOString() };
      storage.setItem(lessonKey(slug), JSON.stringify(record));
    }
    return undefined;
  } catch (error) {
    return isQuotaError(error)
      ? "Could not save your code: this browser's storage for the site is full. Your code is still in the editor; copy it somewhere safe."
      : `Could not save your code (${errorMessage(error)}). Your code is still in the editor; copy it somewhere safe.`;
  }
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
