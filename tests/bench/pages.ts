/**
 * The pages as a learner meets them, against the real server in the system
 * Chromium:
 * - compressed JavaScript transferred for a lesson page before the editor
 *   (Monaco) starts loading; target under 150 KB;
 * - navigation to the editor ready (its text box on screen), cold cache;
 * - Run to the first console line of lesson 02's solution;
 * - Lighthouse performance and accessibility scores of the home page and a
 *   lesson page (desktop and mobile presets); targets 95 and 100.
 *
 *   npm run bench -- pages
 */
import type { BrowserContext } from '@playwright/test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import type { BenchRow } from './types.ts';
import { CHROMIUM_ARGS } from '../e2e/support/browser.ts';
import { chromiumPath, launchChromium, median, SITE, startSite } from './support/site.ts';

const LESSON_PATH = '/lessons/two-peers-in-one-page/';
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** Monaco's chunks: the first request for one is where "before the editor" ends. */
const EDITOR_CHUNK = /\/_astro\/editor\.[^/]*\.js$/;

/** Compressed bytes of JavaScript a fresh lesson page fetched before it asked for Monaco. */
async function scriptBytesBeforeEditor(context: BrowserContext): Promise<number> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const scripts = new Map<string, boolean>(); // requestId → requested before the editor
  let editorRequested = false;
  const bytes = new Map<string, number>();
  cdp.on('Network.requestWillBeSent', (event) => {
    if (EDITOR_CHUNK.test(event.request.url)) editorRequested = true;
    if (event.type === 'Script' || /\.m?js(\?|$)/.test(event.request.url)) scripts.set(event.requestId, !editorRequested);
  });
  cdp.on('Network.loadingFinished', (event) => bytes.set(event.requestId, event.encodedDataLength));
  await page.goto(SITE + LESSON_PATH);
  await page.getByRole('textbox', { name: /^Code editor/ }).waitFor({ timeout: 60_000 });
  let total = 0;
  for (const [id, early] of scripts) if (early) total += bytes.get(id) ?? 0;
  await page.close();
  return total;
}

async function navigationToEditor(context: BrowserContext): Promise<number> {
  const page = await context.newPage();
  const started = performance.now();
  await page.goto(SITE + LESSON_PATH);
  await page.getByRole('textbox', { name: /^Code editor/ }).waitFor({ timeout: 60_000 });
  const elapsed = performance.now() - started;
  await page.close();
  return elapsed;
}

/**
 * Run to the first line in the Console panel, timed inside the page: the click
 * and a MutationObserver on the console's log, so no test-driver polling is counted.
 */
async function runToFirstLine(context: BrowserContext): Promise<number[]> {
  const page = await context.newPage();
  await page.goto(SITE + LESSON_PATH);
  const run = page.getByRole('button', { name: 'Run', exact: true });
  const stop = page.getByRole('button', { name: 'Stop', exact: true });
  await run.waitFor();
  await page.getByRole('button', { name: 'Solution', exact: true }).click();
  const times: number[] = [];
  for (let i = -1; i < RUNS; i++) {
    const elapsed = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const log = document.querySelector('[role="log"][aria-label="Console output"]')!;
          const button = document.querySelector<HTMLButtonElement>('[data-action="run"]')!;
          const started = performance.now();
          new MutationObserver((_, observer) => {
            if (!log.textContent?.includes('pc1 created an offer.')) return;
            observer.disconnect();
            resolve(performance.now() - started);
          }).observe(log, { childList: true, subtree: true, characterData: true });
          button.click();
        }),
    );
    if (i >= 0) times.push(elapsed);
    await stop.click();
    await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('[data-action="run"]')?.disabled);
  }
  await page.close();
  return times;
}

type Preset = 'desktop' | 'mobile';

async function lighthouseScores(url: string, preset: Preset, port: number): Promise<{ performance: number; accessibility: number }> {
  const result = await lighthouse(
    url,
    { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] },
    preset === 'desktop' ? desktopConfig : undefined,
  );
  const categories = result?.lhr.categories;
  if (!categories) throw new Error(`Lighthouse gave no result for ${url}`);
  return { performance: Math.round((categories.performance?.score ?? 0) * 100), accessibility: Math.round((categories.accessibility?.score ?? 0) * 100) };
}

export async function bench(): Promise<BenchRow[]> {
  const server = await startSite();
  const rows: BenchRow[] = [];
  try {
    const browser = await launchChromium();
    try {
      const bytes: number[] = [];
      const ready: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        // A fresh context is a cold cache, as on a learner's first visit.
        const cold = await browser.newContext();
        bytes.push(await scriptBytesBeforeEditor(cold));
        await cold.close();
        const cold2 = await browser.newContext();
        ready.push(await navigationToEditor(cold2));
        await cold2.close();
      }
      const context = await browser.newContext();
      const firstLine = await runToFirstLine(context);
      await context.close();
      rows.push(
        { name: 'JavaScript before the editor, lesson page (compressed)', value: median(bytes) / 1024, unit: 'KB', target: '< 150 KB' },
        { name: 'navigation → editor ready, cold cache (median)', value: median(ready), unit: 'ms' },
        { name: 'Run → first console line, lesson 02 (median)', value: median(firstLine), unit: 'ms' },
      );
    } finally {
      await browser.close();
    }

    const chrome = await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });
    try {
      for (const [name, path] of [['home page', '/'], ['lesson page', LESSON_PATH]] as const) {
        for (const preset of ['desktop', 'mobile'] as const) {
          const scores = await lighthouseScores(SITE + path, preset, chrome.port);
          rows.push(
            { name: `Lighthouse performance, ${name} (${preset})`, value: scores.performance, unit: 'score', target: '≥ 95' },
            { name: `Lighthouse accessibility, ${name} (${preset})`, value: scores.accessibility, unit: 'score', target: '100' },
          );
        }
      }
    } finally {
      chrome.kill();
    }
  } finally {
    await server.stop();
  }
  return rows;
}
