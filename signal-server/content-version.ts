/**
 * Values derived from a file's content, recomputed only when its modification
 * time changes: a rebuild (`npm start` rebuilding the site, `npm run dev`
 * rebuilding the runtime) replaces files while the server runs.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';

/** `derive(path)`, cached per path until the file's mtime changes. */
export function perFileContent<T>(derive: (path: string) => T): (path: string) => T {
  const cache = new Map<string, { mtimeMs: number; value: T }>();
  return (path) => {
    const mtimeMs = statSync(path).mtimeMs;
    const cached = cache.get(path);
    if (cached?.mtimeMs === mtimeMs) return cached.value;
    const value = derive(path);
    cache.set(path, { mtimeMs, value });
    return value;
  };
}

/** A short hash of a file's content, for URLs that may be cached for good. */
export const contentVersion = perFileContent((path) => createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16));
