// 100 Run/Stop cycles of the PeerJS lesson leave nothing behind: no frames,
// documents or out-of-process frame targets, no signaller sockets, no growing
// count of event listeners, intervals or heap in the lesson page. Measured
// through the Chrome DevTools Protocol after a forced garbage collection.
import { test, expect, type CDPSession, type Page } from '@playwright/test';
import { readLessons } from './support/lessons.ts';
import { Workspace } from './support/workspace.ts';

const lesson = readLessons().find((l) => l.folder === '05-signalling-with-peerjs')!;
const CYCLES = 100;

interface Snapshot {
  documents: number;
  frames: number;
  listeners: number;
  nodes: number;
  heapMb: number;
  iframeTargets: number;
  intervals: number;
}

/** Counts the page's live intervals: the workspace's own, not the frame's (another process). */
function countIntervals(): void {
  const live = new Set<number>();
  const set = window.setInterval.bind(window);
  const clear = window.clearInterval.bind(window);
  window.setInterval = ((...args: Parameters<typeof setInterval>) => {
    const id = set(...args);
    live.add(id);
    return id;
  }) as typeof setInterval;
  window.clearInterval = ((id?: number) => {
    if (id !== undefined) live.delete(id);
    clear(id);
  }) as typeof clearInterval;
  (window as unknown as { __liveIntervals: () => number }).__liveIntervals = () => live.size;
}

async function snapshot(page: Page, cdp: CDPSession): Promise<Snapshot> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  const { targetInfos } = await cdp.send('Target.getTargets');
  return {
    documents: metric('Documents'),
    frames: metric('Frames'),
    listeners: metric('JSEventListeners'),
    nodes: metric('Nodes'),
    heapMb: metric('JSHeapUsedSize') / 2 ** 20,
    iframeTargets: targetInfos.filter((t) => t.type === 'iframe').length,
    intervals: await page.evaluate(() => (window as unknown as { __liveIntervals: () => number }).__liveIntervals()),
  };
}

async function peersConnected(page: Page): Promise<number> {
  const text = await (await page.request.get('/metrics')).text();
  return Number(/^playground_peers_connected (\d+)/m.exec(text)?.[1] ?? NaN);
}

test(`${CYCLES} Run/Stop cycles leave no frames, sockets, listeners or timers behind`, async ({ page }) => {
  test.setTimeout(10 * 60_000);
  await page.addInitScript(countIntervals);
  const workspace = await Workspace.open(page, lesson);
  await workspace.solutionButton.click();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const consoleLog = page.getByRole('log', { name: 'Console output' });

  const cycle = async () => {
    await workspace.runButton.click();
    // Far enough that both Peers hold a socket to the signaller.
    await expect(consoleLog).toContainText('Both peers are open', { timeout: 15_000 });
    await workspace.stop();
  };

  for (let i = 0; i < 5; i++) await cycle(); // warm-up: lazy chunks, caches
  await expect(page.locator('iframe[title="Preview"]')).toHaveCount(0);
  const before = await snapshot(page, cdp);
  for (let i = 0; i < CYCLES; i++) await cycle();
  await expect(page.locator('iframe[title="Preview"]')).toHaveCount(0);
  await expect.poll(() => peersConnected(page), { timeout: 10_000 }).toBe(0);
  const after = await snapshot(page, cdp);
  console.log(`before ${JSON.stringify(before)}\nafter  ${JSON.stringify(after)}`);

  expect(after.iframeTargets, 'frame targets (processes) left').toBe(0);
  expect(after.frames).toBeLessThanOrEqual(before.frames);
  expect(after.documents).toBeLessThanOrEqual(before.documents + 1);
  expect(after.intervals).toBeLessThanOrEqual(before.intervals);
  // A leak per cycle would add at least one listener per cycle.
  expect(after.listeners - before.listeners).toBeLessThan(CYCLES / 2);
  expect(after.nodes - before.nodes).toBeLessThan(CYCLES * 5);
  expect(after.heapMb).toBeLessThan(before.heapMb * 1.25 + 2);
});
