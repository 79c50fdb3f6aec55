/**
 * Which Chromium the end-to-end tests drive. Pure: the caller passes the
 * environment and a way to test whether a file exists, so the choice can be
 * checked without touching the machine.
 *
 * We prefer a system Chromium because `npx playwright install` cannot download
 * browsers on a closed network; Playwright's own build is the last resort.
 */

export interface BrowserLookup {
  env: Record<string, string | undefined>;
  exists: (path: string) => boolean;
  /** Where Playwright's own Chromium would be (`chromium.executablePath()`), if known. */
  playwrightChromium?: string;
}

export type BrowserChoice = { ok: true; path: string; source: string } | { ok: false; message: string };

export const SYSTEM_CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export const INSTALL_HINT =
  'No Chromium found for the end-to-end tests. ' +
  'On Debian/Ubuntu: sudo apt-get install -y chromium; ' +
  'elsewhere: install Chromium or Chrome and set CHROMIUM_PATH=/path/to/chrome, ' +
  'or run `npx playwright install chromium` where downloads work.';

export function findChromium({ env, exists, playwrightChromium }: BrowserLookup): BrowserChoice {
  for (const name of ['CHROMIUM_PATH', 'PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH']) {
    const path = env[name];
    if (!path) continue;
    // An explicit choice that is wrong is an error, not a reason to pick another browser silently.
    if (!exists(path)) return { ok: false, message: `${name} is set to ${path}, but no file is there: point it at a Chromium or Chrome executable, or unset it.` };
    return { ok: true, path, source: name };
  }
  for (const path of SYSTEM_CHROMIUM_PATHS) {
    if (exists(path)) return { ok: true, path, source: 'system' };
  }
  if (playwrightChromium && exists(playwrightChromium)) {
    return { ok: true, path: playwrightChromium, source: 'playwright' };
  }
  return { ok: false, message: INSTALL_HINT };
}

/**
 * Flags that make WebRTC work in headless Chromium on a closed network:
 * fake camera/microphone without a permission prompt, screen capture that picks
 * the whole screen, and no calls home.
 */
export const CHROMIUM_ARGS = [
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--auto-select-desktop-capture-source=Entire screen',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
