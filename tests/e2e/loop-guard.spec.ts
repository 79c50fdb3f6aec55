// A `while (true) {}` in the learner's code is stopped within 3 seconds, the
// console says which loop, the frame carries on with its other work, and the
// page stays usable.
import { test, expect } from '@playwright/test';
import { readLessons } from './support/lessons.ts';
import { MODULE_PAGE, Workspace } from './support/workspace.ts';

const lesson = readLessons()[0]!;

test('an endless loop is stopped within 3 s and the console names it', async ({ page }) => {
  const program = [
    "setTimeout(() => console.log('still alive after the loop'), 50);",
    "console.log('entering the loop');",
    'let spins = 0;',
    'while (true) {',
    '  spins++;',
    '}',
    '',
  ].join('\n');
  const loopLine = 4;
  const workspace = await Workspace.open(page, lesson);
  await workspace.setFiles({ 'index.html': MODULE_PAGE, 'main.js': program });
  await workspace.run();
  // The frame is placed and loading: from here the loop must be stopped and reported within 3 s.
  await workspace.expectConsole(new RegExp(`loop[\\s\\S]*main\\.js:${loopLine}\\b|main\\.js:${loopLine}\\b[\\s\\S]*loop`, 'i'), 3_000);
  await workspace.expectConsole('entering the loop');
  // The frame's event loop runs again: the timer set before the loop fires.
  await workspace.expectConsole('still alive after the loop');

  // The page answers: tabs switch, and Stop tears the run down.
  await workspace.selectFile('index.html');
  await workspace.selectFile('main.js');
  await workspace.stop();
  await expect(workspace.preview).toHaveCount(0);
});

test('a loop that never yields inside a function called later is stopped too', async ({ page }) => {
  const program = [
    'function spin() {',
    '  for (;;) {}',
    '}',
    "setTimeout(() => { spin(); }, 0);",
    "setTimeout(() => console.log('the frame carried on'), 100);",
    '',
  ].join('\n');
  const workspace = await Workspace.open(page, lesson);
  await workspace.setFiles({ 'index.html': MODULE_PAGE, 'main.js': program });
  await workspace.run();
  await workspace.expectConsole(/loop[\s\S]*main\.js:2\b|main\.js:2\b[\s\S]*loop/i, 3_000);
  await workspace.expectConsole('the frame carried on');
  await expect(workspace.runButton).toBeEnabled();
});
