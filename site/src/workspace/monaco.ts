/**
 * The parts of Monaco the workspace uses, and nothing else (Monaco 0.56+ has
 * tree-shakeable entry points): the editor core with its features, the
 * JavaScript, TypeScript, HTML and CSS languages and their language services.
 * Loaded only through a dynamic import, so the lesson is readable first.
 */
import './monaco-env.ts';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/javascript/register';
import 'monaco-editor/languages/definitions/typescript/register';
import 'monaco-editor/languages/definitions/html/register';
import 'monaco-editor/languages/definitions/css/register';
import 'monaco-editor/languages/features/html/register';
import 'monaco-editor/languages/features/css/register';

export * as monaco from 'monaco-editor/editor';
export * as typescript from 'monaco-editor/languages/features/typescript/register';
