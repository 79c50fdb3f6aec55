// Export then import: a run's log exported as a chrome://webrtc-internals dump
// and imported into a freshly loaded page shows the same views, tab by tab.
import { test, expect, type Locator } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { Inspector, type InspectorTab } from './support/inspector.ts';
import { readLessons } from './support/lessons.ts';
import { Workspace } from './support/workspace.ts';

const COMPARED: readonly InspectorTab[] = ['Timeline', 'SDP', 'ICE', 'Stats', 'Doctor'];

/** A panel's text once it stops changing (views re-render from throttled snapshots). */
async function settledText(panel: Locator): Promise<string> {
  let previous = '';
  await expect
    .poll(async () => {
      const now = await panel.innerText();
      const same = now === previous && now !== '';
      previous = now;
      return same;
    }, { intervals: [300, 500, 1000], timeout: 15_000, message: 'the panel stops changing' })
    .toBe(true);
  return previous;
}

test('export then import gives the same views', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const lesson = readLessons().find((l) => l.folder.startsWith('02-'));
  if (!lesson) throw new Error('lesson 02 is missing');
  let workspace = await Workspace.open(page, lesson);
  await workspace.setFiles(lesson.solution);
  await workspace.run();
  await workspace.expectAllPassed(lesson.timeLimit * 1000);
  await workspace.stop();

  let inspector = new Inspector(page);
  const before = new Map<InspectorTab, string>();
  for (const tab of COMPARED) before.set(tab, await settledText(await inspector.show(tab)));
  expect(before.get('Timeline')).toMatch(/connectionState: connected/);

  const download = page.waitForEvent('download');
  await inspector.exportButton.click();
  const file = testInfo.outputPath('dump.json');
  await (await download).saveAs(file);
  const dump = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  // The webrtc-internals shape, so existing dump tools open it.
  expect(Object.keys(dump)).toEqual(expect.arrayContaining(['PeerConnections', 'UserAgent']));
  expect(Object.keys(dump['PeerConnections'] as object).length).toBe(2);

  // A fresh page: nothing of the run is left in memory.
  await page.reload();
  workspace = await Workspace.open(page, lesson);
  inspector = new Inspector(page);
  await inspector.open();
  const chooser = page.waitForEvent('filechooser');
  await inspector.importButton.click();
  await (await chooser).setFiles(file);
  await expect(inspector.region.getByRole('status').filter({ hasText: /^Imported: / })).toBeVisible();
  for (const tab of COMPARED) {
    expect(await settledText(await inspector.show(tab)), `the ${tab} view after import`).toBe(before.get(tab));
  }
});
