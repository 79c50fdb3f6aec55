// Every lesson in lessons/ (read from disk now, so a new lesson is covered
// without touching this file): its solution passes every check and its
// starting files fail at least one, both typed into the editor and run
// through the UI. A pairing lesson runs in two tabs, one per side, and both
// tabs must agree.
import { test, expect, type Page } from '@playwright/test';
import { readLessons } from './support/lessons.ts';
import { Workspace } from './support/workspace.ts';

const lessons = readLessons();

test('there are lessons to test', () => {
  expect(lessons.map((lesson) => lesson.folder).length).toBeGreaterThanOrEqual(2);
});

for (const lesson of lessons) {
  test.describe(`lesson ${lesson.folder}`, () => {
    // The starting files settle only when the lesson's time limit elapses.
    // A pairing lesson also loads its second tab's editor and fills it.
    test.setTimeout(lesson.timeLimit * 1000 + (lesson.pairing ? 120_000 : 60_000));

    test('has a tab for each of its files', async ({ page }) => {
      const workspace = await Workspace.open(page, lesson);
      const tabs = await workspace.fileTabs.allInnerTexts();
      expect(tabs.map((t) => t.trim()).sort()).toEqual(Object.keys(lesson.files).sort());
    });

    test('the solution passes every check', async ({ page }) => {
      const tabs = await openTabs(page);
      for (const workspace of tabs) {
        await workspace.setFiles(lesson.solution);
        const sent = await workspace.run();
        expect(sent, 'the editor holds exactly the solution').toEqual(lesson.solution);
      }
      for (const workspace of tabs) {
        await workspace.expectAllPassed(lesson.timeLimit * 1000);
        expect((await workspace.checks()).length).toBeGreaterThan(0);
      }
      for (const workspace of tabs) await workspace.stop();
      // A check that passed stays passed when the run settles.
      for (const workspace of tabs) await workspace.expectAllPassed(5_000);
    });

    test('the starting files fail at least one check', async ({ page }) => {
      const tabs = await openTabs(page);
      for (const workspace of tabs) {
        await workspace.setFiles(lesson.files);
        const sent = await workspace.run('shortcut');
        expect(sent, 'the editor holds exactly the starting files').toEqual(lesson.files);
      }
      // No Stop: let the run settle on its own at the time limit, so a check
      // the starting code would pass given time is not failed early.
      for (const workspace of tabs) {
        const rows = await workspace.settledChecks(lesson.timeLimit * 1000 + 15_000);
        expect(rows.length).toBeGreaterThan(0);
        expect(rows.filter((row) => row.status === 'Failed').length, JSON.stringify(rows)).toBeGreaterThan(0);
        await expect(workspace.checksPanel).toContainText(/\d+ of \d+ checks? passed/);
      }
    });

    /** The lesson's tab, and for a pairing lesson its other side, opened by its link (same browser context). */
    async function openTabs(page: Page): Promise<Workspace[]> {
      const workspace = await Workspace.open(page, lesson);
      return lesson.pairing ? [workspace, await workspace.openPartner()] : [workspace];
    }
  });
}
