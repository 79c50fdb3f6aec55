import { describe, expect, it } from 'vitest';
import { diffLines, isEdited, splitLines, withOriginalLineEndings } from '../../../../site/src/inspector/munging/diff.ts';

const ORIGINAL = ['v=0', 'm=audio 9 UDP/TLS/RTP/SAVPF 111 0 8', 'a=rtpmap:111 opus/48000/2', 'a=rtpmap:0 PCMU/8000', 'a=rtpmap:8 PCMA/8000', ''].join('\r\n');

const compact = (text: string, edited: string) =>
  diffLines(text, edited).map((l) => `${l.kind === 'same' ? ' ' : l.kind === 'removed' ? '-' : '+'}${l.before ?? '_'}:${l.after ?? '_'} ${l.text}`);

describe('diffLines', () => {
  it('shows a removed codec as removed lines, with both line numbers on the lines kept', () => {
    const edited = ORIGINAL.replace(' 111 0 8', ' 111 8').replace('a=rtpmap:0 PCMU/8000\r\n', '');
    expect(compact(ORIGINAL, edited)).toEqual([
      ' 1:1 v=0',
      '-2:_ m=audio 9 UDP/TLS/RTP/SAVPF 111 0 8',
      '+_:2 m=audio 9 UDP/TLS/RTP/SAVPF 111 8',
      ' 3:3 a=rtpmap:111 opus/48000/2',
      '-4:_ a=rtpmap:0 PCMU/8000',
      ' 5:4 a=rtpmap:8 PCMA/8000',
    ]);
  });

  it('is exact: a trailing space or a swapped order is a change', () => {
    expect(isEdited('a\r\nb\r\n', 'a \r\nb\r\n')).toBe(true);
    expect(compact('a\nb\n', 'b\na\n')).toEqual(['-1:_ a', ' 2:1 b', '+_:2 a']);
  });

  it('ignores only line endings (a textarea gives LF back)', () => {
    expect(isEdited(ORIGINAL, ORIGINAL.replaceAll('\r\n', '\n'))).toBe(false);
    expect(diffLines(ORIGINAL, ORIGINAL).every((l) => l.kind === 'same')).toBe(true);
  });

  it('handles empty texts and added lines at the end', () => {
    expect(diffLines('', '')).toEqual([]);
    expect(compact('', 'a')).toEqual(['+_:1 a']);
    expect(compact('a\r\n', 'a\r\nb\r\n')).toEqual([' 1:1 a', '+_:2 b']);
  });

  it('stays fast on large, wholly different inputs', () => {
    const a = Array.from({ length: 5000 }, (_, i) => `a=x:${i}`).join('\n');
    const b = Array.from({ length: 5000 }, (_, i) => `a=y:${i}`).join('\n');
    const started = performance.now();
    const diff = diffLines(a, b);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(diff.filter((l) => l.kind === 'removed')).toHaveLength(5000);
    expect(diff.filter((l) => l.kind === 'added')).toHaveLength(5000);
  });
});

describe('splitLines', () => {
  it('does not count the final terminator as a line', () => {
    expect(splitLines('a\r\nb\r\n')).toEqual(['a', 'b']);
    expect(splitLines('a\nb')).toEqual(['a', 'b']);
    expect(splitLines('')).toEqual([]);
  });
});

describe('withOriginalLineEndings', () => {
  it('puts CRLF back when the original had it, including the final one', () => {
    expect(withOriginalLineEndings('v=0\r\ns=-\r\n', 'v=0\ns=x')).toBe('v=0\r\ns=x\r\n');
    expect(withOriginalLineEndings('v=0\r\n', 'v=0\r\n')).toBe('v=0\r\n');
  });
  it('leaves an LF-only original alone', () => {
    expect(withOriginalLineEndings('v=0\ns=-\n', 'v=0\ns=x')).toBe('v=0\ns=x');
  });
});
