/**
 * A lesson page's workspace, driven the way a learner (or a screen reader
 * user) drives it: by roles and names from the UI contract, never by the
 * workspace's internals.
 */
import { expect, type Frame, type Locator, type Page } from '@playwright/test';
import type { LessonOnDisk } from './lessons.ts';

export type CheckStatus = 'Passed' | 'Failed' | 'Pending';

export interface CheckRow {
  text: string;
  status: CheckStatus | undefined;
}

export class Workspace {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  static async open(page: Page, lesson: Pick<LessonOnDisk, 'path'>): Promise<Workspace> {
    const workspace = new Workspace(page);
    await page.goto(lesson.path);
    // Monaco loads lazily: the editor is ready when its text box is there.
    await expect(workspace.editor).toBeVisible({ timeout: 30_000 });
    await expect(workspace.runButton).toBeEnabled();
    return workspace;
  }

  get runButton(): Locator {
    return this.page.getByRole('button', { name: 'Run', exact: true });
  }
  get stopButton(): Locator {
    return this.page.getByRole('button', { name: 'Stop', exact: true });
  }
  get resetButton(): Locator {
    return this.page.getByRole('button', { name: 'Reset', exact: true });
  }
  get solutionButton(): Locator {
    return this.page.getByRole('button', { name: 'Solution', exact: true });
  }
  get fileTabs(): Locator {
    return this.page.getByRole('tablist', { name: 'Files' }).getByRole('tab');
  }
  tab(file: string): Locator {
    return this.page.getByRole('tablist', { name: 'Files' }).getByRole('tab', { name: file, exact: true });
  }
  /** Monaco's input (a textarea, or its EditContext element); its name starts with "Code editor". */
  get editor(): Locator {
    return this.page.getByRole('textbox', { name: /^Code editor/ });
  }
  get consolePanel(): Locator {
    return this.page.getByRole('region', { name: 'Console' });
  }
  get checksPanel(): Locator {
    return this.page.getByRole('region', { name: 'Checks' });
  }
  /** A pairing lesson's link to its other side (see sandbox/pairing.ts). */
  get partnerLink(): Locator {
    return this.page.getByRole('link', { name: 'Open the other peer in a new tab' });
  }

  /** Click the partner link and return the workspace of the tab it opens (same browser context). */
  async openPartner(): Promise<Workspace> {
    const opened = this.page.context().waitForEvent('page');
    await this.partnerLink.click();
    const page = await opened;
    const partner = new Workspace(page);
    await expect(partner.editor).toBeVisible({ timeout: 30_000 });
    await expect(partner.runButton).toBeEnabled();
    return partner;
  }

  get preview(): Locator {
    return this.page.getByRole('region', { name: 'Preview' }).locator('iframe[title="Preview"]');
  }

  async selectFile(file: string): Promise<void> {
    await this.tab(file).click();
    await expect(this.tab(file)).toHaveAttribute('aria-selected', 'true');
  }

  /**
   * Replace a file's text the way a learner pastes it: select all, paste.
   * A paste, unlike typing, is not auto-indented or auto-closed by Monaco, so
   * the editor ends up holding exactly `text` (run() returns what was sent, so
   * callers can check that).
   */
  async setFile(file: string, text: string): Promise<void> {
    await this.selectFile(file);
    await this.focusEditor();
    await this.page.keyboard.press('ControlOrMeta+A');
    if (text === '') {
      await this.page.keyboard.press('Delete');
      return;
    }
    await this.page.evaluate((value) => navigator.clipboard.writeText(value), text);
    await this.page.keyboard.press('ControlOrMeta+V');
  }

  async setFiles(files: Record<string, string>): Promise<void> {
    for (const [file, text] of Object.entries(files)) await this.setFile(file, text);
  }

  async focusEditor(): Promise<void> {
    // Clicking the text area itself would place the caret; the visible lines take the click.
    await this.editor.focus();
    await expect(this.editor).toBeFocused();
  }

  /**
   * Press Run and wait until the frame is placed. Returns the files the page
   * sent to the server for this run: what the editor held.
   */
  async run(how: 'button' | 'shortcut' = 'button'): Promise<Record<string, string>> {
    const created = this.page.waitForResponse(
      (response) => new URL(response.url()).pathname === '/api/runs' && response.request().method() === 'POST',
    );
    if (how === 'button') await this.runButton.click();
    else {
      await this.focusEditor();
      await this.page.keyboard.press('ControlOrMeta+Enter');
    }
    const response = await created;
    expect(response.status(), 'POST /api/runs').toBe(201);
    const { path } = (await response.json()) as { path: string };
    // A pairing lesson's frame also carries ?pair=…&side=….
    await expect(this.preview).toHaveAttribute('src', new RegExp(`${escape(path)}index\\.html(\\?[^#]*)?$`));
    await expect(this.stopButton).toBeEnabled();
    return (response.request().postDataJSON() as { files: Record<string, string> }).files;
  }

  async stop(): Promise<void> {
    await this.stopButton.click();
    await expect(this.stopButton).toBeDisabled();
  }

  /** The preview frame of the current run (on the sandbox origin). */
  async frame(): Promise<Frame> {
    const handle = await this.preview.elementHandle();
    const frame = await handle?.contentFrame();
    if (!frame) throw new Error('the Preview iframe has no frame');
    return frame;
  }

  async checks(): Promise<CheckRow[]> {
    const texts = await this.checksPanel.getByRole('listitem').allInnerTexts();
    return texts.map((text) => ({ text, status: /\b(Passed|Failed|Pending)\b/.exec(text)?.[1] as CheckStatus | undefined }));
  }

  /** Wait until every check says Passed; on failure the message shows each row. */
  async expectAllPassed(timeoutMs: number): Promise<void> {
    await expect
      .poll(async () => (await this.checks()).map((c) => `${c.status}: ${c.text.replace(/\s+/g, ' ')}`).join('\n'), {
        timeout: timeoutMs,
        message: 'every check Passed',
      })
      .toMatch(/^Passed: .*(\nPassed: .*)*$/);
  }

  /** Wait until no check is Pending any more (the run settled) and return the rows. */
  async settledChecks(timeoutMs: number): Promise<CheckRow[]> {
    await expect
      .poll(
        async () => {
          const rows = await this.checks();
          return rows.length > 0 && rows.every((c) => c.status === 'Passed' || c.status === 'Failed');
        },
        { timeout: timeoutMs, message: 'the checks settled (none Pending)' },
      )
      .toBe(true);
    return this.checks();
  }

  /** The console's text as assistive tech reads it: the panel's log (the terminal beside it is for the eyes). */
  get consoleLog(): Locator {
    return this.consolePanel.getByRole('log');
  }

  async consoleText(): Promise<string> {
    return (await this.consoleLog.innerText()).replaceAll('\u00a0', ' ');
  }

  /** Wait until the console shows `text` (or matches the pattern). */
  async expectConsole(text: string | RegExp, timeoutMs = 10_000): Promise<void> {
    await expect
      .poll(async () => this.consoleText(), { timeout: timeoutMs, message: `console shows ${String(text)}` })
      .toMatch(typeof text === 'string' ? new RegExp(escape(text)) : text);
  }
}

export function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An index.html that only loads main.js as a module: lets a test own the whole program. */
export const MODULE_PAGE = '<!doctype html>\n<html>\n<body>\n<script type="module" src="main.js"></script>\n</body>\n</html>\n';
