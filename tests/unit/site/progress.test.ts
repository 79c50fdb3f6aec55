import { describe, expect, it } from 'vitest';
import {
  PROGRESS_EVENT,
  completedSlugOfEvent,
  completedSlugs,
  lessonSlugOfPath,
  summaryText,
  tally,
} from '../../../site/src/progress/model.ts';
import { PROGRESS_KEY, markCompleted, readProgress, type StorageLike } from '../../../site/src/workspace/persistence.ts';

function memoryStorage(initial: Record<string, string> = {}): StorageLike {
  const items = new Map(Object.entries(initial));
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

describe('lessonSlugOfPath', () => {
  it('takes the slug from a lesson page path, with or without the trailing slash', () => {
    expect(lessonSlugOfPath('/lessons/two-peers-in-one-page/')).toBe('two-peers-in-one-page');
    expect(lessonSlugOfPath('/lessons/stun-and-turn')).toBe('stun-and-turn');
  });

  it('is null for every other page', () => {
    for (const path of ['/', '/how-it-works/', '/inspector/', '/lessons/', '/lessons/a/b/', '/x/lessons/a/', '/lessons/Upper/']) {
      expect(lessonSlugOfPath(path), path).toBeNull();
    }
  });
});

describe('completedSlugOfEvent', () => {
  it('accepts the detail the workspace sends', () => {
    expect(completedSlugOfEvent({ slug: 'ice-candidates', completed: true })).toBe('ice-candidates');
  });

  it('rejects anything else', () => {
    for (const detail of [null, undefined, 'ice-candidates', {}, { slug: '' , completed: true }, { slug: 'a' }, { slug: 'a', completed: 'yes' }, { slug: 3, completed: true }]) {
      expect(completedSlugOfEvent(detail), JSON.stringify(detail)).toBeNull();
    }
  });

  it('listens for the event name the workspace fires', () => {
    expect(PROGRESS_EVENT).toBe('webrtc-playground:progress');
  });
});

describe('completedSlugs from the stored record', () => {
  it('reads what the workspace recorded', () => {
    const storage = memoryStorage();
    markCompleted(storage, 'two-peers-in-one-page', new Date('2026-01-02T03:04:05Z'));
    markCompleted(storage, 'signalling-with-peerjs');
    expect([...completedSlugs(readProgress(storage))].sort()).toEqual(['signalling-with-peerjs', 'two-peers-in-one-page']);
  });

  it('treats a missing, unreadable or foreign record as no progress, without throwing', () => {
    const records = [
      undefined,
      'not json',
      'null',
      '[]',
      JSON.stringify({ version: 2, completed: { a: '2026-01-01' } }),
      JSON.stringify({ version: 1, completed: ['a'] }),
    ];
    for (const raw of records) {
      const storage = memoryStorage(raw === undefined ? {} : { [PROGRESS_KEY]: raw });
      expect(completedSlugs(readProgress(storage)).size, String(raw)).toBe(0);
    }
    expect(completedSlugs(readProgress(null)).size).toBe(0);
  });

  it('drops entries whose date is not a string but keeps the rest', () => {
    const raw = JSON.stringify({ version: 1, completed: { a: '2026-01-01T00:00:00Z', b: 5, c: null } });
    expect([...completedSlugs(readProgress(memoryStorage({ [PROGRESS_KEY]: raw })))]).toEqual(['a']);
  });

  it('adds lessons announced on this page that storage did not keep', () => {
    const full: StorageLike = { ...memoryStorage(), setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } };
    expect(markCompleted(full, 'a')).toMatch(/storage is full/);
    expect([...completedSlugs(readProgress(full), ['a'])]).toEqual(['a']);
  });
});

describe('tally and summaryText', () => {
  it('counts the completed lessons among those on the page, each once', () => {
    const lessons = ['a', 'b', 'c', 'b'];
    expect(tally(lessons, new Set<string>())).toEqual({ done: 0, total: 3 });
    expect(tally(lessons, new Set(['b']))).toEqual({ done: 1, total: 3 });
    expect(tally(lessons, new Set(['a', 'b', 'c']))).toEqual({ done: 3, total: 3 });
  });

  it('ignores completed slugs that name no lesson on the page', () => {
    expect(tally(['a', 'b'], new Set(['a', 'removed-lesson']))).toEqual({ done: 1, total: 2 });
  });

  it('says how many of how many', () => {
    expect(summaryText({ done: 2, total: 8 })).toBe('2 of 8 lessons completed');
    expect(summaryText({ done: 0, total: 1 })).toBe('0 of 1 lesson completed');
  });
});
