// The learner's code runs on another origin: it cannot read the site's
// storage or cookies, nor navigate the top page.
import { test, expect } from '@playwright/test';
import { readLessons } from './support/lessons.ts';
import { MODULE_PAGE, Workspace } from './support/workspace.ts';
import { E2E_SANDBOX_PORT } from './support/ports.ts';

const lesson = readLessons()[0]!;

test('the frame cannot read the site’s localStorage or cookies', async ({ page }) => {
  const workspace = await Workspace.open(page, lesson);
  await page.evaluate(() => {
    localStorage.setItem('e2e-secret', 'site-only-secret');
    document.cookie = 'e2e_secret=site-only-secret; path=/';
  });
  const program = [
    'function attempt(what, read) {',
    "  try { console.log(what, 'read:', String(read())); }",
    "  catch (error) { console.log(what, 'blocked:', error.name); }",
    '}',
    "attempt('parent storage', () => window.parent.localStorage.getItem('e2e-secret'));",
    "attempt('top storage', () => top.localStorage.getItem('e2e-secret'));",
    "attempt('parent cookie', () => window.parent.document.cookie);",
    // The frame's own storage may be blocked outright (a third-party context in an incognito-like
    // profile, as Playwright's are) or partitioned; either way it must not hold the site's data.
    "attempt('own storage', () => localStorage.getItem('e2e-secret'));",
    "attempt('own cookies', () => JSON.stringify(document.cookie));",
    "console.log('frame origin:', location.origin);",
    '',
  ].join('\n');
  await workspace.setFiles({ 'index.html': MODULE_PAGE, 'main.js': program });
  await workspace.run();

  await workspace.expectConsole('parent storage blocked: SecurityError');
  await workspace.expectConsole('top storage blocked: SecurityError');
  await workspace.expectConsole('parent cookie blocked: SecurityError');
  await workspace.expectConsole(/own storage (read: null|blocked: SecurityError)/);
  await workspace.expectConsole(/own cookies (read: "[^"\n]*"|blocked: SecurityError)/);
  expect(await workspace.consoleText()).not.toContain('site-only-secret');

  // The frame's origin is not the page's, and not even the same site (another host name).
  const frameOrigin = new URL((await workspace.frame()).url()).origin;
  const pageOrigin = new URL(page.url()).origin;
  expect(frameOrigin).not.toBe(pageOrigin);
  expect(new URL(frameOrigin).hostname).not.toBe(new URL(pageOrigin).hostname);
  expect(new URL(frameOrigin).port).toBe(String(E2E_SANDBOX_PORT));
  await workspace.expectConsole(`frame origin: ${frameOrigin}`);
});

test('the frame cannot navigate the top page', async ({ page }) => {
  const workspace = await Workspace.open(page, lesson);
  const lessonUrl = page.url();
  const program = [
    "try { top.location.href = '/?hijacked'; console.log('top navigation attempted'); }",
    "catch (error) { console.log('top navigation blocked:', error.name); }",
    "try { window.open('/?popup', '_top'); } catch (error) { console.log('window.open blocked:', error.name); }",
    "setTimeout(() => console.log('frame still here'), 500);",
    '',
  ].join('\n');
  await workspace.setFiles({ 'index.html': MODULE_PAGE, 'main.js': program });
  await workspace.run();
  await workspace.expectConsole('frame still here');
  expect(page.url()).toBe(lessonUrl);
  await expect(workspace.runButton).toBeVisible();
});
