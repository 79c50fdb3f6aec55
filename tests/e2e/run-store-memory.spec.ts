// The run store's 64 MiB cap is a cap on memory. Text with one character
// outside Latin-1 is kept by V8 as two bytes a character, so 64 MiB of such
// UTF-8 took 128 MiB of heap while the store believed it was full. After 48
// runs of 2 MiB such text, the heap after a full collection may have grown
// by the cap and a little more, and the newest run is still served.
import { test, expect } from '@playwright/test';
import { E2E_PORT } from './support/ports.ts';
import { MiB, peakOf, startServerProcess } from './support/server-process.ts';

const PORT = E2E_PORT + 3;
const CAP = 64 * MiB;
const RUNS = 48;

test('the run store holds at most its cap in memory, whatever the text', async () => {
  test.setTimeout(60_000);
  const server = await startServerProcess(PORT);
  try {
    const site = `http://127.0.0.1:${server.ports.site}`;
    // Almost 1 MiB of UTF-8 each: ASCII and one CJK character, so V8 stores each as two bytes a character.
    const wide = (fill: string) => fill.repeat(MiB - 16) + '中';
    const files = { 'index.html': '<!doctype html>', 'a.js': wide('a'), 'b.js': wide('b') };
    const body = JSON.stringify({ files });
    const heapBefore = await server.heapUsed();
    const rssBefore = server.rss();
    const peak = peakOf(() => server.rss());
    let last = '';
    for (let i = 0; i < RUNS; i++) {
      const posted = await fetch(`${site}/api/runs`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: site }, body });
      expect(posted.status).toBe(201);
      last = ((await posted.json()) as { path: string }).path;
    }
    const heapAfter = await server.heapUsed();
    const highest = peak.stop();
    console.log(
      `run store: ${RUNS} runs of ${(Buffer.byteLength(body) / MiB).toFixed(1)} MiB UTF-8; heap after GC ${(heapBefore / MiB).toFixed(0)} → ${(heapAfter / MiB).toFixed(0)} MiB; ` +
        `RSS ${(rssBefore / MiB).toFixed(0)} MiB → peak ${(highest / MiB).toFixed(0)} MiB`,
    );
    expect(heapAfter - heapBefore).toBeLessThan(CAP * 1.15);
    expect(highest - rssBefore).toBeLessThan(300 * MiB);
    const served = await fetch(`http://127.0.0.1:${server.ports.sandbox}${last}b.js`);
    expect(served.status).toBe(200);
    expect((await served.text()).endsWith('b中')).toBe(true);
  } finally {
    await server.stop();
  }
});
