/**
 * Copies of the learner's code set aside instead of lost: a save that could
 * not be read, and the version a learner did not choose when two tabs saved
 * one lesson differently. Each stays until the learner dismisses it; the
 * workspace lists them with ways to see, copy and download each.
 *
 *   webrtc-playground:lesson:<slug>:kept → { version: 1, copies: KeptCopy[] }, oldest first
 *
 * At most MAX_KEPT copies per lesson: a newer one pushes the oldest out (the
 * notice says so), because each may be as large as a whole save and the
 * browser gives the site about 5 MB in all.
 */
import type { Files } from './types.ts';

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const MAX_KEPT = 5;

export type KeptCopy =
  | { id: string; at: string; kind: 'unreadable'; raw: string }
  | { id: string; at: string; kind: 'version'; note: string; files: Files };

/** A copy to keep; `id` only when it replaces an earlier copy of the same thing (a tab's unsaved version). */
export type NewCopy = { id?: string } & ({ kind: 'unreadable'; raw: string } | { kind: 'version'; note: string; files: Files });

export const keptKey = (slug: string) => `webrtc-playground:lesson:${slug}:kept`;
/** Where one unreadable save used to be kept, before the list. */
export const legacyUnreadableKey = (slug: string) => `webrtc-playground:lesson:${slug}:unreadable`;

/** The lesson's kept copies, oldest first; an older single unreadable copy is moved into the list. */
export function readKept(storage: StorageLike | null, slug: string): KeptCopy[] {
  if (!storage) return [];
  try {
    let copies = parseKept(storage.getItem(keptKey(slug)));
    const legacy = storage.getItem(legacyUnreadableKey(slug));
    if (legacy !== null) {
      copies = addCopy(copies, { kind: 'unreadable', raw: legacy }, new Date(0)).copies;
      storage.setItem(keptKey(slug), serialise(copies));
      storage.removeItem(legacyUnreadableKey(slug));
    }
    return copies;
  } catch {
    return [];
  }
}

/** Keeps a copy; returns a sentence when it could not, and how many old copies were pushed out. */
export function keepCopy(storage: StorageLike, slug: string, copy: NewCopy, now = new Date()): { problem?: string; dropped: number } {
  try {
    const { copies, dropped } = addCopy(readKept(storage, slug), copy, now);
    storage.setItem(keptKey(slug), serialise(copies));
    return { dropped };
  } catch (error) {
    return { problem: `A copy of your code could not be kept in this browser (${error instanceof Error ? error.message : String(error)}).`, dropped: 0 };
  }
}

export function dismissCopy(storage: StorageLike | null, slug: string, id: string): void {
  if (!storage) return;
  try {
    const copies = readKept(storage, slug).filter((c) => c.id !== id);
    if (copies.length === 0) storage.removeItem(keptKey(slug));
    else storage.setItem(keptKey(slug), serialise(copies));
  } catch {
    // Still listed; dismissing again will try again.
  }
}

/**
 * The list with `copy` added: replacing the copy with its id, or one with the
 * same content (kept twice is kept once), else appended; past MAX_KEPT the
 * oldest go. Pure.
 */
export function addCopy(copies: readonly KeptCopy[], copy: NewCopy, now: Date): { copies: KeptCopy[]; dropped: number } {
  const content = copyText(copy);
  const id = copy.id ?? `${now.getTime().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  const kept = { ...copy, id, at: now.toISOString() } as KeptCopy;
  const rest = copies.filter((c) => c.id !== copy.id && !(c.kind === copy.kind && copyText(c) === content));
  const all = [...rest, kept];
  const dropped = Math.max(0, all.length - MAX_KEPT);
  return { copies: all.slice(dropped), dropped };
}

/** A copy as one text: an unreadable save as it was stored, a version as its files one after another. */
export function copyText(copy: NewCopy | KeptCopy): string {
  if (copy.kind === 'unreadable') return copy.raw;
  return Object.entries(copy.files)
    .map(([name, text]) => `// ----- ${name} -----\n${text}${text.endsWith('\n') ? '' : '\n'}`)
    .join('\n');
}

function serialise(copies: readonly KeptCopy[]): string {
  return JSON.stringify({ version: 1, copies });
}

function parseKept(raw: string | null): KeptCopy[] {
  if (raw === null) return [];
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    value = undefined;
  }
  const list = (value as { copies?: unknown } | undefined)?.copies;
  // The list itself unreadable: keep its text as the one copy rather than lose it.
  if (!Array.isArray(list)) return [{ id: 'unreadable-list', at: new Date(0).toISOString(), kind: 'unreadable', raw }];
  return list.filter(isKeptCopy);
}

function isKeptCopy(value: unknown): value is KeptCopy {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  if (typeof c.id !== 'string' || typeof c.at !== 'string') return false;
  if (c.kind === 'unreadable') return typeof c.raw === 'string';
  if (c.kind !== 'version' || typeof c.note !== 'string' || typeof c.files !== 'object' || c.files === null) return false;
  return Object.values(c.files).every((text) => typeof text === 'string');
}
