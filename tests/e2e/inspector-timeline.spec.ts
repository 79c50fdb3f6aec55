// The Inspector's Timeline on the two lessons' solutions, run for real: each
// peer connection's offer, answer, candidates and "connected" appear in order,
// and (lesson 05) the signaller's lane carries the PeerJS messages that the
// frame's own log recorded, one step per message.
import { test, expect, type Page } from '@playwright/test';
import { FrameLogs } from './support/frame-log.ts';
import { Inspector, firstIndexes } from './support/inspector.ts';
import { readLessons, type LessonOnDisk } from './support/lessons.ts';
import { Workspace, escape } from './support/workspace.ts';

function lesson(prefix: string): LessonOnDisk {
  const found = readLessons().find((l) => l.folder.startsWith(prefix));
  if (!found) throw new Error(`no lesson ${prefix}* in lessons/`);
  return found;
}

/** Run a lesson's solution through the UI until its checks pass, then open the Timeline. */
async function runSolution(page: Page, l: LessonOnDisk) {
  const workspace = await Workspace.open(page, l);
  await workspace.setFiles(l.solution);
  await workspace.run();
  await workspace.expectAllPassed(l.timeLimit * 1000);
  const inspector = new Inspector(page);
  await inspector.show('Timeline');
  return { workspace, inspector };
}

test.describe('Inspector timeline', () => {
  test.setTimeout(90_000);

  test('lesson 02: offer → answer → candidates → connected for both peers', async ({ page }) => {
    const { inspector } = await runSolution(page, lesson('02-'));
    // The offerer (pc 1) sets its offer, gathers, takes the answer; the answerer (pc 2) the other way round.
    const roles = [
      { pc: 'pc 1', offer: 'setLocalDescription(offer)', answer: 'setRemoteDescription(answer)' },
      { pc: 'pc 2', offer: 'setRemoteDescription(offer)', answer: 'setLocalDescription(answer)' },
    ];
    await expect
      .poll(async () => {
        const steps = await inspector.timelineSteps();
        return roles.map(({ pc, offer, answer }) => {
          const [o, a, c, done] = firstIndexes(steps, [
            new RegExp(`${pc} → ${escape(offer)} ✓`),
            new RegExp(`${pc} → ${escape(answer)} ✓`),
            new RegExp(`${pc} icecandidate (host|srflx|prflx|relay) `),
            new RegExp(`${pc} connectionState: connected`),
          ]) as [number, number, number, number];
          return { pc, offer: o >= 0, answer: a > o, candidates: c > o, connected: done > a && done > c };
        });
      }, { timeout: 15_000, message: 'each peer: offer, then answer and candidates, then connected' })
      .toEqual(roles.map(({ pc }) => ({ pc, offer: true, answer: true, candidates: true, connected: true })));
  });

  test('lesson 05: the signaller lane carries OFFER, ANSWER and CANDIDATE between the peers', async ({ page }) => {
    const logs = await FrameLogs.record(page);
    const { inspector } = await runSolution(page, lesson('05-'));
    // What went through the signaller according to the frame's own log (not the inspector's reading of it).
    const signals = logs.latest().filter((e) => e.type === 'peerjs.signal');
    for (const type of ['OFFER', 'ANSWER', 'CANDIDATE']) {
      const sent = signals.filter((e) => e.direction === 'out' && e.messageType === type).length;
      const received = signals.filter((e) => e.direction === 'in' && e.messageType === type).length;
      expect(sent, `${type} messages sent in the log`).toBeGreaterThan(0);
      await expect
        .poll(async () => {
          const now = await inspector.timelineSteps();
          return {
            sent: now.filter((s) => new RegExp(`→ signaller: ${type}\\b`).test(s)).length,
            received: now.filter((s) => new RegExp(`signaller → .*: ${type}\\b`).test(s)).length,
          };
        }, { message: `one signaller step per ${type} message` })
        .toEqual({ sent, received });
    }
    // The offer goes in before the answer comes out, and both connections end connected.
    const steps = await inspector.timelineSteps();
    const [offerOut, offerIn, answerOut, answerIn] = firstIndexes(steps, [
      /→ signaller: OFFER\b/,
      /signaller → .*: OFFER\b/,
      /→ signaller: ANSWER\b/,
      /signaller → .*: ANSWER\b/,
    ]);
    expect(offerOut).toBeGreaterThanOrEqual(0);
    expect([offerOut, offerIn, answerOut, answerIn]).toEqual([...[offerOut, offerIn, answerOut, answerIn]].sort((a, b) => (a ?? 0) - (b ?? 0)));
    const connected = (await inspector.timelineSteps()).filter((s) => /connectionState: connected/.test(s));
    expect(connected.length, connected.join('\n')).toBeGreaterThanOrEqual(2);
  });
});
