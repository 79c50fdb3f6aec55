import { describe, expect, it } from 'vitest';
import { cleanStack, fileFromUrl, locationFromStack, locationFromUrl, runBase } from '../../../sandbox/runtime/source-location.ts';
import { toJson } from '../../../sandbox/runtime/json.ts';
import { fakeTrack } from './fakes.ts';

const base = runBase('http://127.0.0.1:4322', 'abc');
const CHROME_STACK = [
  'TypeError: Cannot read properties of undefined (reading \'x\')',
  '    at Peer.<anonymous> (http://127.0.0.1:4322/runtime.js:1:2345)',
  '    at start (http://127.0.0.1:4322/run/abc/lib/util.js:7:11)',
  '    at async http://127.0.0.1:4322/run/abc/main.js:20:3',
].join('\n');

describe('source locations', () => {
  it('maps run URLs to file names and ignores everything else', () => {
    expect(base).toBe('http://127.0.0.1:4322/run/abc/');
    expect(fileFromUrl(`${base}main.js`, base)).toBe('main.js');
    expect(fileFromUrl(`${base}my%20file.js?v=1#x`, base)).toBe('my file.js');
    expect(fileFromUrl('http://127.0.0.1:4322/runtime.js', base)).toBeNull();
    expect(fileFromUrl('http://127.0.0.1:4322/run/other/main.js', base)).toBeNull();
    expect(locationFromUrl(`${base}index.html`, 12, 5, base)).toEqual({ file: 'index.html', line: 12, column: 5 });
    expect(locationFromUrl(`${base}main.js`, 0, 0, base)).toBeUndefined();
  });

  it('finds the first learner frame in a stack', () => {
    expect(locationFromStack(CHROME_STACK, base)).toEqual({ file: 'lib/util.js', line: 7, column: 11 });
    expect(locationFromStack('Error\n    at http://127.0.0.1:4322/runtime.js:1:1', base)).toBeUndefined();
  });

  it('cleans stacks for learners', () => {
    expect(cleanStack(CHROME_STACK, base)).toBe(
      ["TypeError: Cannot read properties of undefined (reading 'x')", '    at start (lib/util.js:7:11)', '    at async main.js:20:3'].join('\n'),
    );
  });
});

describe('toJson', () => {
  it('copies plain data and drops what JSON cannot hold', () => {
    expect(toJson({ a: 1, b: [1, undefined, () => 1], c: undefined, d: Number.NaN, e: 5n })).toEqual({ a: 1, b: [1, null, null], d: null, e: '5' });
  });

  it('uses toJSON, native getters, and the caller\'s describer', () => {
    expect(toJson({ desc: { toJSON: () => ({ type: 'offer', sdp: 'v=0' }) } })).toEqual({ desc: { type: 'offer', sdp: 'v=0' } });
    expect(toJson(fakeTrack())).toEqual({ kind: 'audio', enabled: true });
    class Track {
      kind = 'audio';
    }
    expect(toJson([new Track()], (v) => (v instanceof Track ? { track: v.kind } : undefined))).toEqual([{ track: 'audio' }]);
  });

  it('never produces cycles and stays JSON-serialisable', () => {
    const a: Record<string, unknown> = { x: new Uint8Array(4), m: new Map([['k', 1]]), s: new Set([1]) };
    a.self = a;
    const json = toJson(a);
    expect(json).toEqual({ x: { type: 'Uint8Array', byteLength: 4 }, m: [['k', 1]], s: [1], self: '[Circular]' });
    expect(() => JSON.stringify(json)).not.toThrow();
  });
});
