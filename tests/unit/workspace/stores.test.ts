import { describe, expect, it } from 'vitest';
import { createFilesStores, mergeSaved, sameFiles, tabOrder } from '../../../site/src/workspace/stores.ts';
import { lesson } from './lesson.ts';

describe('tabOrder', () => {
  it('puts index.html first and sorts the rest', () => {
    expect(tabOrder(['style.css', 'main.js', 'index.html', 'a.js'])).toEqual(['index.html', 'a.js', 'main.js', 'style.css']);
  });
});

describe('mergeSaved', () => {
  it('lays saved files over the starting ones by name, ignoring files the lesson no longer has', () => {
    expect(mergeSaved({ 'a.js': 'A', 'b.js': 'B' }, { 'a.js': 'mine', 'gone.js': 'x' })).toEqual({ 'a.js': 'mine', 'b.js': 'B' });
  });
  it('returns a copy of the starting files when nothing was saved', () => {
    const starting = { 'a.js': 'A' };
    const merged = mergeSaved(starting, undefined);
    expect(merged).toEqual(starting);
    expect(merged).not.toBe(starting);
  });
});

describe('sameFiles', () => {
  it('compares names and texts', () => {
    expect(sameFiles({ a: '1' }, { a: '1' })).toBe(true);
    expect(sameFiles({ a: '1' }, { a: '2' })).toBe(false);
    expect(sameFiles({ a: '1' }, { a: '1', b: '' })).toBe(false);
  });
});

describe('createFilesStores', () => {
  it('starts from the starting files, opens the focus file, in tab order', () => {
    const stores = createFilesStores(lesson());
    expect(stores.names).toEqual(['index.html', 'main.js']);
    expect(stores.openFile.get()).toBe('main.js');
    expect(stores.files.get()).toEqual(lesson().files);
    expect(stores.edited.get()).toBe(false);
  });

  it('restores saved files and the saved open file', () => {
    const stores = createFilesStores(lesson(), { files: { 'main.js': 'mine' }, openFile: 'index.html' });
    expect(stores.files.get()['main.js']).toBe('mine');
    expect(stores.openFile.get()).toBe('index.html');
    expect(stores.edited.get()).toBe(true);
  });

  it('falls back to the focus file when the saved open file no longer exists', () => {
    const stores = createFilesStores(lesson({ focus: 'index.html' }), { files: {}, openFile: 'old.js' });
    expect(stores.openFile.get()).toBe('index.html');
  });

  it('edits one file and refuses a file the lesson does not have', () => {
    const stores = createFilesStores(lesson());
    stores.setFile('main.js', 'changed');
    expect(stores.files.get()['main.js']).toBe('changed');
    expect(stores.edited.get()).toBe(true);
    expect(() => stores.setFile('other.js', 'x')).toThrow(/other\.js/);
  });

  it('shows the solution without touching the learner code, and brings it back', () => {
    const stores = createFilesStores(lesson());
    stores.setFile('main.js', 'my work');
    stores.setSolutionShown(true);
    expect(stores.shownFiles.get()['main.js']).toBe('console.log("solved");\n');
    expect(stores.files.get()['main.js']).toBe('my work');
    stores.setSolutionShown(false);
    expect(stores.shownFiles.get()['main.js']).toBe('my work');
  });

  it('ignores opening a file that does not exist', () => {
    const stores = createFilesStores(lesson());
    stores.open('nope.js');
    expect(stores.openFile.get()).toBe('main.js');
    stores.open('index.html');
    expect(stores.openFile.get()).toBe('index.html');
  });
});
