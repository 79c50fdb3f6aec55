/**
 * The workspace's Inspector panel, driven by roles and names from the UI
 * contract: a region "Inspector", a tablist "Inspector views" with one tab per
 * view, each panel a tabpanel named by its tab, and Export/Import buttons.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export type InspectorTab = 'Timeline' | 'SDP' | 'Munging' | 'ICE' | 'Stats' | 'Doctor';
export const INSPECTOR_TABS: readonly InspectorTab[] = ['Timeline', 'SDP', 'Munging', 'ICE', 'Stats', 'Doctor'];

export class Inspector {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  get region(): Locator {
    return this.page.getByRole('region', { name: 'Inspector', exact: true });
  }
  get tablist(): Locator {
    return this.region.getByRole('tablist', { name: 'Inspector views' });
  }
  tab(name: InspectorTab): Locator {
    return this.tablist.getByRole('tab', { name, exact: true });
  }
  panel(name: InspectorTab): Locator {
    return this.region.getByRole('tabpanel', { name, exact: true });
  }
  get exportButton(): Locator {
    return this.region.getByRole('button', { name: 'Export', exact: true });
  }
  get importButton(): Locator {
    return this.region.getByRole('button', { name: 'Import', exact: true });
  }

  /** The workspace's "Code | Inspector" switch: the inspector takes the editor's place. */
  areaTab(name: 'Code' | 'Inspector'): Locator {
    return this.page.getByRole('tablist', { name: 'Workspace area' }).getByRole('tab', { name, exact: true });
  }

  /** Show the Inspector in the workspace (it loads on first showing). */
  async open(): Promise<void> {
    await this.areaTab('Inspector').click();
    await expect(this.areaTab('Inspector')).toHaveAttribute('aria-selected', 'true');
    await expect(this.tablist).toBeVisible({ timeout: 15_000 });
  }

  /** Back to the editor (it shares the Inspector's place). */
  async openCode(): Promise<void> {
    await this.areaTab('Code').click();
    await expect(this.areaTab('Code')).toHaveAttribute('aria-selected', 'true');
  }

  /** Select a view's tab (opening the Inspector first if needed) and return its panel once shown. */
  async show(name: InspectorTab): Promise<Locator> {
    if (!(await this.tablist.isVisible())) await this.open();
    await this.tab(name).click();
    await expect(this.tab(name)).toHaveAttribute('aria-selected', 'true');
    const panel = this.panel(name);
    await expect(panel).toBeVisible();
    // Views load on first showing; the shell says "Loading…" until then.
    await expect(panel.getByText('Loading…', { exact: true })).toHaveCount(0, { timeout: 15_000 });
    return panel;
  }

  /** The Timeline's steps as read by assistive tech: one list item per step. */
  async timelineSteps(): Promise<string[]> {
    const list = this.panel('Timeline').getByRole('list', { name: 'Timeline steps' });
    const texts = await list.getByRole('listitem').allInnerTexts();
    return texts.map((text) => text.replace(/\s+/g, ' ').trim());
  }
}

/**
 * The index of the first step matching each pattern, in the order given; -1
 * when none matches. Used to say "offer → answer → connected" about a list.
 */
export function firstIndexes(steps: readonly string[], patterns: readonly RegExp[]): number[] {
  return patterns.map((pattern) => steps.findIndex((step) => pattern.test(step)));
}

/** The non-empty lines of a description, as the SDP view numbers them. */
export function sdpLines(sdp: string): string[] {
  return sdp.split(/\r\n|\n/).filter((line) => line !== '');
}

/**
 * Every line of the description shown in `described` (a region named by its
 * title) is listed in order with its own text, carries no "unknown" or
 * "malformed" badge, and, when focused as a keyboard user would, the shared
 * tooltip explains it ("Line n: …"). `tooltipScope` holds that tooltip.
 */
export async function expectEveryLineExplained(described: Locator, tooltipScope: Locator, lines: readonly string[]): Promise<void> {
  const items = described.getByRole('list', { name: /: lines$/ }).getByRole('listitem');
  await expect(items).toHaveCount(lines.length);
  const tooltip = tooltipScope.getByRole('tooltip');
  // A keyboard user's pointer is elsewhere: a pointer resting on the list would show the hovered line instead.
  await described.page().mouse.move(0, 0);
  const unexplained: string[] = [];
  for (const [index, line] of lines.entries()) {
    const item = items.nth(index);
    const text = (await item.innerText()).replace(/\s+/g, ' ');
    if (!text.includes(line.replace(/\s+/g, ' ').slice(0, 120))) unexplained.push(`line ${index + 1} shows "${text}", expected "${line}"`);
    if (/\b(unknown|malformed)\s*$/.test(text)) unexplained.push(`line ${index + 1} is marked: ${text}`);
    await item.focus();
    const explained = await expect(tooltip)
      .toHaveText(new RegExp(`^\\s*Line ${index + 1}: \\S`), { timeout: 2_000 })
      .then(() => true, () => false);
    if (!explained) unexplained.push(`line ${index + 1} (${line}): tooltip says "${(await tooltip.innerText()).slice(0, 120)}"`);
    // Long values (a fingerprint, an ICE password) wrap inside the popup instead of spilling out of it.
    else if (await tooltip.evaluate((tip) => [tip, ...tip.querySelectorAll('*')].some((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible'))) {
      unexplained.push(`line ${index + 1} (${line.slice(0, 40)}): its tooltip's text spills out of the popup`);
    }
  }
  expect(unexplained, 'every line shown with its explanation').toEqual([]);
}
