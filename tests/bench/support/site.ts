/**
 * What the browser benchmarks share: the real server (`npm start` on the
 * benchmark's own ports, building the site when it is stale) and the system
 * Chromium with the flags that make WebRTC work headless.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../../e2e/support/browser.ts';
import { startServer, type Started } from '../../tools/processes.ts';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const BENCH_PORT = 4471;
export const SITE = `http://localhost:${BENCH_PORT}`;

export function chromiumPath(): string {
  let bundled: string | undefined;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = undefined;
  }
  const found = findChromium({ env: process.env, exists: existsSync, playwrightChromium: bundled });
  if (!found.ok) throw new Error(found.message);
  return found.path;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

export function startSite(): Promise<Started> {
  return startServer(ROOT, BENCH_PORT, BENCH_PORT + 1, { env: { TURN_PORT: String(BENCH_PORT + 2) }, echo: false });
}

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}
