import { describe, expect, it } from 'vitest';
import {
  lessonKey,
  markCompleted,
  PROGRESS_KEY,
  readLesson,
  readProgress,
  unreadableKey,
  writeLesson,
} from '../../../site/src/workspace/persistence.ts';
import { FakeStorage, quotaError } from './fake-storage.ts';

const starting = { 'main.js': 'start', 'index.html': '<p>' };
const when = new Date('2026-01-02T03:04:05.000Z');

describe('lesson files', () => {
  it('round-trips edited files with the open file', () => {
    const storage = new FakeStorage();
    expect(writeLesson(storage, 'two-peers', { files: { ...starting, 'main.js': 'mine' }, openFile: 'main.js' }, starting, when)).toBeUndefined();
    expect(JSON.parse(storage.items.get('webrtc-playground:lesson:two-peers')!)).toEqual({
      version: 1,
      files: { 'main.js': 'mine', 'index.html': '<p>' },
      openFile: 'main.js',
      savedAt: '2026-01-02T03:04:05.000Z',
    });
    expect(readLesson(storage, 'two-peers')).toEqual({ saved: { files: { 'main.js': 'mine', 'index.html': '<p>' }, openFile: 'main.js' } });
  });

  it('removes the key when the files are back to the starting files', () => {
    const storage = new FakeStorage();
    writeLesson(storage, 'two-peers', { files: { ...starting, 'main.js': 'mine' } }, starting);
    writeLesson(storage, 'two-peers', { files: { ...starting } }, starting);
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
    expect(outcome.problem).toMatch(/could not be read.*starting files/);
    expect(outcome.problem).toContain(unreadableKey('two-peers'));
    expect(storage.items.get(unreadableKey('two-peers'))).toBe(raw);
  });

  it('does not overwrite an earlier unreadable copy', () => {
    const storage = new FakeStorage();
    storage.items.set(unreadableKey('two-peers'), 'first');
    storage.items.set(lessonKey('two-peers'), 'second{');
    readLesson(storage, 'two-peers');
    expect(storage.items.get(unreadableKey('two-peers'))).toBe('first');
  });

  it('reports a full quota in words and does not throw', () => {
    const storage = new FakeStorage();
    storage.failWrites = quotaError();
    const problem = writeLesson(storage, 'two-peers', { files: { ...starting, 'main.js': 'mine' } }, starting);
    expect(problem).toMatch(/storage for the site is full.*still in the editor/);
  });

  it('reports other write errors with their message', () => {
    const storage = new FakeStorage();
    storage.failWrites = new Error('disk on fire');
    expect(writeLesson(storage, 's', { files: { 'main.js': 'x' } }, starting)).toMatch(/disk on fire.*still in the editor/);
  });

  it('explains when storage is blocked or missing', () => {
    const blocked = new FakeStorage();
    blocked.failAll = new Error('SecurityError');
    expect(readLesson(blocked, 's').problem).toMatch(/does not let the page use storage/);
    expect(readLesson(null, 's').problem).toMatch(/does not let the page use storage/);
    expect(writeLesson(null, 's', { files: {} }, starting)).toMatch(/does not let the page use storage/);
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
