import { describe, expect, it } from 'vitest';
import { tabForKey } from '../../../site/src/workspace/tab-keys.ts';

describe('moving between tabs with the keyboard', () => {
  const tabs = ['a', 'b', 'c'];

  it('wraps around with the arrows and jumps with Home and End', () => {
    expect(tabForKey(tabs, 'c', 'ArrowRight')).toBe('a');
    expect(tabForKey(tabs, 'a', 'ArrowLeft')).toBe('c');
    expect(tabForKey(tabs, 'b', 'Home')).toBe('a');
    expect(tabForKey(tabs, 'b', 'End')).toBe('c');
  });

  it('takes up and down only in a list laid out vertically', () => {
    expect(tabForKey(tabs, 'a', 'ArrowDown')).toBeUndefined();
    expect(tabForKey(tabs, 'a', 'ArrowDown', { vertical: true })).toBe('b');
    expect(tabForKey(tabs, 'a', 'ArrowUp', { vertical: true })).toBe('c');
  });

  it('ignores other keys and focus outside the list', () => {
    expect(tabForKey(tabs, 'a', 'Enter')).toBeUndefined();
    expect(tabForKey(tabs, 'z', 'ArrowRight')).toBeUndefined();
  });
});
