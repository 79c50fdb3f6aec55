// The Console panel shows what the learner's code printed, readably, and an
// uncaught error or unhandled rejection with its file and line, that line also
// marked in the editor. The script runs as an ES module with top-level await
// and `import … from 'peerjs'`.
import { test, expect } from '@playwright/test';
import { readLessons } from './support/lessons.ts';
import { MODULE_PAGE, Workspace } from './support/workspace.ts';

const lesson = readLessons()[0]!;

/** 1-based line of the first line of `source` containing `marker`. */
function lineOf(source: string, marker: string): number {
  const index = source.split('\n').findIndex((line) => line.includes(marker));
  if (index < 0) throw new Error(`no line with ${marker}`);
  return index + 1;
}

test('console levels, objects and arrays are printed readably', async ({ page }) => {
  const program = [
    "console.log('plain log', 42);",
    "console.info('info line');",
    "console.warn('warn line');",
    "console.error('error line');",
    "console.debug('debug line');",
    'console.log({ answer: 42, nested: { list: [7, 8, 9] } });',
    "console.log(['two', { three: 3 }]);",
    '',
  ].join('\n');
  const workspace = await Workspace.open(page, lesson);
  await workspace.setFiles({ 'index.html': MODULE_PAGE, 'main.js': program });
  expect(await workspace.run()).toEqual({ 'index.html': MODULE_PAGE, 'main.js': program });

  // Levels are coloured in the terminal; the accessible text names the level where it matters.
  for (const line of ['plain log 42', 'info line', 'Warning: warn line', 'Error: error line', 'debug line']) {
    await workspace.expectConsole(line);
  }
  await workspace.expectConsole(/answer\W*42/);
  await workspace.expectConsole(/nested\W*\{?\W*list\W*\[?\W*7\W+8\W+9/);
  await workspace.expectConsole(/two\W+\{?\W*three\W*3/);
  expect(await workspace.consoleText()).not.toContain('[object Object]');
});

test('console.table draws a table', async ({ page }) => {
  const program = "console.table([{ name: 'ann', score: 1 }, { name: 'bob', score: 2 }]);\n";
  const workspace = await Workspace.open(page, lesson);
  await workspace.setFiles({ 'index.html': MODULE_PAGE, 'main.js': program });
  await workspace.run();
  await workspace.expectConsole(/name[\s\S]*score/);
  await workspace.expectConsole(/ann[\s\S]*1[\s\S]*bob[\s\S]*2/);
  expect(await workspace.consoleText()).not.toContain('[object Object]');
});

test('the script is a module: top-level await and the peerjs import work', async ({ page }) => {
  const program = [
    "import { Peer } from 'peerjs';",
    'await new Promise((resolve) => setTimeout(resolve, 10));',
    "console.log('after await, Peer is a', typeof Peer);",
    '',
  ].join('\n');
  const workspace = await Workspace.open(page, lesson);
  await workspace.setFiles({ 'index.html': MODULE_PAGE, 'main.js': program });
  await workspace.run();
  await workspace.expectConsole('after await, Peer is a function');
});

test('an uncaught error and an unhandled rejection show main.js:<line>, and the line is marked in the editor', async ({
  page,
}) => {
  const program = [
    "console.log('before the error');",
    'function explode() {',
    "  throw new Error('kaboom');",
    '}',
    'setTimeout(explode, 0);',
    'setTimeout(() => {',
    "  Promise.reject(new Error('nobody caught me'));",
    '}, 20);',
    '',
  ].join('\n');
  const throwLine = lineOf(program, "throw new Error('kaboom')");
  const rejectLine = lineOf(program, 'nobody caught me');
  const workspace = await Workspace.open(page, lesson);
  await workspace.setFiles({ 'index.html': MODULE_PAGE, 'main.js': program });
  await workspace.run();

  await workspace.expectConsole('before the error');
  await workspace.expectConsole(new RegExp(`kaboom[\\s\\S]*main\\.js:${throwLine}\\b`));
  await workspace.expectConsole(new RegExp(`nobody caught me[\\s\\S]*main\\.js:${rejectLine}\\b`));

  // The editor marks the line as a problem: Monaco's "Go to Next Problem" (F8)
  // opens its problem widget, announced as an alert naming the line.
  await workspace.selectFile('main.js');
  await workspace.focusEditor();
  await page.keyboard.press('F8');
  await expect(page.getByRole('alert', { name: new RegExp(`kaboom.* at ${throwLine}:\\d+`) })).toBeVisible();
});
