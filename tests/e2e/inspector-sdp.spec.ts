// The Inspector's SDP view on a real run (lesson 02's solution): the offer the
// frame's log recorded is listed line by line, and every line has an
// explanation a keyboard user reaches by focusing it.
import { test, expect } from '@playwright/test';
import type { PlaygroundEvent } from '../../sandbox/log/events.ts';
import { FrameLogs } from './support/frame-log.ts';
import { Inspector, expectEveryLineExplained, sdpLines } from './support/inspector.ts';
import { readLessons } from './support/lessons.ts';
import { Workspace } from './support/workspace.ts';

/** What pc 1's createOffer() returned, read from the frame's log (not from the inspector). */
function firstOffer(events: readonly PlaygroundEvent[]): string {
  for (const event of events) {
    if (event.type === 'pc.result' && event.method === 'createOffer' && event.ok && event.pc === 1) {
      const value = event.value as { sdp?: unknown } | undefined;
      if (typeof value?.sdp === 'string') return value.sdp;
    }
  }
  throw new Error('the log has no offer from pc 1');
}

test('the SDP view explains every line of the captured offer', async ({ page }) => {
  test.setTimeout(90_000);
  const lesson = readLessons().find((l) => l.folder.startsWith('02-'));
  if (!lesson) throw new Error('lesson 02 is missing');
  const logs = await FrameLogs.record(page);
  const workspace = await Workspace.open(page, lesson);
  await workspace.setFiles(lesson.solution);
  await workspace.run();
  await workspace.expectAllPassed(lesson.timeLimit * 1000);
  const offer = firstOffer(logs.latest());

  const inspector = new Inspector(page);
  const panel = await inspector.show('SDP');
  const pick = panel.getByRole('navigation', { name: 'Descriptions' }).getByRole('button', { name: /^pc 1: createOffer\(\) returned offer/ });
  await pick.click();
  await expect(pick).toHaveAttribute('aria-pressed', 'true');
  const shown = panel.getByRole('region', { name: /^pc 1: createOffer\(\) returned offer/ });
  await expect(shown).toBeVisible();
  await expectEveryLineExplained(shown, panel, sdpLines(offer));
  // With the answer known, the view says what the two sides agreed on.
  await expect(panel.getByRole('region', { name: 'Offer and answer compared' })).toContainText('application');
});
