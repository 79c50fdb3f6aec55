/**
 * A short hash of a file's content, recomputed only when its modification
 * time changes (a rebuild in `npm run dev` replaces the runtime while the
 * server runs).
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';

const cache = new Map<string, { mtimeMs: number; version: string }>();

export function contentVersion(path: string): string {
  const mtimeMs = statSync(path).mtimeMs;
  const cached = cache.get(path);
  if (cached?.mtimeMs === mtimeMs) return cached.version;
  const version = createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16);
  cache.set(path, { mtimeMs, version });
  return version;
}
