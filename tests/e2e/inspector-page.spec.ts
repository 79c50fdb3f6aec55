// The standalone /inspector/ page: paste a description captured from Chromium
// (tests/fixtures) into "SDP" and every line is explained; add an answer in
// "Answer SDP" and the page compares them and marks which codecs survived.
import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectEveryLineExplained, sdpLines } from './support/inspector.ts';
import { readLessons } from './support/lessons.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/sdp/${name}`, import.meta.url), 'utf8');
const OFFER = fixture('audio-video-1-pc1-offer.sdp');
const ANSWER = fixture('audio-video-2-pc2-answer.sdp');

/** The answer without one codec (and its rtx): as if the answerer did not support it. */
function withoutCodec(sdp: string, codec: string): string {
  const pt = new RegExp(`^a=rtpmap:(\\d+) ${codec}/`, 'm').exec(sdp)?.[1];
  if (!pt) throw new Error(`${codec} is not in the fixture`);
  const rtx = new RegExp(`^a=fmtp:(\\d+) apt=${pt}\\r?$`, 'm').exec(sdp)?.[1];
  const gone = new Set([pt, ...(rtx ? [rtx] : [])]);
  return sdp
    .split('\r\n')
    .filter((line) => ![...gone].some((p) => new RegExp(`^a=(rtpmap|fmtp|rtcp-fb):${p} `).test(line)))
    .map((line) => (line.startsWith('m=video ') ? line.split(' ').filter((word, i) => i < 3 || !gone.has(word)).join(' ') : line))
    .join('\r\n');
}

async function open(page: Page) {
  await page.goto('/inspector/');
  const sdp = page.getByRole('textbox', { name: 'SDP', exact: true });
  const answer = page.getByRole('textbox', { name: 'Answer SDP', exact: true });
  const output = page.getByRole('region', { name: 'Explained SDP' });
  await expect(sdp).toBeVisible();
  return { sdp, answer, output };
}

test.describe('the /inspector/ page', () => {
  test('is linked from the site navigation', async ({ page }) => {
    const lesson = readLessons()[0];
    if (!lesson) throw new Error('no lesson');
    // A lesson page, where the sidebar is shown.
    await page.goto(lesson.path);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'SDP inspector' }).click();
    await expect(page).toHaveURL(/\/inspector\/$/);
    await expect(page.getByRole('textbox', { name: 'SDP', exact: true })).toBeVisible();
  });

  test('explains every line of a pasted offer', async ({ page }) => {
    test.setTimeout(90_000);
    const { sdp, output } = await open(page);
    await sdp.fill(OFFER);
    const shown = output.getByRole('region', { name: 'SDP', exact: true });
    await expect(shown).toBeVisible();
    await expectEveryLineExplained(shown, output, sdpLines(OFFER));
  });

  test('with the answer: the offer/answer comparison and the codecs that survived', async ({ page }) => {
    const { sdp, answer, output } = await open(page);
    await sdp.fill(OFFER);
    await answer.fill(withoutCodec(ANSWER, 'VP8'));
    const compared = output.getByRole('region', { name: 'Offer and answer compared' });
    await expect(compared).toBeVisible();
    // One row per mid: audio and video, both sendrecv in this call.
    await expect(compared.getByRole('row')).toHaveCount(3);
    await expect(compared.getByRole('row').filter({ hasText: 'video' })).not.toContainText('VP8');
    await expect(compared.getByRole('row').filter({ hasText: 'audio' })).toContainText('opus');

    const offerShown = output.getByRole('region', { name: 'SDP', exact: true });
    const video = offerShown.getByRole('table', { name: /Codecs of m-section 1 \(video\)/ });
    await expect(video.getByRole('row').filter({ hasText: 'VP8' })).toContainText('dropped');
    await expect(video.getByRole('row').filter({ hasText: 'VP9' }).first()).toContainText('kept');
    const audio = offerShown.getByRole('table', { name: /Codecs of m-section 0 \(audio\)/ });
    await expect(audio.getByRole('row').filter({ hasText: 'opus' })).toContainText('kept');

    // The untouched answer keeps VP8: the mark follows the answer, not a fixed list.
    await answer.fill(ANSWER);
    await expect(video.getByRole('row').filter({ hasText: 'VP8' })).toContainText('kept');
  });

  test('does not compare garbage with an answer, and says why', async ({ page }) => {
    const { sdp, answer, output } = await open(page);
    await sdp.fill('hello world\nv=0\nm=video foo');
    await answer.fill(ANSWER);
    await expect(output).toContainText('The offer and answer are not compared section by section: the offer is not a well-formed description (it does not start with v=0');
    await expect(output.getByRole('region', { name: 'Offer and answer compared' })).toHaveCount(0);
  });

  test('shows markup in a pasted value as text and keeps working on garbage', async ({ page }) => {
    const { sdp, output } = await open(page);
    const hostile = `${OFFER.trimEnd()}\r\na=x-note:<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>\r\n\u0000\u0001garbage line without equals\r\n`;
    await sdp.fill(hostile);
    await expect(output).toContainText('<img src=x onerror="window.__pwned=1">');
    await expect(output.locator('img')).toHaveCount(0);
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    // Lines count as shown, one item per line, the garbage included.
    const shown = output.getByRole('region', { name: 'SDP', exact: true });
    await expect(shown.getByRole('list', { name: /: lines$/ }).getByRole('listitem')).toHaveCount(sdpLines(hostile).length);
  });
});
