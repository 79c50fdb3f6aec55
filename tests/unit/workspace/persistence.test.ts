import { describe, expect, it } from 'vitest';
import {
  lessonKey,
  markCompleted,
  PROGRESS_KEY,
  readLesson,
  readProgress,
  writeLesson,
} from '../../../site/src/workspace/persistence.ts';
import { keptKey, legacyUnreadableKey, readKept } from '../../../site/src/workspace/kept-copies.ts';
import { FakeStorage, quotaError } from './fake-storage.ts';

const starting = { 'main.js': 'start', 'index.html': '<p>' };
const when = new Date('2026-01-02T03:04:05.000Z');

describe('lesson files', () => {
  it('round-trips edited files with the open file', () => {
    const storage = new FakeStorage();
    expect(writeLesson(storage, 'two-peers', { files: { ...starting, 'main.js': 'mine' }, openFile: 'main.js' }, starting, { tab: 'tabA', now: when })).toEqual({ stamp: { rev: 1, tab: 'tabA' } });
    expect(JSON.parse(storage.items.get('webrtc-playground:lesson:two-peers')!)).toEqual({
      version: 1,
      files: { 'main.js': 'mine', 'index.html': '<p>' },
      openFile: 'main.js',
      savedAt: '2026-01-02T03:04:05.000Z',
      rev: 1,
      tab: 'tabA',
    });
    expect(readLesson(storage, 'two-peers')).toEqual({
      saved: { files: { 'main.js': 'mine', 'index.html': '<p>' }, openFile: 'main.js', savedAt: '2026-01-02T03:04:05.000Z', stamp: { rev: 1, tab: 'tabA' } },
    });
  });

  it('removes the key when the files are back to the starting files', () => {
    const storage = new FakeStorage();
    const first = writeLesson(storage, 'two-peers', { files: { ...starting, 'main.js': 'mine' } }, starting, { tab: 'a' });
    expect(writeLesson(storage, 'two-peers', { files: { ...starting } }, starting, { base: 'stamp' in first ? first.stamp : null, tab: 'a' })).toEqual({ stamp: null });
    expect(storage.items.has(lessonKey('two-peers'))).toBe(false);
    expect(readLesson(storage, 'two-peers')).toEqual({});
  });

  it.each([
    ['not JSON', '{"version":1,'],
    ['a newer format', JSON.stringify({ version: 2, files: {} })],
    ['files that are not text', JSON.stringify({ version: 1, files: { 'main.js': 42 } })],
    ['an array', '[]'],
  ])('keeps an unreadable save (%s) aside and says so', (_, raw) => {
    const storage = new FakeStorage();
    storage.items.set(lessonKey('two-peers'), raw);
    const outcome = readLesson(storage, 'two-peers');
    expect(outcome.saved).toBeUndefined();
    expect(outcome.problem).toMatch(/could not be read.*starting files.*kept below until you dismiss it/);
    expect(readKept(storage, 'two-peers')).toMatchObject([{ kind: 'unreadable', raw }]);
    // Set aside, so a reload does not find it again.
    expect(storage.items.has(lessonKey('two-peers'))).toBe(false);
  });

  it('keeps every unreadable save, not only the first (two corrupt saves, one edit between)', () => {
    const storage = new FakeStorage();
    storage.items.set(lessonKey('two-peers'), 'first{');
    readLesson(storage, 'two-peers');
    writeLesson(storage, 'two-peers', { files: { ...starting, 'main.js': 'an edit' } }, starting, { tab: 'a' });
    storage.items.set(lessonKey('two-peers'), 'second{');
    readLesson(storage, 'two-peers');
    expect(readKept(storage, 'two-peers').map((c) => (c.kind === 'unreadable' ? c.raw : ''))).toEqual(['first{', 'second{']);
  });

  it('moves the old single unreadable slot into the list', () => {
    const storage = new FakeStorage();
    storage.items.set(legacyUnreadableKey('two-peers'), 'first');
    storage.items.set(lessonKey('two-peers'), 'second{');
    readLesson(storage, 'two-peers');
    expect(readKept(storage, 'two-peers').map((c) => (c.kind === 'unreadable' ? c.raw : ''))).toEqual(['first', 'second{']);
    expect(storage.items.has(legacyUnreadableKey('two-peers'))).toBe(false);
    expect(storage.items.has(keptKey('two-peers'))).toBe(true);
  });

  it('keeps an unreadable record found when saving before replacing it', () => {
    const storage = new FakeStorage();
    storage.items.set(lessonKey('two-peers'), 'damaged{');
    expect(writeLesson(storage, 'two-peers', { files: { ...starting, 'main.js': 'mine' } }, starting, { tab: 'a' })).toEqual({ stamp: { rev: 1, tab: 'a' } });
    expect(readKept(storage, 'two-peers')).toMatchObject([{ kind: 'unreadable', raw: 'damaged{' }]);
  });

  it('keeps saved files the lesson no longer has', () => {
    const storage = new FakeStorage();
    writeLesson(storage, 'two-peers', { files: { ...starting, 'old-name.js': 'renamed away' } }, starting, { tab: 'a' });
    expect(readLesson(storage, 'two-peers').saved?.files['old-name.js']).toBe('renamed away');
  });
  it('reports a full quota in words and does not throw', () => {
    const storage = new FakeStorage();
    storage.failWrites = quotaError();
    const outcome = writeLesson(storage, 'two-peers', { files: { ...starting, 'main.js': 'mine' } }, starting);
    expect('problem' in outcome && outcome.problem).toMatch(/storage for the site is full.*still in the editor/);
  });

  it('reports other write errors with their message', () => {
    const storage = new FakeStorage();
    storage.failWrites = new Error('disk on fire');
    expect(writeLesson(storage, 's', { files: { 'main.js': 'x' } }, starting)).toEqual({ problem: expect.stringMatching(/disk on fire.*still in the editor/) });
  });

  it('explains when storage is blocked or missing', () => {
    const blocked = new FakeStorage();
    blocked.failAll = new Error('SecurityError');
    expect(readLesson(blocked, 's').problem).toMatch(/does not let the page use storage/);
    expect(readLesson(null, 's').problem).toMatch(/does not let the page use storage/);
    expect(writeLesson(null, 's', { files: {} }, starting)).toEqual({ problem: expect.stringMatching(/does not let the page use storage/) });
  });
});

describe('two tabs on one lesson', () => {
  const mine = { ...starting, 'main.js': 'mine' };
  const theirs = { ...starting, 'main.js': 'theirs' };

  it('does not save over another tab\'s newer save, and answers with it', () => {
    const storage = new FakeStorage();
    const a = writeLesson(storage, 'two-peers', { files: theirs }, starting, { tab: 'A', now: when });
    expect(a).toEqual({ stamp: { rev: 1, tab: 'A' } });
    // Tab B loaded nothing (base null) before A saved.
    const b = writeLesson(storage, 'two-peers', { files: mine }, starting, { base: null, tab: 'B' });
    expect(b).toEqual({ conflict: { files: theirs, savedAt: when.toISOString(), stamp: { rev: 1, tab: 'A' } } });
    expect(readLesson(storage, 'two-peers').saved?.files).toEqual(theirs);
  });

  it('sees a save by another tab even when it reached the same rev (a race)', () => {
    const storage = new FakeStorage();
    writeLesson(storage, 'two-peers', { files: theirs }, starting, { base: null, tab: 'A' });
    const b = writeLesson(storage, 'two-peers', { files: mine }, starting, { base: { rev: 1, tab: 'B' }, tab: 'B' });
    expect('conflict' in b).toBe(true);
  });

  it('saves over its own last save and counts the revision up', () => {
    const storage = new FakeStorage();
    writeLesson(storage, 'two-peers', { files: theirs }, starting, { tab: 'A' });
    expect(writeLesson(storage, 'two-peers', { files: mine }, starting, { base: { rev: 1, tab: 'A' }, tab: 'A' })).toEqual({ stamp: { rev: 2, tab: 'A' } });
  });

  it('is no conflict when the other tab saved the same files', () => {
    const storage = new FakeStorage();
    writeLesson(storage, 'two-peers', { files: mine }, starting, { tab: 'A' });
    expect(writeLesson(storage, 'two-peers', { files: mine }, starting, { base: null, tab: 'B' })).toEqual({ stamp: { rev: 2, tab: 'B' } });
  });

  it('reads a record saved before stamps existed as rev 0, so its tab can save over it', () => {
    const storage = new FakeStorage();
    storage.items.set(lessonKey('two-peers'), JSON.stringify({ version: 1, files: theirs }));
    const loaded = readLesson(storage, 'two-peers').saved!;
    expect(loaded.stamp).toEqual({ rev: 0, tab: '' });
    expect(writeLesson(storage, 'two-peers', { files: mine }, starting, { base: loaded.stamp, tab: 'B' })).toEqual({ stamp: { rev: 1, tab: 'B' } });
  });
});

describe('progress', () => {
  it('records a completed lesson once, keeping the first date', () => {
    const storage = new FakeStorage();
    expect(markCompleted(storage, 'two-peers', when)).toBeUndefined();
    markCompleted(storage, 'two-peers', new Date('2027-01-01T00:00:00Z'));
    markCompleted(storage, 'peerjs', when);
    expect(JSON.parse(storage.items.get(PROGRESS_KEY)!)).toEqual({
      version: 1,
      completed: { 'two-peers': when.toISOString(), peerjs: when.toISOString() },
    });
    expect(readProgress(storage).completed['two-peers']).toBe(when.toISOString());
  });

  it('reads unreadable progress as nothing completed', () => {
    const storage = new FakeStorage();
    storage.items.set(PROGRESS_KEY, 'nope');
    expect(readProgress(storage)).toEqual({ completed: {} });
    expect(readProgress(null)).toEqual({ completed: {} });
  });

  it('says so when progress cannot be written', () => {
    const storage = new FakeStorage();
    storage.failWrites = quotaError();
    expect(markCompleted(storage, 'two-peers')).toMatch(/storage is full/);
  });
});
