/**
 * Rewrites learner JavaScript so that every loop checks, on each iteration,
 * how long it has been running, and is stopped by the runtime past its budget.
 * Line numbers are preserved (insertions never add lines) so errors still
 * point at the learner's own lines. Source that does not parse is returned
 * unchanged: the browser then reports the syntax error at its real line.
 *
 * The shape of the rewrite, for `outer: while (x) y();`:
 *
 *   {let __pgLoop1 = globalThis.__playgroundLoop?.enter("while", "main.js", 1, 1);
 *    outer: while (x) {__pgLoop1?.check();y();}}
 *
 * - The block around the loop gives every entry into the loop its own timer
 *   (a nested loop is re-entered on each outer iteration; a recursive call
 *   gets its own) and is harmless wherever a statement may stand, including
 *   the single-statement body of an `if`, `else` or another loop.
 * - Labels stay glued to their loop, so `break label` / `continue label` work.
 * - The check sits at the top of the body, which every iteration runs, also
 *   after `continue`; the optional chaining makes the rewritten file harmless
 *   where no runtime exists (a Worker).
 */
import { Parser, type Node, type Options } from 'acorn';
import { ancestor } from 'acorn-walk';
import MagicString from 'magic-string';
import { LOOP_GUARD_GLOBAL, type LoopKind } from './loop-guard-api.ts';

type LoopNode = Node & { type: LoopType; body: Node; loc?: { start: { line: number; column: number } } | null };
type LoopType = 'WhileStatement' | 'DoWhileStatement' | 'ForStatement' | 'ForInStatement' | 'ForOfStatement';

const KIND: Record<LoopType, LoopKind> = {
  WhileStatement: 'while',
  DoWhileStatement: 'do-while',
  ForStatement: 'for',
  ForInStatement: 'for-in',
  ForOfStatement: 'for-of',
};

interface FoundLoop {
  node: LoopNode;
  /** Where the wrapping block opens: the loop itself or its outermost label. */
  wrapStart: number;
}

export function guardLoops(source: string, file: string): string {
  const ast = parse(source);
  if (!ast) return source;

  const loops: FoundLoop[] = [];
  const record = (node: Node, _state: unknown, ancestors: Node[]) => {
    loops.push({ node: node as LoopNode, wrapStart: labelledStart(node, ancestors) });
  };
  ancestor(ast, {
    WhileStatement: record,
    DoWhileStatement: record,
    ForStatement: record,
    ForInStatement: record,
    ForOfStatement: record,
  });
  if (loops.length === 0) return source;

  // Outer loops first: insertions at a shared position then nest correctly
  // (openings appended in this order, closings prepended in this order).
  loops.sort((a, b) => a.wrapStart - b.wrapStart || b.node.end - a.node.end);

  const out = new MagicString(source);
  loops.forEach((loop, index) => {
    const name = `__pgLoop${index + 1}`;
    const { node } = loop;
    const start = node.loc?.start ?? { line: 1, column: 0 };
    const args = [JSON.stringify(KIND[node.type]), JSON.stringify(file), start.line, start.column + 1].join(', ');
    out.appendRight(loop.wrapStart, `{let ${name} = globalThis.${LOOP_GUARD_GLOBAL}?.enter(${args}); `);
    out.prependLeft(node.end, '}');

    const check = `${name}?.check();`;
    const body = node.body;
    if (body.type === 'BlockStatement') {
      out.appendRight(body.start + 1, check);
    } else {
      out.appendRight(body.start, `{${check}`);
      out.prependLeft(body.end, '}');
    }
  });
  return out.toString();
}

const BASE_OPTIONS: Options = {
  ecmaVersion: 'latest',
  locations: true,
  allowHashBang: true,
};

/** Module first (top-level await, import/export); classic script if that fails (sloppy-mode code). */
function parse(source: string): Node | null {
  for (const sourceType of ['module', 'script'] as const) {
    try {
      return Parser.parse(source, { ...BASE_OPTIONS, sourceType });
    } catch {
      // try the next source type
    }
  }
  return null;
}

function labelledStart(node: Node, ancestors: Node[]): number {
  let start = node.start;
  // ancestors ends with the node itself; walk up through directly enclosing labels.
  for (let i = ancestors.length - 2; i >= 0; i--) {
    const parent = ancestors[i];
    if (parent?.type !== 'LabeledStatement') break;
    start = parent.start;
  }
  return start;
}
