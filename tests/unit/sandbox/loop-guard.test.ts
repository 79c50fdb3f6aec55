import { describe, expect, it } from 'vitest';
import vm from 'node:vm';
import { Parser } from 'acorn';
import { guardLoops } from '../../../sandbox/transform/loop-guard.ts';
import type { LoopGuardRuntime, LoopKind } from '../../../sandbox/transform/loop-guard-api.ts';

interface Entry {
  kind: LoopKind;
  file: string;
  line: number;
  column: number;
  checks: number;
}

/** A stand-in runtime that counts iterations and stops a loop after `limit` of them (no clocks in unit tests). */
function countingRuntime(limit = Infinity) {
  const entries: Entry[] = [];
  const runtime: LoopGuardRuntime = {
    enter(kind, file, line, column) {
      const entry: Entry = { kind, file, line, column, checks: 0 };
      entries.push(entry);
      return {
        check() {
          entry.checks++;
          if (entry.checks > limit) {
            const error = new Error(`loop at ${file}:${line} stopped`);
            error.name = 'LoopGuardError';
            throw error;
          }
        },
      };
    },
  };
  return { runtime, entries };
}

/** Runs a classic script and returns what it left in `out`. */
function run(source: string, runtime?: LoopGuardRuntime): unknown {
  const context = vm.createContext({ out: [] as unknown[] });
  if (runtime) (context as Record<string, unknown>).__playgroundLoop = runtime;
  vm.runInContext(source, context, { filename: 'main.js', timeout: 2000 });
  return (context as { out: unknown[] }).out;
}

function expectSameBehaviour(source: string) {
  const guarded = guardLoops(source, 'main.js');
  expect(guarded).not.toBe(source);
  const { runtime, entries } = countingRuntime();
  expect(run(guarded, runtime)).toEqual(run(source));
  expect(entries.length).toBeGreaterThan(0);
  // Also harmless where no runtime is installed (e.g. a Worker).
  expect(run(guarded)).toEqual(run(source));
  expect(guarded.split('\n').length).toBe(source.split('\n').length);
  return { guarded, entries };
}

describe('guardLoops keeps ordinary loops working', () => {
  const programs: Record<string, string> = {
    'while with break and continue': `
      let i = 0;
      while (true) {
        i++;
        if (i % 2) continue;
        if (i > 10) break;
        out.push(i);
      }`,
    'do-while with single-statement body': `
      let n = 0;
      do n++; while (n < 5)
      out.push(n);`,
    'for (;;) with break': `
      let k = 0;
      for (;;) { if (++k === 7) break; }
      out.push(k);`,
    'for with empty body': `
      let j;
      for (j = 0; j < 4; j++);
      out.push(j);
      let w = 3;
      while (w--);
      out.push(w);`,
    'for-in and for-of': `
      for (const key in { a: 1, b: 2 }) out.push(key);
      for (const [a, b] of [[1, 2], [3, 4]]) out.push(a + b);`,
    'labelled continue and break across nested loops': `
      outer: for (let i = 0; i < 4; i++) {
        inner: for (let j = 0; j < 4; j++) {
          if (j === i) continue outer;
          if (i === 3) break outer;
          out.push(i * 10 + j);
        }
      }`,
    'two labels on one loop': `
      a: b: while (true) { out.push('once'); break a; }
      c: d: for (let i = 0; i < 3; i++) { if (i === 1) continue d; out.push(i); }`,
    'labelled block with a loop inside': `
      block: { for (let i = 0; ; i++) { if (i === 2) break block; out.push(i); } out.push('never'); }
      out.push('after');`,
    'else-if-while and if-without-braces': `
      let x = 0;
      if (x > 0) out.push('no');
      else while (x < 3) x++;
      if (x === 3) for (let i = 0; i < 2; i++) out.push('for' + i);
      else out.push('no');
      out.push(x);`,
    'loop as a single-statement body of a loop': `
      for (let i = 0; i < 3; i++) for (let j = 0; j < 2; j++) out.push([i, j]);
      let a = 0, b = 0;
      while (a < 2) while (b < 3) { b++; a++; }
      out.push(a, b);`,
    'loops without semicolons (ASI)': `
      let i = 0
      while (i < 3) i++
      out.push(i)
      do i--
      while (i > 0)
      out.push(i)`,
    'closures capture per-iteration let bindings': `
      const fns = [];
      for (let i = 0; i < 3; i++) fns.push(() => i);
      out.push(fns.map((f) => f()));`,
    'loops in functions, switch cases, and recursion': `
      function sum(list) { let s = 0; for (const v of list) s += Array.isArray(v) ? sum(v) : v; return s; }
      out.push(sum([1, [2, [3, 4]], 5]));
      function pick(n) { switch (n) { case 1: while (n < 5) n++; return n; default: return -1; } }
      out.push(pick(1), pick(2));`,
    'siblings touching each other': `let i=0;while(i<2)i++;for(;i<5;)i++;do;while(0);out.push(i);`,
    'var declared in a loop is still function-scoped': `
      for (var v = 0; v < 2; v++) { var inside = v; }
      out.push(v, inside);`,
  };

  for (const [name, source] of Object.entries(programs)) {
    it(name, () => {
      expectSameBehaviour(source);
    });
  }

  it('counts one check per iteration, and one entry per time a loop is entered', () => {
    const { entries } = expectSameBehaviour(`
      for (let i = 0; i < 3; i++) {
        let j = 0;
        while (j < 2) j++;
      }`);
    const outer = entries.filter((e) => e.kind === 'for');
    const inner = entries.filter((e) => e.kind === 'while');
    expect(outer).toHaveLength(1);
    expect(outer[0]?.checks).toBe(3);
    expect(inner).toHaveLength(3);
    expect(inner.map((e) => e.checks)).toEqual([2, 2, 2]);
  });

  it('checks again after continue', () => {
    const { entries } = expectSameBehaviour(`for (let i = 0; i < 5; i++) { if (i < 4) continue; out.push(i); }`);
    expect(entries[0]?.checks).toBe(5);
  });
});

describe('guardLoops reports where each loop is', () => {
  it('passes kind, file, 1-based line and column', () => {
    const source = 'let i = 0;\n  while (i < 1) i++;\nfor (const x of []) {}\n\tdo {} while (false);\nfor (const k in {}) {}\nfor (;false;) {}';
    const guarded = guardLoops(source, 'lib/util.js');
    const { runtime, entries } = countingRuntime();
    run(guarded, runtime);
    expect(entries.map(({ kind, file, line, column }) => ({ kind, file, line, column }))).toEqual([
      { kind: 'while', file: 'lib/util.js', line: 2, column: 3 },
      { kind: 'for-of', file: 'lib/util.js', line: 3, column: 1 },
      { kind: 'do-while', file: 'lib/util.js', line: 4, column: 2 },
      { kind: 'for-in', file: 'lib/util.js', line: 5, column: 1 },
      { kind: 'for', file: 'lib/util.js', line: 6, column: 1 },
    ]);
  });

  it('escapes the file name as a string literal', () => {
    const guarded = guardLoops('while (false) {}', 'we"ird\\name.js');
    const { runtime, entries } = countingRuntime();
    run(guarded, runtime);
    expect(entries[0]?.file).toBe('we"ird\\name.js');
  });
});

describe('guardLoops stops endless loops', () => {
  const endless: Record<string, string> = {
    'while (true) {}': 'while (true) {}',
    'for (;;);': 'for (;;);',
    'do {} while (1)': 'do {} while (1)',
    'endless loop whose body continues': 'let i = 0; while (true) { i++; continue; }',
    'endless loop nested inside a finite one': 'for (let i = 0; i < 3; i++) { while (i < 10) {} }',
    'endless labelled loop': 'spin: for (;;) { continue spin; }',
    'endless loop inside a function': 'function f() { for (let i = 0; i >= 0; i += 0) {} } f();',
  };
  for (const [name, source] of Object.entries(endless)) {
    it(name, () => {
      const { runtime } = countingRuntime(1000);
      expect(() => run(guardLoops(source, 'main.js'), runtime)).toThrow(/stopped/);
    });
  }

  it('keeps line numbers so a thrown error points at the learner line', () => {
    const source = ['let n = 0;', 'while (true) {', '  n++;', '  if (n === 3) {', '    throw new Error("boom");', '  }', '}'].join('\n');
    const guarded = guardLoops(source, 'main.js');
    const { runtime } = countingRuntime();
    let stack = '';
    try {
      run(guarded, runtime);
    } catch (error) {
      stack = String((error as Error).stack);
    }
    expect(stack).toMatch(/main\.js:5\b/);
    // Every original line is still on its own line number, only with insertions.
    const before = source.split('\n');
    const after = guarded.split('\n');
    expect(after).toHaveLength(before.length);
    before.forEach((line, i) => {
      const words = line.match(/[\w"()]+/g) ?? [];
      for (const word of words) expect(after[i]).toContain(word);
    });
  });
});

describe('guardLoops on modules, odd input and untouched text', () => {
  it('accepts modules with imports and top-level await', () => {
    const source = `import { x } from './x.js';\nfor await (const v of x) { console.log(v); }\nexport const y = 1;\nwhile (await x.next()) {}`;
    const guarded = guardLoops(source, 'main.js');
    expect(guarded).toContain('globalThis.__playgroundLoop?.enter("for-of", "main.js", 2, 1)');
    expect(guarded).toContain('enter("while", "main.js", 4, 1)');
    expect(() => Parser.parse(guarded, { ecmaVersion: 'latest', sourceType: 'module' })).not.toThrow();
  });

  it('falls back to a classic script for sloppy-mode code', () => {
    const source = 'with (Math) { var r = 0; while (r < 2) r += 1; }\nout.push(r, 010);';
    expectSameBehaviour(source);
  });

  it('returns unparseable input unchanged', () => {
    for (const source of ['while (true {', 'for (let i = 0; i < 3; i++) { out.push(i)', 'const = 5;', '']) {
      expect(guardLoops(source, 'main.js')).toBe(source);
    }
  });

  it('leaves code without loops, and loop-like text in strings and comments, unchanged', () => {
    const source = 'const s = "while (true) {}"; // for (;;) {}\n/* do {} while (1) */ const t = `for (;;)`;';
    expect(guardLoops(source, 'main.js')).toBe(source);
  });

  it('produces code that still parses for every sample', () => {
    const source = 'a: for (;;) { b: while (1) { do x(); while (0); break a; } }\nif (1) for (const k in o) ; else for (const v of o) {}';
    const guarded = guardLoops(source, 'main.js');
    expect(() => Parser.parse(guarded, { ecmaVersion: 'latest', sourceType: 'script' })).not.toThrow();
    expect(guarded.match(/enter\(/g)).toHaveLength(5);
  });
});
