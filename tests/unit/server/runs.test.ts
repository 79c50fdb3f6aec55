import { describe, expect, it } from 'vitest';
import { isValidRunPath, parseRunRequest, RunRequestError, type RunLimits } from '../../../signal-server/run-request.ts';
import { createRunStore, FILE_OVERHEAD_BYTES, memoryOfRun, memoryOfString, newRunId, RUN_ID_PATTERN } from '../../../signal-server/runs.ts';

const limits: RunLimits = { maxFiles: 3, maxFileBytes: 100, maxRunBytes: 150, maxPathLength: 40 };

function rejection(body: unknown): { status: number; message: string } {
  try {
    parseRunRequest(body, limits);
  } catch (error) {
    expect(error).toBeInstanceOf(RunRequestError);
    return { status: (error as RunRequestError).status, message: (error as Error).message };
  }
  throw new Error('expected a RunRequestError');
}

describe('isValidRunPath', () => {
  it('accepts plain relative paths', () => {
    for (const path of ['index.html', 'main.js', 'css/style.css', 'a_b-c.d.e', 'lib/x/y.mjs']) expect(isValidRunPath(path)).toBe(true);
  });

  it('refuses anything that could leave the run or hide', () => {
    for (const path of ['', '/etc/passwd', '../x', 'a/../b', './a', '.env', 'a/.git/config', 'a//b', 'a/', 'a\\b', 'a b', '%2e%2e', 'é.js']) {
      expect(isValidRunPath(path), path).toBe(false);
    }
    expect(isValidRunPath('a'.repeat(201))).toBe(false);
  });
});

describe('parseRunRequest', () => {
  it('returns the files of a good request', () => {
    const files = parseRunRequest({ files: { 'index.html': '<p>hi', 'main.js': 'x' } }, limits);
    expect([...files]).toEqual([
      ['index.html', '<p>hi'],
      ['main.js', 'x'],
    ]);
  });

  it('answers 400 for malformed requests, saying what is wrong', () => {
    expect(rejection(null)).toMatchObject({ status: 400, message: expect.stringContaining('JSON object') });
    expect(rejection([])).toMatchObject({ status: 400 });
    expect(rejection({})).toMatchObject({ status: 400, message: expect.stringContaining('"files" must be an object') });
    expect(rejection({ files: ['index.html'] })).toMatchObject({ status: 400 });
    expect(rejection({ files: { 'index.html': 5 } })).toMatchObject({ status: 400, message: 'The content of "index.html" must be a string' });
    expect(rejection({ files: { '../secret': 'x', 'index.html': '' } })).toMatchObject({
      status: 400,
      message: expect.stringContaining('Invalid file path "../secret"'),
    });
    expect(rejection({ files: { 'main.js': 'x' } })).toMatchObject({ status: 400, message: expect.stringContaining('needs an "index.html"') });
  });

  it('answers 413 past the limits, counting UTF-8 bytes', () => {
    expect(rejection({ files: { 'index.html': '', a: '', b: '', c: '' } })).toMatchObject({
      status: 413,
      message: 'A run may have at most 3 files; this one has 4',
    });
    expect(rejection({ files: { 'index.html': 'x'.repeat(101) } }).status).toBe(413);
    // 50 characters of 2 bytes each: 100 bytes, just at the limit; one more is over.
    expect(() => parseRunRequest({ files: { 'index.html': 'é'.repeat(50) } }, limits)).not.toThrow();
    expect(rejection({ files: { 'index.html': 'é'.repeat(51) } }).status).toBe(413);
    expect(rejection({ files: { 'index.html': 'x'.repeat(80), 'a.js': 'x'.repeat(80) } })).toMatchObject({
      status: 413,
      message: expect.stringContaining('a run may be at most'),
    });
  });
});

describe('run ids', () => {
  it('are 128 random bits in hex', () => {
    const ids = new Set(Array.from({ length: 200 }, newRunId));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(RUN_ID_PATTERN);
  });
});

describe('createRunStore', () => {
  const files = (text = 'x') => new Map([['index.html', text]]);

  it('stores and returns runs by id, and nothing for unknown or malformed ids', () => {
    const store = createRunStore();
    const run = store.create(files('hello'));
    expect(store.get(run.id)?.files.get('index.html')).toBe('hello');
    expect(store.get(newRunId())).toBeUndefined();
    expect(store.get('../../etc')).toBeUndefined();
    expect(store.get(run.id.toUpperCase())).toBeUndefined();
  });

  it('copies the files, so later changes to the caller’s map do not alter the run', () => {
    const store = createRunStore();
    const input = files('a');
    const run = store.create(input);
    input.set('index.html', 'b');
    expect(store.get(run.id)?.files.get('index.html')).toBe('a');
  });

  it('forgets runs after their time to live', () => {
    let now = 1_000;
    const store = createRunStore({ maxRuns: 10, maxBytes: 1000, ttlMs: 60_000 }, () => now);
    const old = store.create(files());
    now += 30_000;
    const young = store.create(files());
    now += 30_000;
    expect(store.get(old.id)).toBeUndefined();
    expect(store.get(young.id)).toBeDefined();
    now += 30_000;
    store.sweep();
    expect(store.size).toBe(0);
    expect(store.bytes).toBe(0);
  });

  it('makes room by dropping the oldest runs when full, by count and by bytes', () => {
    const small = memoryOfRun(files('1234'));
    const store = createRunStore({ maxRuns: 2, maxBytes: small + memoryOfRun(files('123456')), ttlMs: 60_000 });
    const a = store.create(files('1234'));
    const b = store.create(files('1234'));
    const c = store.create(files('1234'));
    expect([store.get(a.id), store.get(b.id) !== undefined, store.get(c.id) !== undefined]).toEqual([undefined, true, true]);
    const d = store.create(files('12345678'));
    expect(store.get(b.id)).toBeUndefined();
    expect(store.get(c.id)).toBeUndefined();
    expect(store.get(d.id)).toBeDefined();
    expect(store.bytes).toBe(memoryOfRun(files('12345678')));
  });

  it('counts the memory V8 gives the text: one byte a character in Latin-1, else two for the whole string', () => {
    expect(memoryOfString('')).toBe(0);
    expect(memoryOfString('abc')).toBe(3);
    expect(memoryOfString('café ÿ')).toBe(6); // Latin-1: one byte each, though UTF-8 needs 8
    expect(memoryOfString('a'.repeat(1000) + '中')).toBe(2002); // one wide character widens them all (UTF-8: 1003)
    expect(memoryOfString('😀')).toBe(4); // two UTF-16 code units
    expect(memoryOfRun(new Map([['index.html', 'é'], ['a.js', 'Ā']]))).toBe(10 + 1 + 4 + 2 + 2 * FILE_OVERHEAD_BYTES);
  });

  it('fills by memory, so two-byte text holds half as many runs as Latin-1 text of the same UTF-8 size', () => {
    const latin = 'a'.repeat(999) + 'é'; // 1001 bytes of UTF-8, 1000 bytes in V8
    const wide = 'a'.repeat(998) + '中'; // 1001 bytes of UTF-8, 1998 bytes in V8
    const fill = (text: string) => {
      const store = createRunStore({ maxRuns: 100, maxBytes: 10_000, ttlMs: 60_000 });
      for (let i = 0; i < 20; i++) store.create(files(text));
      return store.size;
    };
    expect([fill(latin), fill(wide)]).toEqual([9, 4]);
  });

  it('never hands out the same id twice', () => {
    const ids = ['a'.repeat(32), 'a'.repeat(32), 'b'.repeat(32)];
    const store = createRunStore(undefined, Date.now, () => ids.shift()!);
    expect(store.create(files()).id).toBe('a'.repeat(32));
    expect(store.create(files()).id).toBe('b'.repeat(32));
  });
});
