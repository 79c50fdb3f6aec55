// Munging for real: with the opt-in ticked, each description waits in the
// Munging tab before it is applied. Removing a codec from the offer pc 2
// applies changes what the two peers negotiate; an edit the browser refuses
// is shown with its error at the line it concerns.
import { test, expect, type Locator, type Page } from '@playwright/test';
import { Inspector } from './support/inspector.ts';
import { readLessons } from './support/lessons.ts';
import { MODULE_PAGE, Workspace } from './support/workspace.ts';

// Two peers with one audio transceiver; once connected, the codecs of the answer (what was agreed) are logged.
const PROGRAM = `
const pc1 = new RTCPeerConnection();
const pc2 = new RTCPeerConnection();
pc1.onicecandidate = (e) => e.candidate && pc2.addIceCandidate(e.candidate).catch(() => {});
pc2.onicecandidate = (e) => e.candidate && pc1.addIceCandidate(e.candidate).catch(() => {});
pc1.addTransceiver('audio');
const codecs = (sdp) => [...sdp.matchAll(/^a=rtpmap:\\d+ ([^/\\r]+)/gm)].map((m) => m[1]);
try {
  const offer = await pc1.createOffer();
  await pc1.setLocalDescription(offer);
  await pc2.setRemoteDescription(offer);
  const answer = await pc2.createAnswer();
  await pc2.setLocalDescription(answer);
  await pc1.setRemoteDescription(answer);
  console.log('agreed codecs: ' + codecs(pc1.remoteDescription.sdp).join(','));
} catch (error) {
  console.log('negotiation failed: ' + error.name);
}
`;

/** Remove a codec (its payload type in m=audio and its a= lines) from a description's text. */
function withoutCodec(sdp: string, codec: string): string {
  const pt = new RegExp(`^a=rtpmap:(\\d+) ${codec}/`, 'm').exec(sdp)?.[1];
  if (!pt) throw new Error(`${codec} is not in the description`);
  return sdp
    .split('\n')
    .filter((line) => !new RegExp(`^a=(rtpmap|fmtp|rtcp-fb):${pt}[ \\r]`).test(line) && !new RegExp(`^a=fmtp:\\d+ ${pt}/`).test(line))
    .map((line) => (line.startsWith('m=audio ') ? line.split(' ').filter((word, i) => i < 3 || word.replace('\r', '') !== pt).join(' ') : line))
    .join('\n');
}

async function startMungedRun(page: Page) {
  const lesson = readLessons()[0];
  if (!lesson) throw new Error('no lesson');
  const workspace = await Workspace.open(page, lesson);
  await workspace.setFiles({ 'index.html': MODULE_PAGE, 'main.js': PROGRAM });
  const inspector = new Inspector(page);
  const panel = await inspector.show('Munging');
  const optIn = panel.getByRole('checkbox', { name: /Pause before each description is applied/ });
  await optIn.check();
  await workspace.run();
  return { workspace, inspector, panel };
}

/**
 * Answer each waiting description in turn until the program logs its outcome:
 * `edit` may return new text for one (by its heading), else the original is
 * applied. Returns the headings and texts seen.
 */
async function answerAll(page: Page, panel: Locator, edit: (heading: string, sdp: string) => string | null) {
  const waiting = panel.getByRole('region', { name: 'Waiting description' });
  const heading = waiting.getByRole('heading', { name: /is waiting:/ });
  const finished = page.getByRole('region', { name: 'Console' }).getByRole('log').getByText(/agreed codecs|negotiation failed/);
  const seen: { heading: string; sdp: string }[] = [];
  for (;;) {
    await expect
      .poll(async () => (await heading.count()) > 0 || (await finished.count()) > 0, { timeout: 15_000, message: 'a description waits, or the program finished' })
      .toBe(true);
    if ((await heading.count()) === 0) return seen;
    expect(seen.length, 'at most four descriptions (two per peer) wait').toBeLessThan(4);
    const title = (await heading.innerText()).trim();
    const box = waiting.getByRole('textbox', { name: 'Description to apply' });
    const sdp = await box.inputValue();
    seen.push({ heading: title, sdp });
    const edited = edit(title, sdp);
    if (edited !== null) {
      await box.fill(edited);
      await waiting.getByRole('button', { name: 'Apply edited' }).click();
    } else {
      await waiting.getByRole('button', { name: 'Apply original' }).click();
    }
    // Answered: the view moves on to the next one (or to nothing).
    await expect(waiting.getByRole('heading', { name: title, exact: true })).toHaveCount(0);
  }
}

test.describe('Inspector munging', () => {
  test.setTimeout(90_000);

  test('removing a codec from the offer pc 2 applies changes what is negotiated', async ({ page }) => {
    const { workspace, panel } = await startMungedRun(page);
    const seen = await answerAll(page, panel, (heading, sdp) =>
      /^pc 2 is waiting: setRemoteDescription \(offer\)/.test(heading) ? withoutCodec(sdp, 'opus') : null,
    );
    const offer = seen.find((s) => /pc 2 is waiting: setRemoteDescription \(offer\)/.test(s.heading));
    expect(offer?.sdp, 'the offer as created had opus').toMatch(/a=rtpmap:\d+ opus\/48000/);
    await workspace.expectConsole(/agreed codecs: /);
    const agreed = /agreed codecs: (.*)/.exec(await workspace.consoleText())?.[1] ?? '';
    expect(agreed.split(','), 'the answer still has other audio codecs').toContain('PCMU');
    expect(agreed.split(',')).not.toContain('opus');

    // The history shows the edit as an exact diff.
    const history = panel.getByRole('region', { name: 'Munged descriptions' });
    const call = history.getByRole('article', { name: /^pc 2: setRemoteDescription \(offer\), edited, applied/ });
    await expect(call).toBeVisible();
    await expect(call.getByRole('row', { name: /^Removed: a=rtpmap:\d+ opus\/48000\/2/ })).toHaveCount(1);
  });

  test("a description the browser refuses shows the browser's error at its line", async ({ page }) => {
    const { workspace, panel } = await startMungedRun(page);
    let brokenLine = 0;
    await answerAll(page, panel, (heading, sdp) => {
      if (!/^pc 2 is waiting: setRemoteDescription \(offer\)/.test(heading)) return null;
      const lines = sdp.split('\n');
      brokenLine = lines.findIndex((line) => line.startsWith('a=rtpmap:')) + 1;
      lines[brokenLine - 1] = 'a=rtpmap:not-a-number opus/48000/2\r';
      return lines.join('\n');
    });
    await workspace.expectConsole(/negotiation failed: /);
    const history = panel.getByRole('region', { name: 'Munged descriptions' });
    const call = history.getByRole('article', { name: /^pc 2: setRemoteDescription \(offer\), edited, refused by the browser/ });
    // It names the line, and the browser's own message stands beside that line of the applied text.
    await expect(call).toContainText(new RegExp(`\\bline ${brokenLine}\\b`));
    const line = call.getByRole('list', { name: 'Applied description' }).getByRole('listitem').nth(brokenLine - 1);
    await expect(line).toContainText('a=rtpmap:not-a-number');
    await expect(line).toContainText(/OperationError: .*Failed to parse SessionDescription/);
  });
});
