// The workspace's Solution and Reset buttons: neither loses the learner's code.
import { test, expect } from '@playwright/test';
import { readLessons } from './support/lessons.ts';
import { Workspace } from './support/workspace.ts';

const lesson = readLessons()[0]!;
const mine = "// the learner's own attempt\nconsole.log('mine');\n";

test('Solution shows the solution read-only, runs it, and brings the learner’s code back', async ({ page }) => {
  const workspace = await Workspace.open(page, lesson);
  await workspace.setFile('main.js', mine);
  await expect(workspace.solutionButton).toHaveAttribute('aria-pressed', 'false');

  await workspace.solutionButton.click();
  await expect(workspace.solutionButton).toHaveAttribute('aria-pressed', 'true');
  // Typing into the solution changes nothing: it is read-only.
  await workspace.selectFile('main.js');
  await workspace.focusEditor();
  await page.keyboard.type('zzz');
  expect(await workspace.run(), 'Run runs the solution').toEqual(lesson.solution);
  await workspace.stop();

  await workspace.solutionButton.click();
  await expect(workspace.solutionButton).toHaveAttribute('aria-pressed', 'false');
  expect(await workspace.run(), 'the learner’s own code is back').toEqual({ ...lesson.files, 'main.js': mine });
});

test('Reset goes back to the starting files, and can be undone', async ({ page }) => {
  const workspace = await Workspace.open(page, lesson);
  await workspace.setFile('main.js', mine);
  await workspace.resetButton.click();
  expect(await workspace.run(), 'after Reset').toEqual(lesson.files);
  await workspace.stop();

  // Undo in the editor brings the learner's code back.
  await workspace.selectFile('main.js');
  await workspace.focusEditor();
  await page.keyboard.press('ControlOrMeta+Z');
  expect((await workspace.run())['main.js'], 'after undoing the Reset').toBe(mine);
});
