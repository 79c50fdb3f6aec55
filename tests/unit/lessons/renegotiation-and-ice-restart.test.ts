/**
 * Lesson 13's checks over logs the runtime recorded in Chromium through the
 * workspace (fixtures/13-*: the solution adds the camera 1.5 s in and
 * restarts ICE at 4 s; the starting files ignore the second negotiationneeded),
 * and edits of the recorded solution for the other cases.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import checks from '../../../lessons/13-renegotiation-and-ice-restart/checks.ts';
import { evaluateChecks } from '../../../sandbox/checks/runner.ts';
import type { CheckResult } from '../../../sandbox/checks/types.ts';
import type { PlaygroundEvent } from '../../../sandbox/log/events.ts';
import { localOffers } from '../../../sandbox/log/negotiation.ts';
import { peerConnections } from '../../../sandbox/log/reduce.ts';

function recorded(name: string): PlaygroundEvent[] {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as PlaygroundEvent[];
}

function settle(events: readonly PlaygroundEvent[]): Record<string, CheckResult> {
  return Object.fromEntries(evaluateChecks(checks, events, [], true).map((r) => [r.id, r]));
}

/** Where pc 1's local offer with o= version `version` was applied (its setLocalDescription result). */
function offerSeq(events: readonly PlaygroundEvent[], version: number): number {
  const pc1 = peerConnections(events).find((pc) => pc.pc === 1);
  const offer = pc1 && localOffers(pc1).find((d) => new RegExp(`^o=\\S+ \\S+ ${version} `, 'm').test(d.sdp ?? ''));
  if (!offer) throw new Error(`no offer with o= version ${version} in the log`);
  return offer.seq;
}

describe('lesson 13 over recorded runs', () => {
  it('all pass for the recorded solution, naming versions and ufrags', () => {
    const results = settle(recorded('13-solution'));
    expect(Object.values(results).map((r) => r.status)).toEqual(['passed', 'passed', 'passed', 'passed']);
    expect(results['audio-call']?.reason).toBe('pc 1 offered [audio] (o= version 2) and connected.');
    expect(results['video-added']?.reason).toBe('o= version 2 → 3: m-lines [audio, video], answered.');
    expect(results['ice-restarted']?.reason).toMatch(/^ice-ufrag\/pwd Sg5a \/ \S+ → 3N01 \/ \S+; still connected\.$/);
    expect(results['video-frames']?.reason).toBe('pc 2 decoded 23 frames before the ICE restart and 35 after.');
  });

  it('the recorded starting files connect with audio, then fail the video, the restart and the frames', () => {
    const results = settle(recorded('13-files'));
    expect(results['audio-call']?.status).toBe('passed');
    expect(results['video-added']).toMatchObject({ status: 'failed', reason: expect.stringMatching(/^pc 1 made 1 offer\(s\), none with video/) });
    expect(results['ice-restarted']).toMatchObject({ status: 'failed', reason: expect.stringMatching(/same ice-ufrag\. Call pc1\.restartIce\(\)/) });
    expect(results['video-frames']).toMatchObject({ status: 'failed', reason: expect.stringMatching(/decoded no video frames/) });
  });
});

describe('lesson 13 over edits of the recorded solution', () => {
  const solution = recorded('13-solution');

  it('a run cut before the restart offer: video passes, the restart waits', () => {
    const cut = solution.filter((e) => e.seq < offerSeq(solution, 4));
    const results = settle(cut);
    expect(results['video-added']?.status).toBe('passed');
    expect(results['ice-restarted']?.reason).toMatch(/^restartIce\(\) was called, but no offer with a new ice-ufrag/);
    // No restart to compare with: frames alone pass.
    expect(results['video-frames']).toMatchObject({ status: 'passed', reason: 'pc 2 decoded 23 frames.' });
  });

  it('a restart offer that was never answered, or a connection that failed after it, does not pass', () => {
    const restart = offerSeq(solution, 4);
    const unanswered = solution.filter((e) => !(e.seq > restart && e.type === 'pc.result' && e.pc === 1 && e.method === 'setRemoteDescription'));
    expect(settle(unanswered)['ice-restarted']?.reason).toMatch(/^The restart offer is out .*waiting for its answer\.$/);
    const failed: PlaygroundEvent[] = [...solution, { type: 'pc.state', pc: 1, which: 'connectionState', value: 'failed', seq: 10_000, t: 9_000 }];
    expect(settle(failed)['ice-restarted']?.reason).toBe('After the ICE restart pc 1 is failed; it should stay (or come back to) connected.');
  });

  it('no frames decoded after the restart means the call did not survive it', () => {
    const restart = offerSeq(solution, 4);
    const frozen = solution.filter((e) => !(e.type === 'pc.stats' && e.seq > restart));
    expect(settle(frozen)['video-frames']?.reason).toBe('pc 2 decoded 23 frames before the ICE restart; waiting for more after it.');
  });

  it('an offer that already carries video is not an audio-only start', () => {
    // Drop the audio-only exchange: the first offer left is the one with video.
    const fromVideo = solution.filter((e) => e.seq >= offerSeq(solution, 3) - 5 || e.type === 'pc.created');
    expect(settle(fromVideo)['audio-call']?.reason).toMatch(/first offer already has m-lines \[audio, video\]/);
  });

  it('video offered on a new connection instead of the running one is named', () => {
    const videoOffer = peerConnections(solution)
      .find((pc) => pc.pc === 1)
      ?.descriptions.find((d) => d.seq === offerSeq(solution, 3));
    const starting = recorded('13-files');
    const end = starting[starting.length - 1]?.seq ?? 0;
    const withNewPc: PlaygroundEvent[] = [
      ...starting,
      { type: 'pc.created', pc: 3, label: 'pc 3', configuration: {}, seq: end + 1, t: 9_000 },
      { type: 'pc.call', pc: 3, call: 900, method: 'setLocalDescription', args: [], seq: end + 2, t: 9_001 },
      { type: 'pc.result', pc: 3, call: 900, method: 'setLocalDescription', ok: true, value: { type: 'offer', sdp: videoOffer?.sdp ?? '' }, seq: end + 3, t: 9_002 },
    ];
    expect(videoOffer?.sdp).toMatch(/^m=video /m);
    expect(settle(withNewPc)['video-added']?.reason).toMatch(/^The video went out on another connection \(pc 3\): add the camera to pc 1/);
  });

  it('nothing is judged before an offer', () => {
    const results = settle(solution.filter((e) => e.seq < 5));
    expect(Object.values(results).every((r) => r.status === 'failed')).toBe(true);
    expect(results['audio-call']?.reason).toMatch(/^No offer applied yet/);
  });
});
