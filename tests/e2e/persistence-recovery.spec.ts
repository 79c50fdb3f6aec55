// The learner's code is never lost: two tabs editing one lesson keep both
// versions (and say so), every unreadable save is kept until dismissed, and a
// saved file the lesson no longer has is offered back. Found by role and name,
// checked by what the learner can download.
import { test, expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { readLessons } from './support/lessons.ts';
import { Workspace } from './support/workspace.ts';

const lesson = readLessons()[0]!;
const key = `webrtc-playground:lesson:${lesson.slug}`;

const edit = (who: string) => `// ${who}'s edit ${Math.random().toString(36).slice(2)}\nconsole.log('${who}');\n`;

/** Clicks a Download button and returns the text of the file it saved. */
async function downloaded(page: Page, button: Locator): Promise<string> {
  const download = page.waitForEvent('download');
  await button.click();
  return readFileSync(await (await download).path(), 'utf8');
}

const changedElsewhere = (page: Page) => page.getByRole('alert').filter({ hasText: /This lesson was changed in another tab/ });
const keptCopies = (page: Page) => page.getByRole('region', { name: 'Kept copies of your code' });

test('two tabs editing one lesson: each notices the other, and both versions stay recoverable', async ({ page, context }) => {
  const a = await Workspace.open(page, lesson);
  const b = await Workspace.open(await context.newPage(), lesson);
  const editA = edit('A');
  const editB = edit('B');

  await a.setFile('main.js', editA);
  await expect(changedElsewhere(b.page), 'B is told about A’s save').toBeVisible();
  // B types on before choosing: that must not overwrite A's save.
  await b.setFile('main.js', editB);
  await b.page.waitForTimeout(500);
  expect(await a.page.evaluate((k) => localStorage.getItem(k), key)).toContain(editA.split('\n')[0]);

  await b.page.getByRole('button', { name: "Keep this tab's version" }).click();
  await expect(changedElsewhere(b.page)).toHaveCount(0);
  await expect(changedElsewhere(a.page), 'A is told about B’s save').toBeVisible();
  await a.page.getByRole('button', { name: "Load the other tab's version" }).click();
  await expect(changedElsewhere(a.page)).toHaveCount(0);
  expect((await a.run())['main.js'], 'A now shows B’s version').toBe(editB);
  await a.stop();

  // A's own version was not dropped: it is a kept copy, in both tabs and after a reload.
  const reloaded = await Workspace.open(page, lesson);
  expect((await reloaded.run())['main.js']).toBe(editB);
  const copies = keptCopies(page);
  await expect(copies.getByRole('listitem')).toHaveCount(1);
  expect(await downloaded(page, copies.getByRole('button', { name: /^Download Copy 1:/ }))).toContain(editA);
  await expect(keptCopies(b.page).getByRole('listitem')).toHaveCount(1);
});

test('two corrupt saves are both kept until dismissed', async ({ page }) => {
  await Workspace.open(page, lesson);
  await page.evaluate((k) => localStorage.setItem(k, '{"version":1,"files":{"main.js":"first corrupt'), key);
  // Workspace.open loads the page again (a reload).
  let workspace = await Workspace.open(page, lesson);
  await expect(page.getByRole('alert').filter({ hasText: /could not be read/ })).toBeVisible();
  await expect(keptCopies(page).getByRole('listitem')).toHaveCount(1);

  // One edit (saved), then a second corrupt save.
  await workspace.setFile('main.js', edit('learner'));
  await page.evaluate((k) => localStorage.setItem(k, '{"version":1,"files":{"main.js":"second corrupt'), key);
  workspace = await Workspace.open(page, lesson);
  const items = keptCopies(page).getByRole('listitem');
  await expect(items).toHaveCount(2);
  expect(await downloaded(page, keptCopies(page).getByRole('button', { name: /^Download Copy 1:/ }))).toContain('first corrupt');
  expect(await downloaded(page, keptCopies(page).getByRole('button', { name: /^Download Copy 2:/ }))).toContain('second corrupt');

  // Still there after another edit and reload; gone once dismissed.
  await workspace.setFile('main.js', edit('learner'));
  await Workspace.open(page, lesson);
  await expect(items).toHaveCount(2);
  await keptCopies(page).getByRole('button', { name: /^Dismiss Copy 1:/ }).click();
  await expect(items).toHaveCount(1);
  await Workspace.open(page, lesson);
  await expect(items).toHaveCount(1);
});

test('a saved file the lesson no longer has is offered back and kept until dismissed', async ({ page }) => {
  await Workspace.open(page, lesson);
  const renamed = "// the learner's code in a file the lesson renamed\nconsole.log('still mine');\n";
  await page.evaluate(
    ([k, files]) => localStorage.setItem(k, JSON.stringify({ version: 1, files, savedAt: new Date().toISOString() })),
    [key, { ...lesson.files, 'old-name.js': renamed }] as const,
  );
  const workspace = await Workspace.open(page, lesson);
  const region = page.getByRole('region', { name: 'Files no longer in this lesson' });
  await expect(region).toContainText('old-name.js');
  expect(await downloaded(page, region.getByRole('button', { name: 'Download old-name.js' }))).toBe(renamed);

  // Editing another file saves it along, rather than dropping it.
  await workspace.setFile('main.js', edit('learner'));
  await expect.poll(() => page.evaluate((k) => localStorage.getItem(k), key)).toContain('old-name.js');
  await region.getByRole('button', { name: 'Dismiss old-name.js' }).click();
  await expect(region).toHaveCount(0);
  await expect.poll(() => page.evaluate((k) => localStorage.getItem(k), key)).not.toContain('old-name.js');
});
