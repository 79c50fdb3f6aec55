/**
 * The Monaco editor bound to the file stores: one model per file
 * (file:///main.js), the open tab's model in the editor, the solution in its
 * own read-only models (file:///solution/main.js) so the learner's models,
 * with their undo history, are never touched by showing it. Every edit to a
 * learner model is written to the stores; the stores are the truth.
 */
import { monaco, typescript } from './monaco.ts';
import { configureLanguages } from './monaco-types.ts';
import { languageFor } from './lesson-paths.ts';
import type { FilesStores } from './stores.ts';
import type { EditorHandle, RunError, Theme } from './types.ts';

type Model = monaco.editor.ITextModel;

export type { EditorHandle, RunError };

export interface EditorOptions {
  container: HTMLElement;
  stores: FilesStores;
  theme: Theme;
  onRun(): void;
}

const MARKER_OWNER = 'playground-run';
let languagesConfigured = false;

export function createEditor({ container, stores, theme, onRun }: EditorOptions): EditorHandle {
  if (!languagesConfigured) {
    configureLanguages(typescript);
    languagesConfigured = true;
  }
  const own = new Map<string, Model>();
  const solution = new Map<string, Model>();
  const viewStates = new Map<Model, monaco.editor.ICodeEditorViewState | null>();
  const decorations = new Map<Model, string[]>();
  const disposables: monaco.IDisposable[] = [];

  const makeModel = (path: string, name: string, text: string): Model => {
    const uri = monaco.Uri.parse(`file:///${path}`);
    // A model left by an earlier mount of this page (client-side navigation) is replaced, not reused.
    monaco.editor.getModel(uri)?.dispose();
    return monaco.editor.createModel(text, languageFor(name), uri);
  };

  for (const name of stores.names) {
    const model = makeModel(name, name, stores.files.get()[name] ?? '');
    own.set(name, model);
    disposables.push(model.onDidChangeContent(() => stores.setFile(name, model.getValue())));
  }
  const solutionModel = (name: string): Model | undefined => {
    let model = solution.get(name);
    const text = stores.lesson.solution[name];
    if (!model && text !== undefined) {
      model = makeModel(`solution/${name}`, name, text);
      solution.set(name, model);
    }
    return model;
  };

  container.replaceChildren();
  const editor = monaco.editor.create(container, {
    model: null,
    ariaLabel: 'Code editor',
    // The classic textarea input: the UI contract names a textarea, and it is what assistive tech and tests know best.
    editContext: false,
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 14,
    lineNumbersMinChars: 3,
    scrollBeyondLastLine: false,
    tabSize: 2,
    fixedOverflowWidgets: true,
    padding: { top: 8 },
    theme: monacoTheme(theme),
    readOnlyMessage: { value: 'This is the solution, read-only. Press **Solution** again to get back to your own code.' },
  });
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, onRun);

  const show = () => {
    const name = stores.openFile.get();
    const shown = stores.solutionShown.get();
    const model = (shown ? solutionModel(name) : undefined) ?? own.get(name) ?? null;
    const current = editor.getModel();
    if (current !== model) {
      if (current) viewStates.set(current, editor.saveViewState());
      editor.setModel(model);
      const state = model ? viewStates.get(model) : undefined;
      if (state) editor.restoreViewState(state);
    }
    editor.updateOptions({ readOnly: shown });
  };
  show();

  function replaceFiles(files: Readonly<Record<string, string>>): boolean {
    let changed = false;
    for (const [name, model] of own) {
      const text = files[name] ?? stores.lesson.files[name] ?? '';
      if (model.getValue() === text) continue;
      changed = true;
      // Separate undo stops around the change, so one Ctrl+Z undoes exactly it.
      model.pushStackElement();
      model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
      model.pushStackElement();
    }
    return changed;
  }
  const unsubscribe = [stores.openFile.listen(show), stores.solutionShown.listen(show)];

  return {
    resetToStarting() {
      return replaceFiles(stores.lesson.files);
    },
    replaceFiles,
    showErrors(errors, inSolution) {
      const byModel = new Map<Model, RunError[]>();
      for (const error of errors) {
        const model = inSolution ? solutionModel(error.location.file) : own.get(error.location.file);
        if (model) byModel.set(model, [...(byModel.get(model) ?? []), error]);
      }
      for (const [model, list] of byModel) markModel(model, list, decorations);
    },
    clearErrors() {
      for (const model of [...own.values(), ...solution.values()]) {
        monaco.editor.setModelMarkers(model, MARKER_OWNER, []);
        decorations.set(model, model.deltaDecorations(decorations.get(model) ?? [], []));
      }
    },
    setTheme(next) {
      monaco.editor.setTheme(monacoTheme(next));
    },
    focus() {
      editor.focus();
    },
    dispose() {
      for (const stop of unsubscribe) stop();
      for (const d of disposables) d.dispose();
      editor.dispose();
      for (const model of [...own.values(), ...solution.values()]) model.dispose();
    },
  };
}

function markModel(model: Model, errors: readonly RunError[], decorations: Map<Model, string[]>): void {
  const lineCount = model.getLineCount();
  const ranges = errors.map(({ location, message }) => {
    const line = Math.min(Math.max(1, location.line), lineCount);
    const start = Math.max(1, location.column ?? model.getLineFirstNonWhitespaceColumn(line));
    return { line, start, end: model.getLineMaxColumn(line), message };
  });
  monaco.editor.setModelMarkers(
    model,
    MARKER_OWNER,
    ranges.map((r) => ({
      severity: monaco.MarkerSeverity.Error,
      message: r.message,
      source: 'Run',
      startLineNumber: r.line,
      startColumn: Math.min(r.start, r.end),
      endLineNumber: r.line,
      endColumn: r.end,
    })),
  );
  decorations.set(
    model,
    model.deltaDecorations(
      decorations.get(model) ?? [],
      ranges.map((r) => ({
        range: new monaco.Range(r.line, 1, r.line, 1),
        options: {
          isWholeLine: true,
          className: 'pg-error-line',
          linesDecorationsClassName: 'pg-error-gutter',
          hoverMessage: { value: r.message },
        },
      })),
    ),
  );
}

/**
 * Monaco's own dark theme draws comments in #608b4e on #1e1e1e, a contrast of
 * 4.2:1 (WCAG AA asks 4.5:1 for text): ours changes only that colour.
 */
const DARK_THEME = 'playground-dark';
let darkThemeDefined = false;

function monacoTheme(theme: Theme): string {
  if (theme === 'light') return 'vs';
  if (!darkThemeDefined) {
    monaco.editor.defineTheme(DARK_THEME, { base: 'vs-dark', inherit: true, rules: [{ token: 'comment', foreground: '7ca668' }], colors: {} });
    darkThemeDefined = true;
  }
  return DARK_THEME;
}
