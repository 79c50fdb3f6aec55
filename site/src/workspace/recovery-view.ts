/**
 * The notices that hand the learner's code back instead of losing it: another
 * tab saved this lesson (choose a version; the other is kept), the copies kept
 * aside (kept-copies.ts), and saved files the lesson no longer has. Each copy
 * and file can be shown, copied and downloaded, and stays until dismissed.
 * Views only: the choices go back through callbacks.
 */
import { MAX_KEPT, copyText, type KeptCopy } from './kept-copies.ts';
import type { Conflict } from './autosave.ts';
import type { Files } from './types.ts';

/** Long texts are shown in part; Copy and Download give all of it. */
const SHOWN_CHARS = 20_000;

export interface RecoveryActions {
  resolve(choice: 'theirs' | 'mine'): void;
  dismissCopy(id: string): void;
  dismissExtraFile(name: string): void;
  /** A sentence for the status line ("Copied."). */
  status(text: string): void;
}

export interface RecoveryView {
  showConflict(conflict: Conflict | undefined): void;
  showKept(copies: readonly KeptCopy[]): void;
  showExtraFiles(files: Files): void;
}

export function createRecoveryView(box: HTMLElement, slug: string, actions: RecoveryActions): RecoveryView {
  const section = (key: string, label: string): HTMLElement => {
    let element = box.querySelector<HTMLElement>(`[data-notice="${key}"]`);
    if (!element) {
      element = document.createElement('section');
      element.dataset.notice = key;
      element.className = 'pg-notice pg-recovery';
      element.setAttribute('aria-label', label);
      box.append(element);
    }
    return element;
  };
  const remove = (key: string) => box.querySelector(`[data-notice="${key}"]`)?.remove();

  const item = (label: string, text: string, fileName: string, dismiss: () => void): HTMLLIElement => {
    const li = document.createElement('li');
    const name = document.createElement('span');
    name.textContent = label;
    const details = document.createElement('details');
    const summary = document.createElement('summary');
    summary.textContent = 'Show';
    summary.setAttribute('aria-label', `Show ${label}`);
    const pre = document.createElement('pre');
    pre.textContent = text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}\n… (${text.length - SHOWN_CHARS} more characters: use Download)` : text;
    details.append(summary, pre);
    const copy = button('Copy', `Copy ${label}`, () => {
      navigator.clipboard.writeText(text).then(
        () => actions.status(`Copied: ${label}.`),
        () => actions.status('Copying was refused by the browser; use Download instead.'),
      );
    });
    const download = button('Download', `Download ${label}`, () => downloadText(fileName, text));
    const dismissButton = button('Dismiss', `Dismiss ${label}`, dismiss);
    li.append(name, ' ', copy, ' ', download, ' ', dismissButton, details);
    return li;
  };

  return {
    showConflict(conflict) {
      if (conflict === undefined) return remove('conflict');
      const element = section('conflict', 'Changed in another tab');
      const when = conflict?.savedAt ? ` (saved ${new Date(conflict.savedAt).toLocaleTimeString()})` : '';
      const what = conflict === null ? 'went back to the starting files' : 'was changed';
      const alert = document.createElement('p');
      alert.setAttribute('role', 'alert');
      alert.textContent = `This lesson ${what} in another tab${when}. Until you choose, this tab's edits are kept as a copy, not saved over that version.`;
      const choices = document.createElement('p');
      choices.append(
        button("Load the other tab's version", undefined, () => actions.resolve('theirs')),
        ' ',
        button("Keep this tab's version", undefined, () => actions.resolve('mine')),
      );
      const note = document.createElement('p');
      note.textContent = 'The version you do not choose is kept below as a copy.';
      element.replaceChildren(alert, choices, note);
    },
    showKept(copies) {
      if (copies.length === 0) return remove('kept');
      const element = section('kept', 'Kept copies of your code');
      const intro = document.createElement('p');
      intro.textContent = `Copies of your code kept in this browser until you dismiss them (at most ${MAX_KEPT}: a newer copy replaces the oldest).`;
      const list = document.createElement('ul');
      copies.forEach((copy, index) => {
        const when = new Date(copy.at).getTime() > 0 ? `, ${new Date(copy.at).toLocaleString()}` : '';
        const what = copy.kind === 'unreadable' ? 'an unreadable save' : copy.note;
        const label = `Copy ${index + 1}: ${what}${when}`;
        const extension = copy.kind === 'unreadable' ? 'json' : 'txt';
        list.append(item(label, copyText(copy), `${slug}-copy-${index + 1}.${extension}`, () => actions.dismissCopy(copy.id)));
      });
      element.replaceChildren(intro, list);
    },
    showExtraFiles(files) {
      const names = Object.keys(files);
      if (names.length === 0) return remove('extra-files');
      const element = section('extra-files', 'Files no longer in this lesson');
      const intro = document.createElement('p');
      intro.textContent = `Your save has ${names.length === 1 ? 'a file' : 'files'} this lesson no longer has (renamed or removed in an update): ${names.join(', ')}. ${names.length === 1 ? 'It stays' : 'They stay'} saved until you dismiss ${names.length === 1 ? 'it' : 'them'}.`;
      const list = document.createElement('ul');
      for (const name of names) list.append(item(name, files[name] ?? '', name, () => actions.dismissExtraFile(name)));
      element.replaceChildren(intro, list);
    },
  };
}

function button(text: string, label: string | undefined, onClick: () => void): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = 'pg-button pg-small';
  element.textContent = text;
  if (label) element.setAttribute('aria-label', label);
  element.addEventListener('click', onClick);
  return element;
}

function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Not at once: the browser reads the blob after the click returns, and a revoked URL downloads nothing.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
