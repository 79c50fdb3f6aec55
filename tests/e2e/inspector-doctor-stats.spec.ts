// The Doctor and Stats views on real runs of the fixture programs
// (tests/tools/scenarios.ts): a known mistake gets its finding with what to
// change, a correct program gets none, and a video call plots a bitrate
// computed from the browser's own getStats reports.
import { test, expect, type Page } from '@playwright/test';
import { SCENARIOS } from '../tools/scenarios.ts';
import { Inspector } from './support/inspector.ts';
import { readLessons } from './support/lessons.ts';
import { Workspace } from './support/workspace.ts';

const NO_TURN = { url: '', username: '', credential: '', deadUrl: '' };

async function runScenario(page: Page, name: string): Promise<Inspector> {
  const scenario = SCENARIOS.find((s) => s.name === name);
  const lesson = readLessons()[0];
  if (!scenario || !lesson) throw new Error(`no scenario ${name} or no lesson`);
  const workspace = await Workspace.open(page, lesson);
  await workspace.setFiles(scenario.files(NO_TURN));
  await workspace.run();
  await workspace.expectConsole(/\bDONE\b/, scenario.timeoutMs);
  return new Inspector(page);
}

test.describe('Inspector doctor and stats', () => {
  test.setTimeout(90_000);

  test('the doctor names addIceCandidate before setRemoteDescription, and says what to change', async ({ page }) => {
    const inspector = await runScenario(page, 'mistake-candidate-before-remote');
    const panel = await inspector.show('Doctor');
    const finding = panel.getByRole('list', { name: 'Findings' }).getByRole('listitem').filter({
      has: page.getByRole('heading', { name: /pc 2: addIceCandidate before setRemoteDescription/ }),
    });
    await expect(finding).toHaveCount(1);
    await expect(finding).toContainText('What to change:');
  });

  test('the doctor finds nothing in a correct program', async ({ page }) => {
    const inspector = await runScenario(page, 'data-only');
    const panel = await inspector.show('Doctor');
    await expect(panel.getByRole('status')).toHaveText('No common mistakes found in this run.');
  });

  test('a video call plots its outgoing bitrate from getStats', async ({ page }) => {
    const inspector = await runScenario(page, 'audio-video');
    const panel = await inspector.show('Stats');
    const pc1 = panel.getByRole('region', { name: 'Statistics of pc 1' });
    await expect(pc1.getByRole('img').first()).toBeVisible();
    // The chart's numbers, as the table a screen reader (or anyone) can open.
    await pc1.getByText(/^Bitrate out: values/).click();
    const table = pc1.getByRole('table', { name: 'Bitrate out of pc 1, in kbit/s' });
    const values = (await table.getByRole('row').allInnerTexts()).slice(1).map((row) => Number.parseFloat(row.split('\t').pop() ?? ''));
    expect(values.length, 'at least one rate (two reports)').toBeGreaterThan(0);
    expect(Math.max(...values), `kbit/s sent: ${values.join(', ')}`).toBeGreaterThan(0);
  });
});
