/**
 * Turns any value into readable text for the console: the way DevTools or
 * Node would show it, never "[object Object]". Pure (no DOM), unit-tested.
 *
 * Shape of the output: `{ a: 1, b: [1, 2] }`, `Map(1) { "k" => 1 }`,
 * `Set(2) { 1, 2 }`, `Uint8Array(3) [1, 2, 3]`, `Peer { id: "x" }`,
 * `<video id="remote">`, `[Circular]`; long values break over several lines.
 */
import { className, isErrorLike, isNodeLike, nativeGetterValues, type NodeLike } from './object-shape.ts';

export interface InspectOptions {
  /** Nesting shown before objects collapse to `[Object]`; default 3. */
  depth?: number;
  /** Rewrites an error's stack (e.g. maps URLs to the learner's file names). */
  cleanStack?: (stack: string) => string;
}

const MAX_ITEMS = 100;
const MAX_STRING = 300;
const LINE_WIDTH = 72;

interface State {
  depth: number;
  cleanStack: (stack: string) => string;
  ancestors: object[];
}

export function inspect(value: unknown, options: InspectOptions = {}): string {
  return show(value, 0, { depth: options.depth ?? 3, cleanStack: options.cleanStack ?? ((s) => s), ancestors: [] });
}

function show(value: unknown, level: number, state: State): string {
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${value}n`;
    case 'symbol':
      return value.toString();
    case 'function':
      return showFunction(value);
    case 'undefined':
    case 'boolean':
      return String(value);
  }
  if (value === null) return 'null';
  const object = value as object;
  if (state.ancestors.includes(object)) return '[Circular]';
  state.ancestors.push(object);
  try {
    return showObject(object, level, state);
  } catch {
    return `${className(object) || 'Object'} {…}`;
  } finally {
    state.ancestors.pop();
  }
}

function showObject(value: object, level: number, state: State): string {
  if (isErrorLike(value)) return showError(value, level, state);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (value instanceof RegExp) return String(value);
  if (value instanceof Promise) return 'Promise {…}';
  if (value instanceof WeakMap || value instanceof WeakSet || (typeof WeakRef === 'function' && value instanceof WeakRef)) {
    return `${className(value)} {…}`;
  }
  if (isNodeLike(value)) return showNode(value);
  if (value instanceof ArrayBuffer) return `ArrayBuffer { byteLength: ${value.byteLength} }`;
  if (value instanceof Number || value instanceof String || value instanceof Boolean) {
    return `[${className(value)}: ${show(value.valueOf(), level, state)}]`;
  }

  const name = className(value);
  const prefix = name === null ? '[Object: null prototype] ' : name ? `${name} ` : '';
  const deeper = level >= state.depth;

  if (Array.isArray(value)) {
    if (deeper) return value.length ? '[Array]' : '[]';
    return brackets(name && name !== 'Array' ? `${name}(${value.length}) ` : '', '[', arrayItems(value, level, state), ']');
  }
  if (ArrayBuffer.isView(value)) {
    if (!('length' in value)) return `${name} { byteLength: ${value.byteLength} }`;
    const items = Array.from({ length: Math.min(MAX_ITEMS, value.length as number) }, (_, i) => show((value as unknown as ArrayLike<unknown>)[i], level + 1, state));
    if ((value.length as number) > MAX_ITEMS) items.push(more((value.length as number) - MAX_ITEMS));
    return brackets(`${name}(${value.length}) `, '[', items, ']');
  }
  if (value instanceof Map) {
    if (deeper) return `${prefix.trim()}(${value.size}) {…}`;
    const items = limited(value.entries(), value.size, ([k, v]) => `${show(k, level + 1, state)} => ${show(v, level + 1, state)}`);
    return brackets(`${name}(${value.size}) `, '{', items, '}');
  }
  if (value instanceof Set) {
    if (deeper) return `${prefix.trim()}(${value.size}) {…}`;
    return brackets(`${name}(${value.size}) `, '{', limited(value.values(), value.size, (v) => show(v, level + 1, state)), '}');
  }

  const keys = Object.keys(value);
  if (keys.length === 0 && name) {
    // Browser objects keep their state behind getters; some describe themselves with toJSON.
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') {
      const json: unknown = toJSON.call(value);
      if (json && typeof json === 'object') return deeper ? `${name} {…}` : `${name} ${show(json, level, state)}`;
    }
    const getters = nativeGetterValues(value);
    if (getters.length) {
      if (deeper) return `${name} {…}`;
      return brackets(prefix, '{', getters.map(([k, v]) => `${showKey(k)}: ${show(v, level + 1, state)}`), '}');
    }
  }
  if (keys.length === 0) return `${prefix}{}`;
  if (deeper) return name ? `${name} {…}` : '[Object]';
  const items = limited(keys.values(), keys.length, (key) => `${showKey(key)}: ${show(readProperty(value, key), level + 1, state)}`);
  return brackets(prefix, '{', items, '}');
}

function readProperty(object: object, key: string): unknown {
  try {
    return (object as Record<string, unknown>)[key];
  } catch (error) {
    return `[Thrown: ${error instanceof Error ? error.message : String(error)}]`;
  }
}

function arrayItems(array: unknown[], level: number, state: State): string[] {
  const items: string[] = [];
  let holes = 0;
  const flushHoles = () => {
    if (holes) items.push(`<${holes} empty item${holes === 1 ? '' : 's'}>`);
    holes = 0;
  };
  const shown = Math.min(array.length, MAX_ITEMS);
  for (let i = 0; i < shown; i++) {
    if (!(i in array)) {
      holes++;
      continue;
    }
    flushHoles();
    items.push(show(array[i], level + 1, state));
  }
  flushHoles();
  if (array.length > MAX_ITEMS) items.push(more(array.length - MAX_ITEMS));
  return items;
}

function limited<T>(iterator: Iterator<T>, size: number, render: (item: T) => string): string[] {
  const items: string[] = [];
  for (let next = iterator.next(); !next.done && items.length < MAX_ITEMS; next = iterator.next()) items.push(render(next.value));
  if (size > MAX_ITEMS) items.push(more(size - MAX_ITEMS));
  return items;
}

const more = (n: number) => `... ${n} more item${n === 1 ? '' : 's'}`;

/** One line when it fits, otherwise one item per line, indented. */
function brackets(prefix: string, open: string, items: string[], close: string): string {
  if (items.length === 0) return `${prefix}${open}${close}`;
  const pad = open === '[' ? '' : ' ';
  const oneLine = `${prefix}${open}${pad}${items.join(', ')}${pad}${close}`;
  if (oneLine.length <= LINE_WIDTH && !oneLine.includes('\n')) return oneLine;
  const body = items.map((item) => `  ${item.replaceAll('\n', '\n  ')}`).join(',\n');
  return `${prefix}${open}\n${body}\n${close}`;
}

function quote(text: string): string {
  const cut = text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}… (${text.length} characters)` : text;
  return JSON.stringify(cut);
}

const identifier = /^[A-Za-z_$][\w$]*$/;
function showKey(key: string): string {
  return identifier.test(key) ? key : JSON.stringify(key);
}

function showFunction(fn: Function): string {
  let source = '';
  try {
    source = Function.prototype.toString.call(fn);
  } catch {
    // proxies of functions may refuse
  }
  if (source.startsWith('class')) return `[class ${fn.name || '(anonymous)'}]`;
  return `[Function: ${fn.name || '(anonymous)'}]`;
}

function showError(error: Error, level: number, state: State): string {
  const name = safeString(() => error.name) || 'Error';
  const message = safeString(() => error.message);
  const head = message ? `${name}: ${message}` : name;
  if (level > 0) return `[${head}]`;
  const stack = safeString(() => error.stack);
  let text = stack && stack.includes(message) ? state.cleanStack(stack) : head;
  const extra = Object.keys(error).filter((k) => k !== 'stack' && k !== 'message');
  if (extra.length) text += ` ${brackets('', '{', extra.map((k) => `${showKey(k)}: ${show(readProperty(error, k), level + 1, state)}`), '}')}`;
  const cause = (error as { cause?: unknown }).cause;
  if (cause !== undefined) text += `\n  [cause]: ${show(cause, level + 1, state)}`;
  return text;
}

function safeString(read: () => unknown): string {
  try {
    const value = read();
    return typeof value === 'string' ? value : value === undefined ? '' : String(value);
  } catch {
    return '';
  }
}

function showNode(node: NodeLike): string {
  switch (node.nodeType) {
    case 1: {
      const tag = node.nodeName.toLowerCase();
      const id = typeof node.id === 'string' && node.id ? ` id="${node.id}"` : '';
      const cls = typeof node.className === 'string' && node.className ? ` class="${node.className}"` : '';
      return `<${tag}${id}${cls}>`;
    }
    case 3:
      return `#text ${quote(node.nodeValue ?? '')}`;
    case 8:
      return `<!--${node.nodeValue ?? ''}-->`;
    default:
      return node.nodeName;
  }
}
