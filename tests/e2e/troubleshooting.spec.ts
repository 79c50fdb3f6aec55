// Lesson 19 (troubleshooting) with the Inspector's Doctor: its starting files
// reproduce each common mistake live, and the Doctor names every one; the
// solution's run, in the same page, leaves the Doctor with nothing to say.
import { test, expect, type Locator } from '@playwright/test';
import { Inspector } from './support/inspector.ts';
import { readLessons } from './support/lessons.ts';
import { Workspace } from './support/workspace.ts';

const lesson = readLessons().find((l) => l.folder === '19-troubleshooting');

/** One Doctor finding per case of the starting files, by the title it is shown with. */
const FINDINGS: Array<[string, RegExp]> = [
  ['order', /addIceCandidate before setRemoteDescription/],
  ['no-media', /the offer has no media and no data channel/],
  ['wrong-peer', /setRemoteDescription\(answer\) called in the wrong state \(stable\)/],
  ['turn', /the TURN server refused the credentials \(401\)/],
  ['big-message', /A data-channel message was larger than the peer accepts/],
  ['flood', /The data channel's send queue was full/],
  ['peerjs', /PeerJS: the peer you called does not exist \(peer-unavailable\)/],
  ['stale-apis: addStream', /Deprecated API: addStream$/],
  ['stale-apis: onaddstream', /Deprecated API: onaddstream$/],
  ['stale-apis: offerToReceiveAudio', /Deprecated API: offerToReceiveAudio$/],
  ['stale-apis: iceServers[].url', /Deprecated API: iceServers\[\]\.url$/],
  ['echo', /video#preview plays your own microphone unmuted/],
];

const headings = (panel: Locator) => panel.getByRole('list', { name: 'Findings' }).getByRole('heading');

test.describe('lesson 19-troubleshooting and the Doctor', () => {
  test.skip(!lesson, 'lessons/19-troubleshooting is missing');
  test.setTimeout(180_000);

  test('the starting files: the Doctor names every case; the solution: it names none', async ({ page }) => {
    const workspace = await Workspace.open(page, lesson!);
    const inspector = new Inspector(page);

    await workspace.setFiles(lesson!.files);
    await workspace.run();
    await workspace.expectConsole('All cases ran.', 60_000);
    let doctor = await inspector.show('Doctor');
    for (const [name, title] of FINDINGS) {
      await expect(headings(doctor).filter({ hasText: title }), `the Doctor names case ${name}`).not.toHaveCount(0);
    }
    // Each finding says what to change, not only what went wrong.
    await expect(doctor.getByRole('listitem').first()).toContainText('What to change:');

    await inspector.openCode();
    await workspace.setFiles(lesson!.solution);
    await workspace.run();
    // The console starts empty for each run; only the solution gets the 20 MiB file across.
    await workspace.expectConsole(/✓ \[flood\][\s\S]*All cases ran\./, 60_000);
    doctor = await inspector.show('Doctor');
    await expect(doctor.getByRole('status')).toHaveText('No common mistakes found in this run.');
    await expect(headings(doctor)).toHaveCount(0);
  });
});
