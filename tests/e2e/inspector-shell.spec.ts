// The Inspector panel itself, by role and name: its six tabs in order,
// usable from the keyboard, each panel labelled by its tab; Export with
// nothing recorded and Import of a file that is not a dump each say what is
// wrong, and the inspector keeps working.
import { test, expect } from '@playwright/test';
import { INSPECTOR_TABS, Inspector } from './support/inspector.ts';
import { readLessons } from './support/lessons.ts';
import { Workspace } from './support/workspace.ts';

test.describe('Inspector panel', () => {
  test.beforeEach(async ({ page }) => {
    const lesson = readLessons()[0];
    if (!lesson) throw new Error('no lesson');
    await Workspace.open(page, lesson);
  });

  test('six tabs in order, keyboard-operable, each panel labelled by its tab', async ({ page }) => {
    const inspector = new Inspector(page);
    await inspector.open();
    await expect(inspector.tablist.getByRole('tab')).toHaveText([...INSPECTOR_TABS]);
    await inspector.tab('Timeline').focus();
    await page.keyboard.press('ArrowRight');
    await expect(inspector.tab('SDP')).toBeFocused();
    await expect(inspector.tab('SDP')).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('End');
    await expect(inspector.tab('Doctor')).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(inspector.tab('Timeline')).toBeFocused();
    for (const name of INSPECTOR_TABS) {
      await inspector.show(name);
      await expect(inspector.panel(name)).toBeVisible();
      // Only the selected panel is shown.
      await expect(inspector.region.getByRole('tabpanel')).toHaveCount(1);
    }
    // Back to the code: the editor returns, the inspector is hidden.
    await inspector.openCode();
    await expect(page.getByRole('textbox', { name: /^Code editor/ })).toBeVisible();
    await expect(inspector.tablist).toBeHidden();
  });

  test('Export with nothing recorded, and Import of a file that is not a dump, say what is wrong', async ({ page }) => {
    const inspector = new Inspector(page);
    await inspector.open();
    await inspector.exportButton.click();
    await expect(inspector.region.getByRole('alert')).toContainText('Nothing to export yet');

    const chooser = page.waitForEvent('filechooser');
    await inspector.importButton.click();
    await (await chooser).setFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"') });
    await expect(inspector.region.getByRole('alert')).toContainText('Could not import "notes.json"');
    // Still usable: the views render.
    const timeline = await inspector.show('Timeline');
    await expect(timeline).toContainText('Nothing recorded yet');
  });
});
