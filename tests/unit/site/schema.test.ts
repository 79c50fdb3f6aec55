import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontmatter } from 'astro/markdown';
import { describe, expect, it } from 'vitest';
import { describeIssues, lessonSchemaWithoutImages as schema } from '../../../site/src/lessons/schema.ts';

const valid = { title: 'Two peers', description: 'Connect two peers by hand.', hints: ['Call `createOffer()` first.'] };

function problems(frontmatter: unknown): string[] {
  const result = schema.safeParse(frontmatter);
  return result.success ? [] : describeIssues(result.error);
}

describe('lesson frontmatter schema', () => {
  it('accepts the required fields and fills in the defaults', () => {
    const data = schema.parse(valid);
    expect(data).toMatchObject({ ...valid, timeLimit: 15, template: 'doc', pagefind: true });
    expect(data.focus).toBeUndefined();
  });

  it('keeps focus and timeLimit when given', () => {
    expect(schema.parse({ ...valid, focus: 'index.html', timeLimit: 30 })).toMatchObject({ focus: 'index.html', timeLimit: 30 });
  });

  it('makes pairing an opt-in that must be a boolean', () => {
    expect(schema.parse(valid).pairing).toBe(false);
    expect(schema.parse({ ...valid, pairing: true }).pairing).toBe(true);
    expect(problems({ ...valid, pairing: 'yes' })).toEqual(['pairing: pairing must be true or false']);
  });

  it("accepts Starlight's own page fields", () => {
    const data = schema.parse({ ...valid, banner: { content: 'New!' }, prev: false, head: [] });
    expect(data.banner).toEqual({ content: 'New!' });
    expect(data.prev).toBe(false);
  });

  it.each([
    ['title', { ...valid, title: undefined }, /^title: title is required/],
    ['description', { ...valid, description: undefined }, /^description: description is required/],
    ['description', { ...valid, description: '  ' }, /^description: description must not be empty/],
    ['hints', { ...valid, hints: undefined }, /^hints: hints is required/],
    ['hints', { ...valid, hints: [] }, /^hints: hints must list at least one hint/],
    ['hints', { ...valid, hints: 'one hint' }, /^hints: hints is required/],
    ['hints.1', { ...valid, hints: ['ok', ''] }, /^hints\.1: a hint must not be empty/],
    ['hints.0', { ...valid, hints: [3] }, /^hints\.0: each hint must be a string/],
    ['focus', { ...valid, focus: 'src/main.js' }, /^focus: focus must be a flat file name/],
    ['focus', { ...valid, focus: 7 }, /^focus: focus must be a file name/],
    ['timeLimit', { ...valid, timeLimit: 4 }, /^timeLimit: timeLimit must be at least 5 seconds/],
    ['timeLimit', { ...valid, timeLimit: 121 }, /^timeLimit: timeLimit must be at most 120 seconds/],
    ['timeLimit', { ...valid, timeLimit: '15' }, /^timeLimit: timeLimit must be a number/],
  ])('rejects a bad %s with a message naming it', (_field, frontmatter, message) => {
    const found = problems(frontmatter);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
  });

  it('rejects an unknown key, naming it, so a typo is not silently ignored', () => {
    expect(problems({ ...valid, timelimit: 30 })).toEqual(['(frontmatter): Unrecognized key: "timelimit"']);
  });

  it('reports every problem at once', () => {
    expect(problems({ title: 'x' }).map((line) => line.split(':')[0])).toEqual(['description', 'hints']);
  });
});

describe('the real lessons', () => {
  const lessonsDir = fileURLToPath(new URL('../../../lessons/', import.meta.url));
  const files = existsSync(lessonsDir)
    ? readdirSync(lessonsDir)
        .map((folder) => join(lessonsDir, folder, 'lesson.mdx'))
        .filter((file) => existsSync(file))
    : [];

  it.each(files)('%s has valid frontmatter', (file) => {
    const { frontmatter } = parseFrontmatter(readFileSync(file, 'utf8'));
    expect(problems(frontmatter)).toEqual([]);
  });
});
