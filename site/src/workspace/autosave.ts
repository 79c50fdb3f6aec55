/**
 * Saves the learner's files: the first change after a quiet moment at once
 * (a paste followed by closing the tab must not be lost), further changes at
 * most every `delayMs` while typing goes on, and everything pending when the
 * page is hidden or left (pagehide covers closing and bfcache; a hidden tab may
 * be killed without another event).
 */
import type { FilesStores } from './stores.ts';
import { writeLesson, type StorageLike } from './persistence.ts';

export interface Autosave {
  /** Writes now if anything is waiting. */
  flush(): void;
  dispose(): void;
}

export interface AutosaveOptions {
  stores: FilesStores;
  storage: StorageLike | null;
  delayMs?: number;
  /** Called with a sentence when saving failed, and with undefined once a save succeeds again. */
  onProblem(problem: string | undefined): void;
  /** Where to listen for pagehide/visibilitychange; omitted in tests. */
  lifecycle?: { window: Pick<Window, 'addEventListener' | 'removeEventListener'>; document: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'> };
}

export function startAutosave({ stores, storage, delayMs = 300, onProblem, lifecycle }: AutosaveOptions): Autosave {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dirty = false;
  let failing = false;

  const write = () => {
    dirty = false;
    const problem = writeLesson(
      storage,
      stores.lesson.slug,
      { files: stores.files.get(), openFile: stores.openFile.get() },
      stores.lesson.files,
    );
    if (problem || failing) onProblem(problem);
    failing = problem !== undefined;
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

  const unsubscribe = [stores.files.listen(schedule), stores.openFile.listen(schedule)];
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
  };
}
