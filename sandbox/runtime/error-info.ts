/**
 * What an error is, for the log: name, message, a stack cut down to the
 * learner's frames, and where in the learner's files it happened. Pure,
 * unit-tested.
 */
import type { SourceLocation } from '../log/events.ts';
import { formatArgs } from './format/args.ts';
import { isErrorLike } from './format/object-shape.ts';
import { cleanStack, locationFromStack } from './source-location.ts';

export interface Described {
  name: string;
  message: string;
  stack?: string;
  location?: SourceLocation;
}

export function describeThrown(value: unknown, base: string): Described {
  if (typeof value === 'object' && value !== null && isErrorLike(value)) {
    const stack = typeof value.stack === 'string' ? value.stack : undefined;
    const described: Described = { name: String(value.name || 'Error'), message: String(value.message ?? '') };
    if (stack) {
      described.stack = cleanStack(stack, base);
      const location = locationFromStack(stack, base);
      if (location) described.location = location;
    }
    return described;
  }
  return { name: 'Error', message: formatArgs([value]) };
}

/** "Uncaught SyntaxError: Unexpected token '}'" → { name: "SyntaxError", message: "Unexpected token '}'" } */
export function parseErrorMessage(text: string): { name: string; message: string } {
  const match = /^(?:Uncaught )?([A-Z]\w*(?:Error|Exception)): ([\s\S]*)$/.exec(text);
  if (match) return { name: match[1] ?? 'Error', message: match[2] ?? '' };
  return { name: 'Error', message: text.replace(/^Uncaught /, '') };
}
