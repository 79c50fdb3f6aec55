import { describe, expect, it } from 'vitest';
import { languageFor, pathForSlug } from '../../../site/src/workspace/lesson-paths.ts';

describe('pathForSlug', () => {
  const paths = ['../../../lessons/02-two-peers/checks.ts', '../../../lessons/05-peerjs/checks.ts', '../../../lessons/drafts/checks.ts'];
  it('finds the folder whose name minus "NN-" is the slug', () => {
    expect(pathForSlug(paths, 'peerjs')).toBe('../../../lessons/05-peerjs/checks.ts');
    expect(pathForSlug(paths, 'two-peers')).toBe('../../../lessons/02-two-peers/checks.ts');
  });
  it('does not match a prefix, a folder without order, or a missing slug', () => {
    expect(pathForSlug(paths, 'two')).toBeUndefined();
    expect(pathForSlug(paths, 'drafts')).toBeUndefined();
    expect(pathForSlug(paths, 'nope')).toBeUndefined();
  });
});

describe('languageFor', () => {
  it('maps extensions to editor languages', () => {
    expect(languageFor('main.js')).toBe('javascript');
    expect(languageFor('index.html')).toBe('html');
    expect(languageFor('style.css')).toBe('css');
    expect(languageFor('types.ts')).toBe('typescript');
    expect(languageFor('README')).toBe('plaintext');
  });
});
