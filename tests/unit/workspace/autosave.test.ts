import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startAutosave } from '../../../site/src/workspace/autosave.ts';
import { lessonKey } from '../../../site/src/workspace/persistence.ts';
import { createFilesStores } from '../../../site/src/workspace/stores.ts';
import { FakeStorage, quotaError } from './fake-storage.ts';
import { readKept } from '../../../site/src/workspace/kept-copies.ts';
import { lesson } from './lesson.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const saved = (storage: FakeStorage) => {
  const raw = storage.items.get(lessonKey('two-peers'));
  return raw ? (JSON.parse(raw) as { files: Record<string, string> }).files : undefined;
};

describe('startAutosave', () => {
  it('writes the first change at once, then at most every 300 ms while changes go on', () => {
    const storage = new FakeStorage();
    const writes: string[] = [];
    const spy = { ...storage, getItem: storage.getItem.bind(storage), removeItem: storage.removeItem.bind(storage),
      setItem: (key: string, value: string) => { writes.push(value); storage.setItem(key, value); } };
    const stores = createFilesStores(lesson());
    startAutosave({ stores, storage: spy, onProblem: () => {} });
    stores.setFile('main.js', 'a');
    expect(saved(storage)?.['main.js']).toBe('a');
    vi.advanceTimersByTime(100);
    stores.setFile('main.js', 'ab');
    vi.advanceTimersByTime(100);
    stores.setFile('main.js', 'abc');
    vi.advanceTimersByTime(99);
    expect(saved(storage)?.['main.js']).toBe('a');
    vi.advanceTimersByTime(1);
    expect(saved(storage)?.['main.js']).toBe('abc');
    expect(writes).toHaveLength(2);
    // Quiet: nothing more to write, and the next change is written at once again.
    vi.advanceTimersByTime(1000);
    expect(writes).toHaveLength(2);
    stores.setFile('main.js', 'abcd');
    expect(saved(storage)?.['main.js']).toBe('abcd');
  });

  it('flushes at once when the page is hidden or left', () => {
    const storage = new FakeStorage();
    const stores = createFilesStores(lesson());
    const win = new EventTarget();
    const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState });
    startAutosave({ stores, storage, onProblem: () => {}, lifecycle: { window: win as Window, document: doc as unknown as Document } });
    stores.setFile('main.js', 'first');
    stores.setFile('main.js', 'typed');
    expect(saved(storage)?.['main.js']).toBe('first');
    win.dispatchEvent(new Event('pagehide'));
    expect(saved(storage)?.['main.js']).toBe('typed');
    stores.setFile('main.js', 'more!');
    expect(saved(storage)?.['main.js']).toBe('typed');
    doc.visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(saved(storage)?.['main.js']).toBe('more!');
  });

  it('reports a failed save, keeps the code in the store, and clears the report once saving works again', () => {
    const storage = new FakeStorage();
    storage.failWrites = quotaError();
    const stores = createFilesStores(lesson());
    const problems: (string | undefined)[] = [];
    startAutosave({ stores, storage, onProblem: (p) => problems.push(p) });
    stores.setFile('main.js', 'precious');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/full/);
    expect(stores.files.get()['main.js']).toBe('precious');
    storage.failWrites = undefined;
    stores.setFile('main.js', 'precious!');
    vi.advanceTimersByTime(300);
    expect(problems).toEqual([problems[0], undefined]);
    expect(saved(storage)?.['main.js']).toBe('precious!');
  });

  it('writes what is pending when disposed', () => {
    const storage = new FakeStorage();
    const stores = createFilesStores(lesson());
    const autosave = startAutosave({ stores, storage, onProblem: () => {} });
    stores.setFile('main.js', 'first words');
    stores.setFile('main.js', 'last words');
    autosave.dispose();
    expect(saved(storage)?.['main.js']).toBe('last words');
    stores.setFile('main.js', 'after');
    vi.advanceTimersByTime(1000);
    expect(saved(storage)?.['main.js']).toBe('last words');
  });
});

describe('two tabs on one lesson', () => {
  const other = (storage: FakeStorage, files: Record<string, string>, rev = 1) =>
    storage.items.set(lessonKey('two-peers'), JSON.stringify({ version: 1, files, savedAt: '2026-01-02T03:04:05.000Z', rev, tab: 'other' }));

  it('does not save over the other tab: it asks, keeps this tab\'s edits as a copy meanwhile', () => {
    const storage = new FakeStorage();
    const stores = createFilesStores(lesson());
    const conflicts: unknown[] = [];
    startAutosave({ stores, storage, tab: 'me', onProblem: () => {}, onConflict: (c) => conflicts.push(c) });
    other(storage, { ...lesson().files, 'main.js': 'theirs' });
    stores.setFile('main.js', 'mine');
    expect(saved(storage)?.['main.js']).toBe('theirs');
    expect(conflicts).toHaveLength(1);
    expect(readKept(storage, 'two-peers')).toMatchObject([{ kind: 'version', files: { 'main.js': 'mine' } }]);
  });

  it('notices the other tab through checkStored (the storage event) before saving anything', () => {
    const storage = new FakeStorage();
    const stores = createFilesStores(lesson());
    const conflicts: unknown[] = [];
    const autosave = startAutosave({ stores, storage, tab: 'me', onProblem: () => {}, onConflict: (c) => conflicts.push(c) });
    other(storage, { ...lesson().files, 'main.js': 'theirs' });
    autosave.checkStored();
    expect(conflicts).toMatchObject([{ files: { 'main.js': 'theirs' } }]);
  });

  it('"load theirs" puts their files in and keeps this tab\'s version as a copy', () => {
    const storage = new FakeStorage();
    const stores = createFilesStores(lesson());
    const autosave = startAutosave({ stores, storage, tab: 'me', onProblem: () => {} });
    stores.setFile('main.js', 'mine');
    other(storage, { ...lesson().files, 'main.js': 'theirs' }, 2);
    autosave.checkStored();
    autosave.resolve('theirs');
    expect(stores.files.get()['main.js']).toBe('theirs');
    expect(saved(storage)?.['main.js']).toBe('theirs');
    expect(readKept(storage, 'two-peers')).toMatchObject([{ kind: 'version', note: expect.stringMatching(/replaced by the other tab/), files: { 'main.js': 'mine' } }]);
    // Saving goes on over their record now.
    stores.setFile('main.js', 'theirs, edited here');
    vi.advanceTimersByTime(300);
    expect(saved(storage)?.['main.js']).toBe('theirs, edited here');
  });

  it('"keep mine" saves this tab\'s files and keeps theirs as a copy', () => {
    const storage = new FakeStorage();
    const stores = createFilesStores(lesson());
    const autosave = startAutosave({ stores, storage, tab: 'me', onProblem: () => {} });
    other(storage, { ...lesson().files, 'main.js': 'theirs' });
    stores.setFile('main.js', 'mine');
    autosave.resolve('mine');
    expect(saved(storage)?.['main.js']).toBe('mine');
    expect(readKept(storage, 'two-peers')).toMatchObject([{ kind: 'version', files: { 'main.js': 'theirs' } }]);
  });

  it('saves files the lesson no longer has along with the rest', () => {
    const storage = new FakeStorage();
    const stores = createFilesStores(lesson(), { files: { ...lesson().files, 'renamed.js': 'keep me' } });
    startAutosave({ stores, storage, onProblem: () => {} });
    stores.setFile('main.js', 'an edit');
    expect(saved(storage)).toMatchObject({ 'main.js': 'an edit', 'renamed.js': 'keep me' });
    stores.dismissExtraFile('renamed.js');
    vi.advanceTimersByTime(300);
    expect(saved(storage)?.['renamed.js']).toBeUndefined();
  });
});
