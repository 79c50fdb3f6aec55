import { afterEach, describe, expect, it } from 'vitest';
import { rmSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { defaultBuildPlan, staleReason } from '../../../signal-server/build-check.ts';
import { tempTree } from './helpers.ts';

const SOURCES = [
  'site/astro.config.mjs',
  'site/src/pages/index.astro',
  'site/public/favicon.svg',
  'lessons/02-two-peers/lesson.mdx',
  'sandbox/runtime/index.ts',
];
const OUTPUTS = ['site/dist/index.html', 'sandbox/dist/runtime.js', 'sandbox/dist/peerjs.js'];

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A project whose sources (files and directories) date from t=1000 s and outputs from t=2000 s. */
function project(extra: string[] = []): string {
  root = tempTree(Object.fromEntries([...SOURCES, ...OUTPUTS, ...extra].map((path) => [path, 'x'])));
  const dirs = new Set<string>();
  for (const path of [...SOURCES, ...extra]) {
    touch(path, 1000);
    for (let dir = path; dir.includes('/'); ) dirs.add((dir = dir.slice(0, dir.lastIndexOf('/'))));
  }
  for (const dir of dirs) touch(dir, 1000);
  for (const path of OUTPUTS) touch(path, 2000);
  return root;
}

function touch(path: string, seconds: number): void {
  utimesSync(join(root, path), seconds, seconds);
}

describe('staleReason', () => {
  it('is null when every output is newer than every source', () => {
    expect(staleReason(project())).toBeNull();
  });

  it('names a missing output', () => {
    project();
    rmSync(join(root, 'sandbox/dist/peerjs.js'));
    expect(staleReason(root)).toBe('sandbox/dist/peerjs.js is missing');
  });

  it('names the source that changed after the oldest output', () => {
    project();
    touch('lessons/02-two-peers/lesson.mdx', 3000);
    expect(staleReason(root)).toBe('lessons/02-two-peers/lesson.mdx changed since the last build');
  });

  it('compares against the oldest output, so a half-finished build counts as stale', () => {
    project();
    touch('site/src/pages/index.astro', 1500);
    touch('site/dist/index.html', 1400);
    expect(staleReason(root)).toBe('site/src/pages/index.astro changed since the last build');
  });

  it('sees the astro config and deleted files (the directory changes)', () => {
    project();
    touch('site/astro.config.mjs', 3000);
    expect(staleReason(root)).toBe('site/astro.config.mjs changed since the last build');
    touch('site/astro.config.mjs', 1000);
    touch('sandbox/runtime', 3000);
    expect(staleReason(root)).toBe('sandbox/runtime changed since the last build');
  });

  it('ignores build outputs and installed or generated folders among the sources', () => {
    project(['sandbox/dist/runtime.js.map', 'site/src/node_modules/x.js', 'site/src/.astro/types.d.ts']);
    touch('sandbox/dist/runtime.js.map', 3000);
    touch('site/src/node_modules/x.js', 3000);
    touch('site/src/.astro/types.d.ts', 3000);
    touch('site/src/node_modules', 3000);
    touch('site/src/.astro', 3000);
    expect(staleReason(root)).toBeNull();
  });

  it('reads lessons from PLAYGROUND_LESSONS_DIR when the site does', () => {
    project(['fixtures/lessons/01-x/lesson.mdx']);
    touch('fixtures/lessons/01-x/lesson.mdx', 3000);
    expect(staleReason(root)).toBeNull();
    expect(staleReason(root, defaultBuildPlan(root, join(root, 'fixtures/lessons')))).toBe(
      'fixtures/lessons/01-x/lesson.mdx changed since the last build',
    );
  });
});
