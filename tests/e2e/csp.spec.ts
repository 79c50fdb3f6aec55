// The site's pages carry a Content-Security-Policy. Everything the product
// does under it still works (no violation while a learner reads, searches,
// edits, runs and inspects), and what it exists to stop is stopped: a script
// from another host, an inline script nobody hashed, a frame from elsewhere.
import { test, expect, type Page } from '@playwright/test';
import { Inspector, INSPECTOR_TABS } from './support/inspector.ts';
import { readLessons } from './support/lessons.ts';
import { Workspace } from './support/workspace.ts';

const lesson = readLessons().find((l) => l.folder === '02-two-peers-in-one-page')!;

/** Collects every CSP violation the top page reports, from its first script on. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.effectiveDirective} ${event.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
}

test('a lesson page runs, inspects and searches under its policy without a single violation', async ({ page }) => {
  test.setTimeout(120_000);
  const violations = await watchViolations(page);
  const response = await page.goto(lesson.path);
  expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self'/);

  const workspace = await Workspace.open(page, lesson);
  await workspace.setFiles(lesson.solution);
  await workspace.run();
  await workspace.expectAllPassed(lesson.timeLimit * 1000);
  const inspector = new Inspector(page);
  for (const tab of INSPECTOR_TABS) await inspector.show(tab);

  await page.getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox').fill('PeerJS');
  await expect(dialog.locator('a[href*="/lessons/"]').first()).toBeVisible({ timeout: 15_000 });
  await page.keyboard.press('Escape');
  expect(await violations()).toEqual([]);

  await page.goto('/inspector/');
  await page.getByRole('button', { name: 'Load an example' }).click();
  await page.goto('/');
  expect(await violations()).toEqual([]);
});

test('the policy refuses a script from another host, an unhashed inline script and a foreign frame', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto('/');
  await page.evaluate(() => {
    const add = (element: HTMLElement) => document.body.append(element);
    const external = document.createElement('script');
    external.src = 'https://cdn.example.com/evil.js';
    add(external);
    const inline = document.createElement('script');
    inline.textContent = 'window.__pwned = true;';
    add(inline);
    const frame = document.createElement('iframe');
    frame.src = 'https://elsewhere.example.com/';
    add(frame);
  });
  await expect.poll(violations).toEqual(
    expect.arrayContaining(['script-src-elem https://cdn.example.com/evil.js', 'script-src-elem inline', 'frame-src https://elsewhere.example.com']),
  );
  expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
});
