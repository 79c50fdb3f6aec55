import { describe, expect, it } from 'vitest';
import { MAX_KEPT, addCopy, copyText, dismissCopy, keepCopy, keptKey, readKept } from '../../../site/src/workspace/kept-copies.ts';
import { FakeStorage, quotaError } from './fake-storage.ts';

const at = new Date('2026-01-02T03:04:05.000Z');

describe('kept copies', () => {
  it('keeps each copy until it is dismissed', () => {
    const storage = new FakeStorage();
    keepCopy(storage, 'l', { kind: 'unreadable', raw: 'one{' }, at);
    keepCopy(storage, 'l', { kind: 'unreadable', raw: 'two{' }, at);
    const [first, second] = readKept(storage, 'l');
    expect([first?.kind === 'unreadable' && first.raw, second?.kind === 'unreadable' && second.raw]).toEqual(['one{', 'two{']);
    dismissCopy(storage, 'l', first!.id);
    expect(readKept(storage, 'l')).toHaveLength(1);
    dismissCopy(storage, 'l', second!.id);
    expect(storage.items.has(keptKey('l'))).toBe(false);
  });

  it(`keeps at most ${MAX_KEPT}: a newer copy pushes the oldest out and says how many`, () => {
    let copies = addCopy([], { kind: 'unreadable', raw: 'c0' }, at).copies;
    for (let i = 1; i < MAX_KEPT; i++) copies = addCopy(copies, { kind: 'unreadable', raw: `c${i}` }, at).copies;
    const next = addCopy(copies, { kind: 'unreadable', raw: 'newest' }, at);
    expect(next.dropped).toBe(1);
    expect(next.copies.map((c) => (c.kind === 'unreadable' ? c.raw : ''))).toEqual(['c1', 'c2', 'c3', 'c4', 'newest']);
  });

  it('keeps the same content once, and replaces a copy with the same id', () => {
    let copies = addCopy([], { kind: 'unreadable', raw: 'same' }, at).copies;
    copies = addCopy(copies, { kind: 'unreadable', raw: 'same' }, at).copies;
    expect(copies).toHaveLength(1);
    copies = addCopy(copies, { id: 'tab-x', kind: 'version', note: 'draft', files: { 'main.js': 'a' } }, at).copies;
    copies = addCopy(copies, { id: 'tab-x', kind: 'version', note: 'draft', files: { 'main.js': 'ab' } }, at).copies;
    expect(copies).toHaveLength(2);
    expect(copyText(copies[1]!)).toBe('// ----- main.js -----\nab\n');
  });

  it('says so when the browser refuses to keep a copy', () => {
    const storage = new FakeStorage();
    storage.failWrites = quotaError();
    expect(keepCopy(storage, 'l', { kind: 'unreadable', raw: 'x' }).problem).toMatch(/could not be kept/);
  });

  it('keeps an unreadable list itself as a copy rather than dropping it', () => {
    const storage = new FakeStorage();
    storage.items.set(keptKey('l'), 'not json');
    expect(readKept(storage, 'l')).toMatchObject([{ kind: 'unreadable', raw: 'not json' }]);
  });
});
