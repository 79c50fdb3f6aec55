// A learner's progress: a lesson whose checks all passed on the learner's own
// code is marked completed in the sidebar at once (a check mark, and the word
// "completed" in the link's accessible name), stays marked after a reload, and
// is counted on the home page. Running the solution through the Solution
// button does not count.
import { test, expect, type Page } from '@playwright/test';
import { readLessons } from './support/lessons.ts';
import { Workspace, escape } from './support/workspace.ts';

const lessons = readLessons();
const lesson = lessons.find((l) => l.folder.startsWith('02-'));
const others = lessons.filter((l) => l !== lesson);

function sidebarOf(page: Page) {
  const sidebar = page.getByRole('navigation', { name: 'Main' });
  return {
    link: (title: string) => sidebar.getByRole('link', { name: new RegExp(`^${escape(title)}`) }),
    summary: sidebar.getByText(/^\d+ of \d+ lessons? completed$/),
  };
}

const count = (done: number) => `${done} of ${lessons.length} ${lessons.length === 1 ? 'lesson' : 'lessons'} completed`;

test('completing a lesson with your own code marks it in the sidebar and on the home page, and the mark survives a reload', async ({ page }) => {
  expect(lesson, 'lesson 02 in lessons/').toBeDefined();
  const { title, solution, timeLimit } = lesson!;
  test.setTimeout(2 * timeLimit * 1000 + 90_000);

  const workspace = await Workspace.open(page, lesson!);
  const sidebar = sidebarOf(page);
  await expect(sidebar.summary).toHaveText(count(0));
  await expect(sidebar.link(title)).toHaveAccessibleName(title);

  // The Solution button's code passes every check, but it is not the learner's work.
  await workspace.solutionButton.click();
  await expect(workspace.solutionButton).toHaveAttribute('aria-pressed', 'true');
  await workspace.run();
  await workspace.expectAllPassed(timeLimit * 1000);
  await workspace.stop();
  await expect(sidebar.link(title)).toHaveAccessibleName(title);
  await expect(sidebar.summary).toHaveText(count(0));
  await workspace.solutionButton.click();
  await expect(workspace.solutionButton).toHaveAttribute('aria-pressed', 'false');

  // The same code pasted into the editor as the learner's own does count, at once.
  await workspace.setFiles(solution);
  expect(await workspace.run(), 'the learner runs their own files').toEqual(solution);
  await workspace.expectAllPassed(timeLimit * 1000);
  await expect(sidebar.link(title)).toHaveAccessibleName(`${title} (completed)`);
  await expect(sidebar.link(title).locator('svg')).toBeVisible();
  await expect(sidebar.summary).toHaveText(count(1));
  for (const other of others) await expect(sidebar.link(other.title)).toHaveAccessibleName(other.title);
  await workspace.stop();

  await page.reload();
  const reloaded = sidebarOf(page);
  await expect(reloaded.link(title)).toHaveAccessibleName(`${title} (completed)`);
  await expect(reloaded.summary).toHaveText(count(1));

  // Marked on another lesson's page too, and readable in the dark theme.
  if (others[0]) {
    await reloaded.link(others[0].title).click();
    await expect(page.getByRole('heading', { level: 1, name: others[0].title })).toBeVisible();
    await page.getByRole('combobox', { name: /theme/i }).first().selectOption('dark');
    await expect(sidebarOf(page).link(title)).toHaveAccessibleName(`${title} (completed)`);
    await expect(sidebarOf(page).link(title).locator('svg')).toBeVisible();
  }

  await page.goto('/');
  const main = page.getByRole('main');
  await expect(main.getByText(count(1), { exact: true })).toBeVisible();
  await expect(main.getByRole('link', { name: new RegExp(`${escape(title)} \\(completed\\)$`) })).toBeVisible();
  for (const other of others) await expect(main.getByRole('link', { name: other.title, exact: true })).toBeVisible();
});

test('a fresh browser shows no lesson as completed', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('main').getByText(count(0), { exact: true })).toBeVisible();
  await expect(page.getByRole('main').locator('[data-progress-mark]')).toHaveCount(0);
});
