/**
 * Sandbox overhead: how long lesson 02's solution takes from Run to an open
 * data channel in the playground (a POST of the files, a fresh frame on the
 * sandbox origin, our runtime and instrumentation, the loop-guard transform),
 * against the same two files opened as a bare page from a plain static server
 * in the same Chromium. Target: at most 1.5 times the bare page.
 *
 *   npm run bench -- sandbox
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { BenchRow } from './types.ts';
import { launchChromium, median, ROOT, SITE, startSite } from './support/site.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const LESSON = join(ROOT, 'lessons/02-two-peers-in-one-page');
const OPEN_LINE = 'The data channel is open.';

/** The solution's files from a server that adds nothing. */
async function bareServer(): Promise<{ url: string; close(): void }> {
  const types: Record<string, string> = { html: 'text/html', js: 'text/javascript' };
  const server = createServer((req, res) => {
    const name = (req.url ?? '/').split('?')[0]!.replace(/^\//, '') || 'index.html';
    if (!/^[\w.-]+$/.test(name)) return void res.writeHead(404).end();
    try {
      // solution/ holds the files the solution changes; the rest are the starting files.
      const changed = join(LESSON, 'solution', name);
      const body = readFileSync(existsSync(changed) ? changed : join(LESSON, 'files', name));
      res.writeHead(200, { 'Content-Type': types[name.split('.').pop() ?? ''] ?? 'application/octet-stream', 'Cache-Control': 'no-store' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/index.html`, close: () => server.close() };
}

async function expectEnabled(button: Locator): Promise<void> {
  for (let i = 0; i < 100 && (await button.isDisabled()); i++) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** Milliseconds from `act` until a frame of `page` logs the open line. */
async function timeToOpen(page: Page, act: () => Promise<unknown>): Promise<number> {
  const opened = page.waitForEvent('console', { predicate: (message) => message.text() === OPEN_LINE, timeout: 30_000 });
  opened.catch(() => {}); // awaited below; a failing act() must not leave it unhandled
  const started = performance.now();
  await act();
  await opened;
  return performance.now() - started;
}

export async function bench(): Promise<BenchRow[]> {
  const server = await startSite();
  const bare = await bareServer();
  const browser = await launchChromium();
  try {
    const context = await browser.newContext();
    const lessonPage = await context.newPage();
    await lessonPage.goto(`${SITE}/lessons/two-peers-in-one-page/`);
    const run = lessonPage.getByRole('button', { name: 'Run', exact: true });
    const stop = lessonPage.getByRole('button', { name: 'Stop', exact: true });
    await run.waitFor();
    // Runs the solution as it is, read-only in the editor.
    await lessonPage.getByRole('button', { name: 'Solution', exact: true }).click();
    const barePage = await context.newPage();

    const ours: number[] = [];
    const plain: number[] = [];
    for (let i = -2; i < RUNS; i++) {
      // A tab in the background has its timers throttled to once a second: measure the one in front.
      await lessonPage.bringToFront();
      const a = await timeToOpen(lessonPage, () => run.click());
      await stop.click();
      await run.waitFor({ state: 'visible' });
      await expectEnabled(run);
      await barePage.bringToFront();
      const b = await timeToOpen(barePage, () => barePage.goto(bare.url));
      await barePage.goto('about:blank');
      if (i >= 0) {
        ours.push(a);
        plain.push(b);
      }
    }
    console.error(`sandbox: playground ${ours.map((v) => v.toFixed(0)).join(' ')} ms; bare ${plain.map((v) => v.toFixed(0)).join(' ')} ms`);
    return [
      {
        name: 'Run → open data channel, lesson 02 solution (median)',
        value: median(ours),
        unit: 'ms',
        target: '≤ 1.5× bare page',
        baseline: { name: 'same files, bare page', value: median(plain) },
      },
    ];
  } finally {
    await browser.close();
    bare.close();
    await server.stop();
  }
}
