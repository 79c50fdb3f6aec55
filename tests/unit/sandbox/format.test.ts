import { describe, expect, it } from 'vitest';
import { inspect } from '../../../sandbox/runtime/format/inspect.ts';
import { formatArgs } from '../../../sandbox/runtime/format/args.ts';
import { formatTable } from '../../../sandbox/runtime/format/table.ts';
import { fakeTrack } from './fakes.ts';

describe('inspect', () => {
  it('shows primitives the way a developer writes them', () => {
    expect(inspect('hi')).toBe('"hi"');
    expect(inspect(-0)).toBe('-0');
    expect(inspect(12n)).toBe('12n');
    expect(inspect(undefined)).toBe('undefined');
    expect(inspect(null)).toBe('null');
    expect(inspect(Symbol('s'))).toBe('Symbol(s)');
    expect(inspect(function named() {})).toBe('[Function: named]');
    expect(inspect(() => 1)).toBe('[Function: (anonymous)]');
    expect(inspect(class Foo {})).toBe('[class Foo]');
  });

  it('expands objects and arrays, and never prints [object Object]', () => {
    expect(inspect({ a: 1, b: 'x', 'c-d': [1, 2] })).toBe('{ a: 1, b: "x", "c-d": [1, 2] }');
    expect(inspect([1, [2, [3, [4, [5]]]]])).toBe('[1, [2, [3, [Array]]]]');
    expect(inspect({})).toBe('{}');
    expect(inspect([])).toBe('[]');
    expect(inspect(Object.create(null))).toBe('[Object: null prototype] {}');
    expect(inspect([1, , 3])).toBe('[1, <1 empty item>, 3]');
    for (const value of [{ a: {} }, new (class A {})(), [{}], new Map([[{}, {}]])]) expect(inspect(value)).not.toContain('[object Object]');
  });

  it('names class instances', () => {
    class Point {
      x = 1;
      y = 2;
    }
    class Empty {}
    expect(inspect(new Point())).toBe('Point { x: 1, y: 2 }');
    expect(inspect(new Empty())).toBe('Empty {}');
  });

  it('shows Maps, Sets, typed arrays, buffers, dates and regexps', () => {
    expect(inspect(new Map<unknown, unknown>([['k', 1], [2, { x: true }]]))).toBe('Map(2) { "k" => 1, 2 => { x: true } }');
    expect(inspect(new Set([1, 'a']))).toBe('Set(2) { 1, "a" }');
    expect(inspect(new Uint8Array([1, 2, 3]))).toBe('Uint8Array(3) [1, 2, 3]');
    expect(inspect(new ArrayBuffer(8))).toBe('ArrayBuffer { byteLength: 8 }');
    expect(inspect(new Date(0))).toBe('1970-01-01T00:00:00.000Z');
    expect(inspect(/a+b/gi)).toBe('/a+b/gi');
    expect(inspect(Promise.resolve(1))).toBe('Promise {…}');
  });

  it('marks circular references', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    a.list = [a];
    expect(inspect(a)).toBe('{ name: "a", self: [Circular], list: [[Circular]] }');
    // A value seen twice but not inside itself is not circular.
    const shared = { x: 1 };
    expect(inspect([shared, shared])).toBe('[{ x: 1 }, { x: 1 }]');
  });

  it('breaks long values over indented lines', () => {
    const text = inspect({ description: 'a'.repeat(40), items: ['b'.repeat(30), { nested: 'c'.repeat(30) }] });
    expect(text).toBe(
      ['{', `  description: "${'a'.repeat(40)}",`, '  items: [', `    "${'b'.repeat(30)}",`, `    { nested: "${'c'.repeat(30)}" }`, '  ]', '}'].join('\n'),
    );
  });

  it('cuts very long collections and strings', () => {
    expect(inspect(Array.from({ length: 150 }, (_, i) => i))).toMatch(/\.\.\. 50 more items\n\]$/);
    expect(inspect('x'.repeat(500))).toMatch(/… \(500 characters\)"$/);
  });

  it('shows errors with their stack at the top level and briefly when nested', () => {
    const error = new TypeError('bad thing');
    error.stack = 'TypeError: bad thing\n    at http://h/run/1/main.js:3:5';
    expect(inspect(error, { cleanStack: (s) => s.replace('http://h/run/1/', '') })).toBe('TypeError: bad thing\n    at main.js:3:5');
    expect(inspect({ error })).toBe('{ error: [TypeError: bad thing] }');
    const withType = Object.assign(new Error('lost'), { type: 'network' });
    withType.stack = 'Error: lost';
    expect(inspect(withType)).toBe('Error: lost { type: "network" }');
    const caused = new Error('outer', { cause: new Error('inner') });
    caused.stack = 'Error: outer';
    expect(inspect(caused)).toBe('Error: outer\n  [cause]: [Error: inner]');
  });

  it('shows browser-style objects through toJSON or their native getters', () => {
    class RTCSessionDescription {
      type = '';
      constructor() {
        Object.defineProperty(this, 'type', { enumerable: false });
      }
      toJSON() {
        return { type: 'offer', sdp: 'v=0\r\n' };
      }
    }
    expect(inspect(new RTCSessionDescription())).toBe('RTCSessionDescription { type: "offer", sdp: "v=0\\r\\n" }');
    // Browser objects keep their state behind native getters on the prototype.
    expect(inspect(fakeTrack())).toBe('MediaStreamTrack { kind: "audio", enabled: true }');
    // Getters a learner writes are not run (they may have side effects).
    let reads = 0;
    class Sneaky {
      get value() {
        reads++;
        return 1;
      }
    }
    expect(inspect(new Sneaky())).toBe('Sneaky {}');
    expect(reads).toBe(0);
  });

  it('shows DOM nodes as tags', () => {
    expect(inspect({ nodeType: 1, nodeName: 'VIDEO', id: 'remote', className: 'big' })).toBe('<video id="remote" class="big">');
    expect(inspect({ nodeType: 3, nodeName: '#text', nodeValue: 'hi' })).toBe('#text "hi"');
    expect(inspect({ nodeType: 9, nodeName: '#document' })).toBe('#document');
  });

  it('survives getters that throw and proxies', () => {
    const evil = { get boom() {
      throw new Error('nope');
    } };
    expect(inspect(evil)).toBe('{ boom: "[Thrown: nope]" }');
    const proxy = new Proxy({}, { ownKeys() {
      throw new Error('trap');
    } });
    expect(() => inspect(proxy)).not.toThrow();
  });
});

describe('formatArgs', () => {
  it('joins arguments with spaces, strings as they are', () => {
    expect(formatArgs(['state:', 'connected', 3, { a: 1 }])).toBe('state: connected 3 { a: 1 }');
    expect(formatArgs([])).toBe('');
    expect(formatArgs([{ a: 1 }, 'x'])).toBe('{ a: 1 } x');
  });

  it('substitutes %s %d %i %f %o %O %c and %%', () => {
    expect(formatArgs(['%s has %d peers (%i%%)', 'room', 3.7, 42.9])).toBe('room has 3.7 peers (42%)');
    expect(formatArgs(['%f', '1.5'])).toBe('1.5');
    expect(formatArgs(['obj %o and %O', { a: 1 }, [1]])).toBe('obj { a: 1 } and [1]');
    expect(formatArgs(['%cstyled', 'color: red'])).toBe('styled');
    expect(formatArgs(['%d', {}])).toBe('NaN');
    expect(formatArgs(['%s', 5n])).toBe('5n');
  });

  it('leaves placeholders without values and appends extra values', () => {
    expect(formatArgs(['%s and %s', 'one'])).toBe('one and %s');
    expect(formatArgs(['%s', 'a', 'b', { c: 1 }])).toBe('a b { c: 1 }');
    expect(formatArgs(['100%', 'sure'])).toBe('100% sure');
  });
});

describe('formatTable', () => {
  it('draws an array of objects with an index column', () => {
    expect(formatTable([{ name: 'alice', age: 3 }, { name: 'bob' }])).toBe(
      [
        '┌─────────┬─────────┬─────┐',
        '│ (index) │ name    │ age │',
        '├─────────┼─────────┼─────┤',
        '│ 0       │ "alice" │ 3   │',
        '│ 1       │ "bob"   │     │',
        '└─────────┴─────────┴─────┘',
      ].join('\n'),
    );
  });

  it('adds a Values column for primitives and honours the columns argument', () => {
    const text = formatTable({ a: 1, b: { x: 1, y: 2 } }) ?? '';
    expect(text.split('\n')[1]).toBe('│ (index) │ x │ y │ Values │');
    expect(text).toContain('│ a       │   │   │ 1      │');
    const only = formatTable([{ x: 1, y: 2 }], ['y']) ?? '';
    expect(only.split('\n')[1]).toBe('│ (index) │ y │');
  });

  it('returns null for things console.table does not draw', () => {
    expect(formatTable('text')).toBeNull();
    expect(formatTable(null)).toBeNull();
  });

  it('keeps cells on one line', () => {
    const text = formatTable([{ nested: { deep: { deeper: 1 } }, long: 'z'.repeat(100) }]) ?? '';
    for (const line of text.split('\n')) expect(line.length).toBeLessThan(120);
    expect(text.split('\n')).toHaveLength(5);
  });
});
