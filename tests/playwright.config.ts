import { defineConfig, devices, chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, findChromium } from './e2e/support/browser.ts';
import { E2E_PORT, E2E_SANDBOX_PORT, E2E_TURN_PORT, E2E_TURN_SECRET, SITE_ORIGIN } from './e2e/support/ports.ts';

// End-to-end tests run against the real signal-server (as `npm start` runs it) on
// their own ports, so a developer's own `npm start` on 4321 keeps running alongside.

const root = fileURLToPath(new URL('..', import.meta.url));

function playwrightChromium(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined; // Playwright knows no build for this platform.
  }
}

const browser = findChromium({ env: process.env, exists: existsSync, playwrightChromium: playwrightChromium() });
if (!browser.ok) {
  // One clear line instead of Playwright's "Executable doesn't exist" stack later.
  console.error(browser.message);
  process.exit(1);
}

export default defineConfig({
  testDir: './e2e',
  // README_SCREENSHOT=1 runs the screenshot tool (readme-screenshot.tool.ts) instead of the tests.
  testMatch: process.env.README_SCREENSHOT ? '**/*.tool.ts' : '**/*.spec.ts',
  outputDir: './.output/results',
  // Flakes should show, not be retried away.
  retries: 0,
  workers: 1,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { outputFolder: './.output/report', open: 'never' }]],
  use: {
    baseURL: SITE_ORIGIN,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    // The workspace helper pastes code into Monaco through the clipboard, as a learner would.
    permissions: ['clipboard-read', 'clipboard-write'],
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1400, height: 900 },
        launchOptions: { executablePath: browser.path, args: CHROMIUM_ARGS },
      },
    },
  ],
  webServer: {
    command: 'npm start',
    cwd: root,
    // coturn on its own port (a developer's may hold 3478), with a secret the TURN tests know.
    env: { PORT: String(E2E_PORT), SANDBOX_PORT: String(E2E_SANDBOX_PORT), TURN_PORT: String(E2E_TURN_PORT), TURN_SECRET: E2E_TURN_SECRET },
    url: `${SITE_ORIGIN}/healthz`,
    reuseExistingServer: false,
    // The first start builds the site (Astro + Monaco) when it is stale: minutes on two cores.
    timeout: 5 * 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
  },
});
