/**
 * Where Monaco's web workers come from: each is its own chunk served by the
 * site (Vite's `?worker`), so nothing is fetched from a CDN. Importing this
 * module installs the factory; it must run before the first editor is created.
 */
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TsWorker from 'monaco-editor/language/typescript/ts.worker?worker';
import HtmlWorker from 'monaco-editor/language/html/html.worker?worker';
import CssWorker from 'monaco-editor/language/css/css.worker?worker';

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    switch (label) {
      case 'typescript':
      case 'javascript':
        return new TsWorker();
      case 'html':
        return new HtmlWorker();
      case 'css':
        return new CssWorker();
      default:
        return new EditorWorker();
    }
  },
};
