/**
 * Copies values from the learner's program into the event log as JSON:
 * descriptions, candidates, configurations, PeerJS options and messages. The
 * log must survive postMessage, storage and export, so nothing live and
 * nothing cyclic goes in. Pure, unit-tested.
 */
import type { Json } from '../log/events.ts';
import { className, nativeGetterValues } from './format/object-shape.ts';
import { MAX_JSON_STRING, truncateLine } from '../limits.ts';

/** Lets a caller describe objects it knows better (tracks, senders, data channels…). */
export type Describer = (value: object) => Json | undefined;

const MAX_DEPTH = 8;
const MAX_ITEMS = 1000;

export function toJson(value: unknown, describe?: Describer): Json {
  return convert(value, describe, 0, []);
}

function convert(value: unknown, describe: Describer | undefined, depth: number, ancestors: object[]): Json {
  switch (typeof value) {
    case 'string':
      // A 64 MiB string handed to playground.report must not cross to the page whole.
      return truncateLine(value, MAX_JSON_STRING);
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'bigint':
      return value.toString();
    case 'undefined':
    case 'function':
    case 'symbol':
      return null;
  }
  if (value === null) return null;
  const object = value as object;
  if (ancestors.includes(object)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[…]';
  ancestors.push(object);
  try {
    return convertObject(object, describe, depth, ancestors);
  } catch {
    return `[${className(object) || 'Object'}]`;
  } finally {
    ancestors.pop();
  }
}

function convertObject(value: object, describe: Describer | undefined, depth: number, ancestors: object[]): Json {
  const described = describe?.(value);
  if (described !== undefined) return described;
  const next = (v: unknown) => convert(v, describe, depth + 1, ancestors);

  if (Array.isArray(value)) return value.slice(0, MAX_ITEMS).map(next);
  if (value instanceof ArrayBuffer) return { byteLength: value.byteLength };
  if (ArrayBuffer.isView(value)) return { type: className(value) ?? 'ArrayBufferView', byteLength: value.byteLength };
  if (value instanceof Map) return [...value.entries()].slice(0, MAX_ITEMS).map(([k, v]) => [next(k), next(v)]);
  if (value instanceof Set) return [...value.values()].slice(0, MAX_ITEMS).map(next);
  if (value instanceof Error) return { name: value.name, message: value.message };

  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return next(toJSON.call(value));

  const out: { [key: string]: Json } = {};
  const keys = Object.keys(value);
  if (keys.length === 0 && className(value)) {
    for (const [key, v] of nativeGetterValues(value)) out[key] = next(v);
    return out;
  }
  for (const key of keys.slice(0, MAX_ITEMS)) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    out[key] = next(v);
  }
  return out;
}
