/**
 * Saves the learner's files: the first change after a quiet moment at once
 * (a paste followed by closing the tab must not be lost), further changes at
 * most every `delayMs` while typing goes on, and everything pending when the
 * page is hidden or left (pagehide covers closing and bfcache; a hidden tab may
 * be killed without another event).
 *
 * Two tabs on one lesson: a save goes only over the record this tab loaded or
 * last wrote (persistence.ts). When another tab saved since (seen by a save,
 * or by the `storage` event through `checkStored`), this tab stops saving over
 * it and asks the learner (`onConflict`); meanwhile its own edits are kept as
 * a copy (kept-copies.ts), so closing the tab before answering loses nothing.
 * Whichever version the learner picks, the other is kept as a copy.
 */
import type { FilesStores } from './stores.ts';
import { sameFiles } from './stores.ts';
import { newTabId, readStored, sameStamp, writeLesson, type SaveStamp, type StoredLesson, type StorageLike } from './persistence.ts';
import { dismissCopy, keepCopy } from './kept-copies.ts';
import type { Files } from './types.ts';

export interface Autosave {
  /** Writes now if anything is waiting. */
  flush(): void;
  dispose(): void;
  /** Another tab changed the stored record (the `storage` event): a conflict if it is not what this tab knows. */
  checkStored(): void;
  /** The learner's answer to a conflict: load the other tab's version, or keep this one. Either way the other is kept as a copy. */
  resolve(choice: 'theirs' | 'mine'): void;
}

/** Another tab's save this tab has not seen (null: it went back to the starting files). */
export type Conflict = StoredLesson | null;

export interface AutosaveOptions {
  stores: FilesStores;
  storage: StorageLike | null;
  /** The stamp of the record the stores were loaded from (default null: none). */
  base?: SaveStamp | null;
  /** This tab's id (default: a new one). */
  tab?: string;
  delayMs?: number;
  /** Called with a sentence when saving failed, and with undefined once a save succeeds again. */
  onProblem(problem: string | undefined): void;
  /** Called when another tab's save is found (again with the latest one while it lasts), and with undefined once resolved. */
  onConflict?(conflict: Conflict | undefined): void;
  /** The kept copies changed (one was added). */
  onKept?(): void;
  /** Puts files into the editor (the other tab's version); default: straight into the stores. */
  replaceFiles?(files: Files): void;
  /** Where to listen for pagehide/visibilitychange; omitted in tests. */
  lifecycle?: { window: Pick<Window, 'addEventListener' | 'removeEventListener'>; document: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'> };
}

export function startAutosave(options: AutosaveOptions): Autosave {
  const { stores, storage, delayMs = 300, onProblem, lifecycle } = options;
  const slug = stores.lesson.slug;
  let base = options.base ?? null;
  const tab = options.tab ?? newTabId();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dirty = false;
  let failing = false;
  let conflict: Conflict | undefined;
  // This tab's version while a conflict lasts is kept under one id, replaced on each save; a new id per conflict.
  let conflicts = 0;
  const draftId = () => `tab-${tab}-${conflicts}`;
  // Set while the other tab's version is put into the editor: those edits are not the learner's.
  let replacing = false;

  const report = (problem: string | undefined) => {
    if (problem || failing) onProblem(problem);
    failing = problem !== undefined;
  };

  const keepDraft = (note: string) => {
    if (!storage) return;
    const kept = keepCopy(storage, slug, { id: draftId(), kind: 'version', note, files: stores.savedFiles.get() });
    report(kept.problem);
    options.onKept?.();
  };

  const enterConflict = (theirs: Conflict) => {
    conflict = theirs;
    options.onConflict?.(theirs);
  };

  const write = () => {
    dirty = false;
    if (conflict !== undefined) return keepDraft("This tab's version, not saved over the other tab's");
    const outcome = writeLesson(storage, slug, { files: stores.savedFiles.get(), openFile: stores.openFile.get() }, stores.lesson.files, { base, tab: tab });
    if ('conflict' in outcome) {
      enterConflict(outcome.conflict);
      return keepDraft("This tab's version, not saved over the other tab's");
    }
    if ('problem' in outcome) return report(outcome.problem);
    base = outcome.stamp;
    report(undefined);
  };
  // After a write, a quiet period of `delayMs`; changes during it are written when it ends.
  const quiet = () => {
    timer = setTimeout(() => {
      timer = undefined;
      if (dirty) {
        write();
        quiet();
      }
    }, delayMs);
  };
  const schedule = () => {
    if (replacing) return;
    dirty = true;
    if (timer !== undefined) return;
    write();
    quiet();
  };
  const flush = () => {
    if (dirty) write();
  };
  const onVisibility = () => {
    if (lifecycle?.document.visibilityState === 'hidden') flush();
  };

  /** The stored record now, when it is readable (an unreadable one is kept aside by the next save). */
  const stored = (): Conflict | 'unreadable' => {
    if (!storage) return 'unreadable';
    try {
      const now = readStored(storage, slug);
      return now !== null && 'unreadable' in now ? 'unreadable' : now;
    } catch {
      return 'unreadable';
    }
  };

  const unsubscribe = [stores.savedFiles.listen(schedule), stores.openFile.listen(schedule)];
  lifecycle?.window.addEventListener('pagehide', flush);
  lifecycle?.document.addEventListener('visibilitychange', onVisibility);

  return {
    flush,
    dispose() {
      flush();
      if (timer !== undefined) clearTimeout(timer);
      for (const stop of unsubscribe) stop();
      lifecycle?.window.removeEventListener('pagehide', flush);
      lifecycle?.document.removeEventListener('visibilitychange', onVisibility);
    },
    checkStored() {
      const now = stored();
      if (now === 'unreadable') return;
      if (conflict !== undefined) return enterConflict(now);
      if (sameStamp(now?.stamp ?? null, base)) return;
      // The other tab saved what this tab holds: nothing to choose between.
      if (sameFiles(now?.files ?? stores.lesson.files, stores.savedFiles.get())) {
        base = now?.stamp ?? null;
        return;
      }
      enterConflict(now);
    },
    resolve(choice) {
      if (conflict === undefined || !storage) return;
      flush();
      const latest = stored();
      const theirs = latest === 'unreadable' ? conflict : latest;
      const theirFiles = theirs?.files ?? stores.lesson.files;
      const mine = stores.savedFiles.get();
      conflict = undefined;
      if (choice === 'theirs') {
        if (!sameFiles(mine, theirFiles)) keepDraft("This tab's version, replaced by the other tab's");
        else dismissCopy(storage, slug, draftId());
        base = theirs?.stamp ?? null;
        replacing = true;
        try {
          (options.replaceFiles ?? stores.setFiles)(theirFiles);
          // The editor may hold only the lesson's files; the extra ones come from the record.
          stores.setFiles(theirFiles);
        } finally {
          replacing = false;
        }
        dirty = false;
      } else {
        if (!sameFiles(mine, theirFiles)) {
          report(keepCopy(storage, slug, { kind: 'version', note: "The other tab's version, replaced by this tab's", files: theirFiles }).problem);
        }
        dismissCopy(storage, slug, draftId());
        options.onKept?.();
        base = theirs?.stamp ?? null;
        write();
      }
      conflicts++;
      options.onConflict?.(undefined);
    },
  };
}
