/**
 * Decides whether `npm start` must build first: when an output is missing, or
 * any source of the site or the sandbox runtime changed after the oldest output
 * was written. Directories count too (their mtime changes when a file is
 * added or deleted), so removing a lesson also triggers a build.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export interface BuildPlan {
  /** Paths relative to the project root. */
  sources: string[];
  outputs: string[];
  /** Skipped wherever they appear under a source (generated or installed files). */
  ignore: string[];
}

/** `lessonsDir`: the site reads lessons from PLAYGROUND_LESSONS_DIR when set (test fixtures), else lessons/. */
export function defaultBuildPlan(root: string, lessonsDir?: string): BuildPlan {
  const lessons = lessonsDir ? relative(root, resolve(root, lessonsDir)).split('\\').join('/') : 'lessons';
  const astroConfigs = readdirSafe(join(root, 'site'))
    .filter((name) => name.startsWith('astro.config.'))
    .map((name) => `site/${name}`);
  return {
    sources: ['site/src', 'site/public', ...astroConfigs, lessons, 'sandbox'],
    outputs: ['site/dist/index.html', 'sandbox/dist/runtime.js', 'sandbox/dist/peerjs.js'],
    ignore: ['sandbox/dist', 'node_modules', '.astro'],
  };
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function mtimeOf(path: string): number | null {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
}

/** The newest file or directory under `path` (inclusive), skipping ignored paths. */
export function newestUnder(root: string, path: string, ignore: readonly string[]): { path: string; mtime: number } | null {
  const full = join(root, path);
  const ignored = (rel: string) => ignore.some((name) => rel === name || rel.startsWith(`${name}/`) || rel.split('/').includes(name));
  const own = mtimeOf(full);
  if (own === null || ignored(path)) return null;
  let newest = { path, mtime: own };
  if (!statSync(full).isDirectory()) return newest;
  for (const entry of readdirSync(full, { recursive: true, withFileTypes: true })) {
    const rel = relative(root, join(entry.parentPath, entry.name)).split('\\').join('/');
    if (ignored(rel)) continue;
    const mtime = mtimeOf(join(root, rel));
    if (mtime !== null && mtime > newest.mtime) newest = { path: rel, mtime };
  }
  return newest;
}

/** Why a build is needed, or null when the outputs are up to date. */
export function staleReason(root: string, plan: BuildPlan = defaultBuildPlan(root)): string | null {
  let oldestOutput = Infinity;
  for (const output of plan.outputs) {
    const mtime = mtimeOf(join(root, output));
    if (mtime === null) return `${output} is missing`;
    oldestOutput = Math.min(oldestOutput, mtime);
  }
  for (const source of plan.sources) {
    const newest = newestUnder(root, source, plan.ignore);
    if (newest && newest.mtime > oldestOutput) return `${newest.path} changed since the last build`;
  }
  return null;
}
