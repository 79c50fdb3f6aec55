/**
 * Every lesson folder has the shape the site and the workspace rely on. The
 * site's content schema validates the frontmatter fully at build time; this
 * catches a broken folder without a build (with Astro's own frontmatter parser).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontmatter } from 'astro/markdown';
import { describe, expect, it } from 'vitest';
import type { Check } from '../../../sandbox/checks/types.ts';

const root = fileURLToPath(new URL('../../../lessons/', import.meta.url));
const folders = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

function fileNames(dir: string): string[] {
  return readdirSync(dir).sort();
}

it('has the lessons of this issue', () => {
  expect(folders).toEqual(expect.arrayContaining(['02-two-peers-in-one-page', '05-signalling-with-peerjs']));
});

describe.each(folders)('lessons/%s', (folder) => {
  const dir = join(root, folder);

  it('is named NN-slug', () => {
    expect(folder).toMatch(/^\d\d-[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('has a lesson.mdx with title, description, hints and sensible options', () => {
    const { frontmatter } = parseFrontmatter(readFileSync(join(dir, 'lesson.mdx'), 'utf8'));
    const { title, description, hints, timeLimit, focus = 'main.js' } = frontmatter as Record<string, unknown>;
    expect(typeof title === 'string' && title.trim() !== '').toBe(true);
    expect(typeof description === 'string' && description.trim() !== '').toBe(true);
    expect(Array.isArray(hints) && hints.every((h) => typeof h === 'string' && h.trim() !== '')).toBe(true);
    expect((hints as string[]).length).toBeGreaterThanOrEqual(2);
    expect((hints as string[]).length).toBeLessThanOrEqual(4);
    if (timeLimit !== undefined) {
      expect(typeof timeLimit).toBe('number');
      expect(timeLimit).toBeGreaterThanOrEqual(5);
      expect(timeLimit).toBeLessThanOrEqual(120);
    }
    expect(fileNames(join(dir, 'files'))).toContain(focus);
  });

  it('has starting files with index.html, and a solution that changes some of them', () => {
    expect(existsSync(join(dir, 'files', 'index.html'))).toBe(true);
    const starting = fileNames(join(dir, 'files'));
    const changed = fileNames(join(dir, 'solution'));
    expect(changed.length).toBeGreaterThan(0);
    for (const name of changed) {
      expect(starting, `solution/${name} is one of the starting files`).toContain(name);
      expect(readFileSync(join(dir, 'solution', name), 'utf8'), `solution/${name} differs from files/${name}`).not.toBe(
        readFileSync(join(dir, 'files', name), 'utf8'),
      );
    }
  });

  it('loads nothing from outside the playground', () => {
    for (const side of ['files', 'solution']) {
      for (const name of fileNames(join(dir, side))) {
        const text = readFileSync(join(dir, side, name), 'utf8');
        expect(text, `${side}/${name}`).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
        expect(text, `${side}/${name}`).not.toMatch(/from\s+["']https?:/);
      }
    }
  });

  it('loads main.js as a module from index.html', () => {
    for (const side of ['files', 'solution']) {
      if (!existsSync(join(dir, side, 'main.js'))) continue;
      const entry = existsSync(join(dir, side, 'index.html')) ? join(dir, side, 'index.html') : join(dir, 'files', 'index.html');
      expect(readFileSync(entry, 'utf8')).toMatch(/<script type="module" src="main\.js"><\/script>/);
    }
  });

  it('default-exports a non-empty list of checks with unique ids', async () => {
    const module = (await import(join(dir, 'checks.ts'))) as { default: Check[] };
    const checks = module.default;
    expect(Array.isArray(checks)).toBe(true);
    expect(checks.length).toBeGreaterThan(0);
    const ids = checks.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const check of checks) {
      expect(check.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(check.title.trim()).not.toBe('');
      expect(typeof check.verify).toBe('function');
      // Before anything ran, a check waits; it never passes on an empty log.
      expect(check.verify([]).status).toBe('pending');
    }
  });
});
