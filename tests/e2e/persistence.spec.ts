// The learner's edits are saved per lesson in the browser: they survive a
// reload, a second tab, and closing and reopening the browser.
import { test, expect } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readLessons } from './support/lessons.ts';
import { Workspace } from './support/workspace.ts';
import { SITE_ORIGIN } from './support/ports.ts';

const lessons = readLessons();
const [first, second] = lessons as [(typeof lessons)[0], (typeof lessons)[0] | undefined];

function myEdit(): string {
  return `// my own edit ${Math.random().toString(36).slice(2)}\nconsole.log('edited');\n`;
}

test('edits survive a reload and show in a new tab, and stay with their lesson', async ({ page, context }) => {
  const edit = myEdit();
  const workspace = await Workspace.open(page, first);
  await workspace.setFile('main.js', edit);

  await page.reload();
  const reloaded = await Workspace.open(page, first);
  expect((await reloaded.run())['main.js'], 'after a reload').toBe(edit);

  const other = await Workspace.open(await context.newPage(), first);
  expect((await other.run())['main.js'], 'in a new tab').toBe(edit);

  if (second) {
    const elsewhere = await Workspace.open(await context.newPage(), second);
    expect(await elsewhere.run(), 'another lesson keeps its own files').toEqual(second.files);
  }
});

test('edits survive closing and reopening the browser', async ({ playwright }, testInfo) => {
  const profile = mkdtempSync(join(tmpdir(), 'playground-e2e-profile-'));
  const options = {
    ...testInfo.project.use.launchOptions,
    baseURL: SITE_ORIGIN,
    viewport: testInfo.project.use.viewport ?? null,
    permissions: ['clipboard-read', 'clipboard-write'],
  };
  const edit = myEdit();
  try {
    const before = await playwright.chromium.launchPersistentContext(profile, options);
    const workspace = await Workspace.open(before.pages()[0] ?? (await before.newPage()), first);
    await workspace.setFile('main.js', edit);
    await before.close();

    const after = await playwright.chromium.launchPersistentContext(profile, options);
    try {
      const reopened = await Workspace.open(after.pages()[0] ?? (await after.newPage()), first);
      expect((await reopened.run())['main.js']).toBe(edit);
    } finally {
      await after.close();
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
