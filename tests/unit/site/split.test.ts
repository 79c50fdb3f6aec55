import { describe, expect, it } from 'vitest';
import { SPLIT, clampShare, parseStoredShare, shareAfterKey, shareFromPointer } from '../../../site/src/layout/split.ts';

describe('lesson split', () => {
  it('keeps the share between its bounds', () => {
    expect(clampShare(10)).toBe(SPLIT.min);
    expect(clampShare(90)).toBe(SPLIT.max);
    expect(clampShare(41.26)).toBe(41.3);
  });

  it.each([
    [null, SPLIT.initial],
    ['', SPLIT.initial],
    ['wide', SPLIT.initial],
    ['NaN', SPLIT.initial],
    ['50', 50],
    ['5', SPLIT.min],
    ['99', SPLIT.max],
  ])('reads the stored value %j as %d', (stored, share) => {
    expect(parseStoredShare(stored)).toBe(share);
  });

  it('moves with arrow keys and pages, jumps with Home and End, ignores other keys', () => {
    expect(shareAfterKey('ArrowRight', 40)).toBe(40 + SPLIT.step);
    expect(shareAfterKey('ArrowUp', 40)).toBe(40 + SPLIT.step);
    expect(shareAfterKey('ArrowLeft', 40)).toBe(40 - SPLIT.step);
    expect(shareAfterKey('ArrowDown', 40)).toBe(40 - SPLIT.step);
    expect(shareAfterKey('PageUp', 40)).toBe(40 + SPLIT.page);
    expect(shareAfterKey('PageDown', 40)).toBe(40 - SPLIT.page);
    expect(shareAfterKey('Home', 40)).toBe(SPLIT.min);
    expect(shareAfterKey('End', 40)).toBe(SPLIT.max);
    expect(shareAfterKey('ArrowRight', SPLIT.max)).toBe(SPLIT.max);
    expect(shareAfterKey('ArrowLeft', SPLIT.min)).toBe(SPLIT.min);
    expect(shareAfterKey('Enter', 40)).toBeNull();
    expect(shareAfterKey('a', 40)).toBeNull();
  });

  it('swaps left and right in right-to-left pages', () => {
    expect(shareAfterKey('ArrowLeft', 40, true)).toBe(40 + SPLIT.step);
    expect(shareAfterKey('ArrowRight', 40, true)).toBe(40 - SPLIT.step);
  });

  it('puts the divider under the pointer', () => {
    const box = { left: 100, width: 1000 };
    expect(shareFromPointer(600, box)).toBe(50);
    expect(shareFromPointer(450, box)).toBe(35);
    expect(shareFromPointer(0, box)).toBe(SPLIT.min);
    expect(shareFromPointer(1100, box)).toBe(SPLIT.max);
    expect(shareFromPointer(450, box, true)).toBe(65);
    expect(shareFromPointer(450, { left: 0, width: 0 })).toBe(SPLIT.initial);
  });
});
