/** Lesson folders written to a temp directory, to test the folder checks against real files. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const VALID_MDX = `---
title: Two peers in one page
description: Connect two peers by hand.
hints:
  - Call \`createOffer()\` first.
---

Body text.
`;

/** A complete lesson: lesson.mdx, checks.ts, files/ with index.html and main.js, and solution/ with the main.js it changes. */
export function completeLesson(): Record<string, string> {
  return {
    'lesson.mdx': VALID_MDX,
    'checks.ts': 'export default [];\n',
    'files/index.html': '<!doctype html><script type="module" src="main.js"></script>\n',
    'files/main.js': '// start here\n',
    'solution/main.js': 'console.log("done");\n',
  };
}

export function makeLessonsDir(lessons: Record<string, Record<string, string>>): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'site-lessons-'));
  for (const [folder, files] of Object.entries(lessons)) {
    mkdirSync(join(dir, folder), { recursive: true });
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, folder, path)), { recursive: true });
      writeFileSync(join(dir, folder, path), text);
    }
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function without(files: Record<string, string>, ...paths: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(files).filter(([path]) => !paths.includes(path)));
}
