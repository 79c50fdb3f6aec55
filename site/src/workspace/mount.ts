/**
 * Brings a server-rendered workspace (Playground.astro) to life: stores,
 * autosave, tabs, buttons, checks and console at once (all small), then the
 * Monaco editor lazily, once the workspace is on screen, so the lesson text is
 * readable before the editor's code arrives. The inspector's code loads only
 * when the learner first switches to it.
 */
import { PROGRESS_EVENT, browserStorage, lessonKey, markCompleted, newTabId, readLesson, readProgress } from './persistence.ts';
import { startAutosave } from './autosave.ts';
import { dismissCopy, keptKey, readKept } from './kept-copies.ts';
import { createRecoveryView } from './recovery-view.ts';
import { createFilesStores } from './stores.ts';
import { createRunStore } from './run-store.ts';
import { bindTabs } from './tabs.ts';
import { bindAreaSwitch } from './area-switch.ts';
import { bindToolbar } from './toolbar.ts';
import { renderChecks } from './checks-view.ts';
import { createConsoleView } from './console-view.ts';
import { createRunController } from './run-controller.ts';
import { loadChecks } from './checks-loader.ts';
import { currentTheme, watchTheme } from './theme.ts';
import { startRun } from '../../../sandbox/host/index.ts';
import type { EditorHandle, LessonData } from './types.ts';
import { munging } from '../../../sandbox/host/munge.ts';
import { pairForPage, showPairing } from './pairing-view.ts';

export function mountAll(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-playground]:not([data-mounted])')) {
    root.dataset.mounted = '';
    try {
      mount(root);
    } catch (error) {
      showNotice(root, 'mount', `The workspace could not start: ${String(error)}. Reload the page to try again.`);
      console.error(error);
    }
  }
}

function mount(root: HTMLElement): void {
  const $ = <T extends HTMLElement>(selector: string): T => {
    const element = root.querySelector<T>(selector);
    if (!element) throw new Error(`The workspace markup lacks ${selector}.`);
    return element;
  };
  const lesson = JSON.parse($('script[data-lesson]').textContent ?? '') as LessonData;
  const storage = browserStorage();
  const loaded = readLesson(storage, lesson.slug);
  if (loaded.problem) showNotice(root, 'load', loaded.problem);

  const files = createFilesStores(lesson, loaded.saved);
  const run = createRunStore();
  const status = $('[data-status-line]');
  const setStatus = (text: string) => {
    status.textContent = text;
  };

  let editor: EditorHandle | undefined;
  const recovery = createRecoveryView($('[data-notices]'), lesson.slug, {
    resolve: (choice) => autosave.resolve(choice),
    dismissCopy: (id) => {
      dismissCopy(storage, lesson.slug, id);
      showKept();
    },
    dismissExtraFile: (name) => files.dismissExtraFile(name),
    status: (text) => setStatus(text),
  });
  const showKept = () => recovery.showKept(readKept(storage, lesson.slug));
  const autosave = startAutosave({
    stores: files,
    storage,
    base: loaded.saved?.stamp ?? null,
    tab: newTabId(),
    onProblem: (problem) => showNotice(root, 'save', problem),
    onConflict: (conflict) => recovery.showConflict(conflict),
    onKept: showKept,
    replaceFiles: (next) => {
      if (editor) editor.replaceFiles(next);
      else files.setFiles(next);
    },
    lifecycle: { window, document },
  });
  showKept();
  files.extraFiles.subscribe((extra) => recovery.showExtraFiles(extra));
  // Another tab of this site saved: this lesson's code (a conflict to resolve) or its kept copies.
  window.addEventListener('storage', (event) => {
    if (event.key === null || event.key === lessonKey(lesson.slug)) autosave.checkStored();
    if (event.key === null || event.key === keptKey(lesson.slug)) showKept();
  });

  let theme = currentTheme();
  const consoleView = createConsoleView({ terminalHost: $('[data-terminal]'), log: $('[data-console-log]') }, theme);
  $('[data-action="clear-console"]').addEventListener('click', () => consoleView.clear());

  const completed = $('[data-completed]');
  completed.hidden = !readProgress(storage).completed[lesson.slug];

  // A pairing lesson: this tab's side, kept in the URL, goes to every run.
  const pair = lesson.pairing ? pairForPage(window.location, window.history) : null;
  if (pair) {
    const elements = {
      side: $('[data-pair-side]'),
      link: $<HTMLAnchorElement>('[data-pair-link]'),
      toggle: $<HTMLButtonElement>('[data-pair-toggle]'),
      panel: $('[data-pair-panel]'),
      qr: $('[data-pair-qr]'),
      url: $('[data-pair-url]'),
      note: $('[data-pair-note]'),
    };
    showPairing(elements, pair, window.location);
  }

  const frameBox = $('[data-preview-frame]');
  const empty = $('[data-preview-empty]');
  const controller = createRunController({
    files,
    run,
    host: { startRun },
    container: frameBox,
    preview: {
      running: () => {
        empty.hidden = true;
      },
      idle: (text) => {
        empty.textContent = text;
        empty.hidden = false;
      },
    },
    console: consoleView,
    editor: () => editor,
    status: setStatus,
    beforeRun: () => autosave.flush(),
    pair,
    onCompleted: () => {
      const problem = markCompleted(storage, lesson.slug);
      if (problem) showNotice(root, 'progress', problem);
      completed.hidden = false;
      window.dispatchEvent(new CustomEvent(PROGRESS_EVENT, { detail: { slug: lesson.slug, completed: true } }));
    },
  });

  // Checks: titles are server-rendered; the functions that judge them load here.
  const checkElements = { list: $('[data-checks]'), summary: $('[data-summary]') };
  run.results.listen((results) => renderChecks(checkElements, results, run.summary.get()));
  loadChecks(lesson.slug)
    .then((checks) => run.setChecks(checks))
    .catch((error: unknown) => {
      checkElements.summary.textContent = `The checks could not load: ${error instanceof Error ? error.message : String(error)}`;
    });

  const buttons = {
    run: $<HTMLButtonElement>('[data-action="run"]'),
    stop: $<HTMLButtonElement>('[data-action="stop"]'),
    reset: $<HTMLButtonElement>('[data-action="reset"]'),
    solution: $<HTMLButtonElement>('[data-action="solution"]'),
  };
  bindToolbar(buttons, files, run.state, {
    run: () => void controller.run(),
    stop: () => void controller.stop(),
    reset: () => {
      if (!editor) return;
      files.setSolutionShown(false);
      setStatus(editor.resetToStarting() ? 'Reset to the starting files. Undo with Ctrl+Z.' : 'These are already the starting files.');
    },
  });
  bindTabs($('[data-file-tabs]'), $('[data-editor-panel]'), files);

  let inspector: 'idle' | 'loading' | 'ready' = 'idle';
  const showArea = bindAreaSwitch($('[data-area-tabs]'), root, (area) => {
    if (area !== 'inspector' || inspector !== 'idle') return;
    inspector = 'loading';
    const section = $('[data-inspector]');
    import('../inspector/shell.ts')
      .then(({ mountInspector }) => {
        mountInspector({ section, live: run.log, name: lesson.slug });
        inspector = 'ready';
        root.dataset.inspectorReady = '';
      })
      .catch((error: unknown) => {
        inspector = 'idle';
        section.querySelector('.pg-loading')?.replaceChildren(
          `The inspector could not load (${error instanceof Error ? error.message : String(error)}). Switch to Code and back to try again.`,
        );
        console.error(error);
      });
  });

  // A paused description waits in the Munging tab: bring the inspector into view so the
  // learner sees it (the Munging view then selects its own tab), instead of a run that seems stuck.
  let waiting = 0;
  munging.pending.subscribe((pending) => {
    if (pending.length > waiting && root.dataset.area !== 'inspector') {
      showArea('inspector');
      setStatus('A description is waiting for you in Inspector → Munging.');
    }
    waiting = pending.length;
  });

  // Ctrl/Cmd+Enter runs from anywhere in the workspace (the editor handles its own and stops the event).
  root.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.defaultPrevented) return;
    event.preventDefault();
    void controller.run();
  });

  watchTheme((next) => {
    theme = next;
    editor?.setTheme(next);
    consoleView.setTheme(next);
  });

  whenVisible(root, () => {
    const host = $('[data-editor]');
    import('./editor.ts')
      .then(({ createEditor }) => {
        editor = createEditor({ container: host, stores: files, theme, onRun: () => void controller.run() });
        buttons.reset.disabled = false;
        controller.markErrors();
        root.dataset.editorReady = '';
      })
      .catch((error: unknown) => {
        host.querySelector('.pg-loading')?.replaceChildren(
          `The editor could not load (${error instanceof Error ? error.message : String(error)}). Reload the page to try again; your code is saved in this browser.`,
        );
        console.error(error);
      });
  });
}

/** Runs `load` once the element is on screen (at once if it already is). */
function whenVisible(element: HTMLElement, load: () => void): void {
  if (!('IntersectionObserver' in window)) return load();
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      load();
    },
    { rootMargin: '200px' },
  );
  observer.observe(element);
}

/** One message per key (load, save, …); undefined removes it. Each appears as an alert. */
function showNotice(root: HTMLElement, key: string, text: string | undefined): void {
  const box = root.querySelector<HTMLElement>('[data-notices]');
  if (!box) return;
  let notice = box.querySelector<HTMLElement>(`[data-notice="${key}"]`);
  if (!text) {
    notice?.remove();
    return;
  }
  if (!notice) {
    notice = document.createElement('p');
    notice.dataset.notice = key;
    notice.setAttribute('role', 'alert');
    notice.className = 'pg-notice';
    box.append(notice);
  }
  notice.textContent = text;
}
