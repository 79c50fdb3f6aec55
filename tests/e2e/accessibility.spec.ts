// axe-core, the engine behind most accessibility checkers, finds no serious or
// critical violation on the home page, a lesson page (editor loaded, a run
// done, the Inspector open) and the standalone SDP inspector, in both themes.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { Inspector } from './support/inspector.ts';
import { readLessons } from './support/lessons.ts';
import { Workspace } from './support/workspace.ts';

const lesson = readLessons().find((l) => l.folder === '02-two-peers-in-one-page')!;

/** Serious and critical violations, one readable line per affected element. */
async function seriousViolations(page: Page): Promise<string[]> {
  // The run frame is the learner's own page on another origin: not ours to audit.
  const results = await new AxeBuilder({ page }).exclude('iframe[title="Preview"]').analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((node) => `${v.id} (${v.impact}): ${node.target.join(' ')} — ${node.failureSummary?.split('\n')[1]?.trim() ?? v.help}`));
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });

    test('the home page', async ({ page }) => {
      await page.goto('/');
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('a lesson page with the editor, a run and the Inspector', async ({ page }) => {
      test.setTimeout(90_000);
      const workspace = await Workspace.open(page, lesson);
      expect(await seriousViolations(page)).toEqual([]);
      await workspace.setFiles(lesson.solution);
      await workspace.run();
      await workspace.expectAllPassed(lesson.timeLimit * 1000);
      expect(await seriousViolations(page)).toEqual([]);
      const inspector = new Inspector(page);
      for (const tab of ['Timeline', 'SDP', 'ICE', 'Stats', 'Doctor'] as const) {
        await inspector.show(tab);
        expect(await seriousViolations(page), `Inspector ${tab}`).toEqual([]);
      }
    });

    test('the SDP inspector page', async ({ page }) => {
      await page.goto('/inspector/');
      await page.getByRole('button', { name: 'Load an example' }).click();
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}
