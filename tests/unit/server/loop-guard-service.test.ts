/**
 * The loop guard as the sandbox origin applies it: on a real worker thread,
 * cached by content, bounded in cache bytes, queue and time.
 */
import { describe, expect, it } from 'vitest';
import { guardLoops } from '../../../sandbox/transform/loop-guard.ts';
import { ByteLru } from '../../../signal-server/byte-lru.ts';
import { createLoopGuardService, unguardedScript } from '../../../signal-server/loop-guard-service.ts';
import { memoryLogger } from './helpers.ts';

const LOOP = 'let i = 0;\nwhile (i < 3) { i++; }\n';

describe('ByteLru', () => {
  it('evicts the least recently used entries to stay within its bytes', () => {
    const lru = new ByteLru(ByteLru.sizeOf('a', 'x'.repeat(10)) * 2);
    lru.set('a', 'x'.repeat(10));
    lru.set('b', 'y'.repeat(10));
    expect(lru.get('a')).toBeDefined(); // a is now the most recent
    lru.set('c', 'z'.repeat(10));
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBe('x'.repeat(10));
    expect(lru.totalBytes).toBeLessThanOrEqual(lru.maxBytes);
  });

  it('does not keep a value bigger than the whole cache', () => {
    const lru = new ByteLru(100);
    lru.set('big', 'x'.repeat(100));
    expect(lru.size).toBe(0);
    expect(lru.totalBytes).toBe(0);
  });
});

describe('createLoopGuardService', () => {
  it('guards scripts and HTML inline scripts on a worker, as the transform itself would', async () => {
    const service = createLoopGuardService(memoryLogger());
    try {
      expect(await service.guard('script', LOOP, 'main.js')).toBe(guardLoops(LOOP, 'main.js'));
      const html = await service.guard('html', `<script>\n${LOOP}</script>`, 'index.html');
      expect(html).toContain('__playgroundLoop');
    } finally {
      await service.close();
    }
  });

  it('transforms a file once: the same content again comes from the cache, even while the first is running', async () => {
    const service = createLoopGuardService(memoryLogger());
    try {
      const started = performance.now();
      const big = LOOP.repeat(20_000);
      const [a, b] = await Promise.all([service.guard('script', big, 'big.js'), service.guard('script', big, 'big.js')]);
      const first = performance.now() - started;
      expect(a).toBe(b);
      const again = performance.now();
      expect(await service.guard('script', big, 'big.js')).toBe(a);
      expect(performance.now() - again).toBeLessThan(first / 4);
    } finally {
      await service.close();
    }
  });

  it('serves a file unguarded, with a console warning, when guarding it takes too long', async () => {
    const log = memoryLogger();
    const service = createLoopGuardService(log, { cacheBytes: 1 << 20, maxQueued: 8, timeoutMs: 1 });
    try {
      const big = LOOP.repeat(20_000);
      const served = await service.guard('script', big, 'slow.js');
      expect(served).toBe(unguardedScript(big, 'slow.js', 'it took over 0.001 s to guard'));
      expect(served).toMatch(/^console\.warn\("The loop guard was not applied to slow\.js/);
      expect(log.lines.join('\n')).toContain('slow.js took over 1 ms');
      // The worker was replaced: later files are guarded again.
      const relaxed = createLoopGuardService(log);
      expect(await relaxed.guard('script', LOOP, 'main.js')).toContain('__playgroundLoop');
      await relaxed.close();
    } finally {
      await service.close();
    }
  });

  it('holds at most maxQueued files waiting; past that a file is served unguarded at once', async () => {
    const log = memoryLogger();
    const service = createLoopGuardService(log, { cacheBytes: 1 << 20, maxQueued: 2, timeoutMs: 10_000 });
    try {
      const served = await Promise.all([1, 2, 3].map((n) => service.guard('script', `${LOOP}// ${n}\n`, `f${n}.js`)));
      expect(served[0]).toContain('__playgroundLoop');
      expect(served[1]).toContain('__playgroundLoop');
      expect(served[2]).toMatch(/^console\.warn\(.*the server is busy/);
    } finally {
      await service.close();
    }
  });
});

describe('unguardedScript', () => {
  it('keeps every line number and leaves a hashbang or a "use strict" prologue first', () => {
    const plain = unguardedScript('a();\nb();\n', 'main.js', 'why');
    expect(plain.split('\n')).toHaveLength(3);
    expect(plain.endsWith('a();\nb();\n')).toBe(true);
    for (const first of ['#!/usr/bin/env node\n', '"use strict";\n', '// note\n\'use strict\';\n']) {
      const served = unguardedScript(`${first}a();`, 'main.js', 'why');
      expect(served.startsWith(`${first}a();\n;console.warn(`)).toBe(true);
    }
  });
});

describe('warm()', () => {
  it('starts the worker ahead of the first file, so that file does not wait for it to load', async () => {
    const cold = createLoopGuardService(memoryLogger());
    const warm = createLoopGuardService(memoryLogger());
    try {
      warm.warm();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const time = async (service: typeof cold, n: number) => {
        const started = performance.now();
        await service.guard('script', `${LOOP}// ${n}\n`, 'main.js');
        return performance.now() - started;
      };
      const coldMs = await time(cold, 1);
      const warmMs = await time(warm, 2);
      expect(warmMs).toBeLessThan(coldMs);
    } finally {
      await Promise.all([cold.close(), warm.close()]);
    }
  });
});
