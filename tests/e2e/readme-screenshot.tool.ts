// Not a test: retakes the README's screenshot of a lesson (site/public/readme/lesson.png).
// Run with `README_SCREENSHOT=1 npm run test:e2e`; the config then runs only *.tool.ts files.
import { test } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { readLessons } from './support/lessons.ts';
import { Workspace } from './support/workspace.ts';

const OUTPUT = fileURLToPath(new URL('../../site/public/readme/lesson.png', import.meta.url));

test('screenshot of a completed lesson for the README', async ({ page }) => {
  const lesson = readLessons()[0]!;
  await page.setViewportSize({ width: 1440, height: 900 });
  const workspace = await Workspace.open(page, lesson);
  await workspace.setFiles(lesson.solution);
  await workspace.selectFile('main.js');
  await workspace.focusEditor();
  await page.keyboard.press('ControlOrMeta+Home');
  await workspace.run();
  await workspace.expectAllPassed(lesson.timeLimit * 1000);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: OUTPUT });
});
