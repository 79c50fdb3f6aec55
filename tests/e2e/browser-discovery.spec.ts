// Which Chromium the suite picks (tests/e2e/support/browser.ts): pure, no browser needed.
import { test, expect } from '@playwright/test';
import { findChromium, INSTALL_HINT } from './support/browser.ts';

const only = (...paths: string[]) => (path: string) => paths.includes(path);

test.describe('browser discovery', () => {
  test('CHROMIUM_PATH wins over everything else', () => {
    const choice = findChromium({
      env: { CHROMIUM_PATH: '/opt/chrome/chrome', PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH: '/x/chrome' },
      exists: only('/opt/chrome/chrome', '/x/chrome', '/usr/bin/chromium'),
    });
    expect(choice).toEqual({ ok: true, path: '/opt/chrome/chrome', source: 'CHROMIUM_PATH' });
  });

  test('PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH is honoured too', () => {
    const choice = findChromium({ env: { PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH: '/x/chrome' }, exists: only('/x/chrome') });
    expect(choice).toEqual({ ok: true, path: '/x/chrome', source: 'PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH' });
  });

  test('a CHROMIUM_PATH that points nowhere is an error naming the variable', () => {
    const choice = findChromium({ env: { CHROMIUM_PATH: '/nope' }, exists: only('/usr/bin/chromium') });
    expect(choice.ok).toBe(false);
    expect(!choice.ok && choice.message).toContain('CHROMIUM_PATH is set to /nope');
  });

  test('system browsers in order, then Playwright’s own', () => {
    const pw = '/root/.cache/ms-playwright/chromium/chrome';
    expect(findChromium({ env: {}, exists: only('/usr/bin/chromium-browser', '/usr/bin/google-chrome') })).toMatchObject({
      path: '/usr/bin/chromium-browser',
    });
    expect(findChromium({ env: {}, exists: only('/usr/bin/google-chrome', pw), playwrightChromium: pw })).toMatchObject({
      path: '/usr/bin/google-chrome',
    });
    expect(findChromium({ env: {}, exists: only(pw), playwrightChromium: pw })).toEqual({
      ok: true,
      path: pw,
      source: 'playwright',
    });
  });

  test('no browser at all: one message saying how to install one', () => {
    const choice = findChromium({ env: {}, exists: () => false, playwrightChromium: '/missing' });
    expect(choice).toEqual({ ok: false, message: INSTALL_HINT });
    expect(INSTALL_HINT).toContain('sudo apt-get install -y chromium');
    expect(INSTALL_HINT).toContain('CHROMIUM_PATH=');
  });
});
