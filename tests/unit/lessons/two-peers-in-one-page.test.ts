import { describe, expect, it } from 'vitest';
import checks from '../../../lessons/02-two-peers-in-one-page/checks.ts';
import { evaluateChecks } from '../../../sandbox/checks/runner.ts';
import type { CheckResult } from '../../../sandbox/checks/types.ts';
import type { PlaygroundEvent } from '../../../sandbox/log/events.ts';
import { LogBuilder, OFFER_SDP, hostCandidate, json } from '../log/builder.ts';
import { twoPeersInOnePage } from '../log/scenarios.ts';

/** The results once the run settled, by check id. */
function settle(events: readonly PlaygroundEvent[]): Record<string, CheckResult> {
  return Object.fromEntries(evaluateChecks(checks, events, [], true).map((r) => [r.id, r]));
}

function statuses(events: readonly PlaygroundEvent[]): Record<string, string> {
  return Object.fromEntries(Object.entries(settle(events)).map(([id, r]) => [id, r.status]));
}

describe('lesson 02 checks', () => {
  it('has the four steps of the lesson', () => {
    expect(checks.map((c) => c.id)).toEqual(['offer-answer', 'candidates-exchanged', 'both-connected', 'message-arrived']);
  });

  it('all pass for the solution’s run', () => {
    const results = settle(twoPeersInOnePage());
    expect(Object.values(results).map((r) => r.status)).toEqual(['passed', 'passed', 'passed', 'passed']);
    expect(results['offer-answer']?.reason).toBe('pc 1 offered and pc 2 answered.');
    expect(results['message-arrived']?.reason).toBe('pc 2 received "Hello, peer!" from pc 1.');
  });

  it('all fail for the starting files, each pointing at the missing step', () => {
    const results = settle(twoPeersInOnePage({ answer: false, candidatesToLocal: false, send: null }));
    expect(Object.values(results).map((r) => r.status)).toEqual(['failed', 'failed', 'failed', 'failed']);
    expect(results['offer-answer']?.reason).toMatch(/^pc 2 has the offer but no answer yet: call createAnswer\(\)/);
    expect(results['candidates-exchanged']?.reason).toMatch(/^pc 2 has gathered no candidates yet/);
    expect(results['both-connected']?.reason).toMatch(/^pc 1 is still 'new'/);
    expect(results['message-arrived']?.reason).toMatch(/has not opened yet/);
  });

  it('fails only the candidate check when pc 2’s candidates never reach pc 1', () => {
    // On one machine ICE may still connect (pc 1 learns pc 2's address from its checks), so only this check notices.
    const results = settle(twoPeersInOnePage({ candidatesToLocal: false }));
    expect(statuses(twoPeersInOnePage({ candidatesToLocal: false }))).toEqual({
      'offer-answer': 'passed',
      'candidates-exchanged': 'failed',
      'both-connected': 'passed',
      'message-arrived': 'passed',
    });
    expect(results['candidates-exchanged']?.reason).toBe(
      "pc 1 has not added any of pc 2's candidates: in pc 2's onicecandidate handler, pass event.candidate to pc 1's addIceCandidate().",
    );
  });

  it('fails "connected" when no candidates were exchanged at all', () => {
    const results = settle(twoPeersInOnePage({ candidatesToLocal: false, candidatesToRemote: false }));
    expect(results['both-connected']).toMatchObject({ status: 'failed' });
    expect(results['both-connected']?.reason).toMatch(/^pc 1 is still 'connecting': did both sides add/);
    expect(results['message-arrived']?.status).toBe('failed');
  });

  it('fails only the message check when nothing is sent', () => {
    const results = settle(twoPeersInOnePage({ send: null }));
    expect(results['both-connected']?.status).toBe('passed');
    expect(results['message-arrived']).toMatchObject({
      status: 'failed',
      reason: 'The channel is open but nothing was sent: call send() in its onopen handler.',
    });
  });

  it('fails the message check when the text that arrived is not the text sent, or nothing arrived', () => {
    expect(settle(twoPeersInOnePage({ send: 'ping', receive: 'pong' }))['message-arrived']?.status).toBe('failed');
    const lost = settle(twoPeersInOnePage({ send: 'ping', receive: null }))['message-arrived'];
    expect(lost).toMatchObject({ status: 'failed', reason: 'pc 1 sent "ping" but nothing has arrived on the other side yet.' });
  });

  it('says what to create when there is nothing', () => {
    const results = settle(new LogBuilder().started().events);
    expect(results['offer-answer']?.reason).toBe('No RTCPeerConnection yet: create two with new RTCPeerConnection().');
    expect(results['message-arrived']?.reason).toMatch(/^No data channel/);
    const one = settle(new LogBuilder().started().pc(1).events);
    expect(one['both-connected']?.reason).toMatch(/^Only one RTCPeerConnection/);
  });

  it('reports a rejected call with the browser’s error', () => {
    const error = { name: 'InvalidStateError', message: 'Failed to execute addIceCandidate: The remote description was null' };
    const log = new LogBuilder().pc(1).pc(2).call(1, 'setLocalDescription', [{ type: 'offer', sdp: OFFER_SDP }]);
    log.call(2, 'addIceCandidate', [json(hostCandidate(50000))], { error });
    const results = settle(log.events);
    expect(results['candidates-exchanged']?.reason).toBe(
      "pc 2's addIceCandidate() failed (InvalidStateError: Failed to execute addIceCandidate: The remote description was null): was its remote description set first?",
    );
    const wrongState = new LogBuilder().pc(1).pc(2);
    wrongState.call(1, 'setRemoteDescription', [{ type: 'answer', sdp: OFFER_SDP }], {
      error: { name: 'InvalidStateError', message: 'Called in wrong state: stable' },
    });
    expect(settle(wrongState.events)['offer-answer']?.reason).toBe(
      "pc 1's setRemoteDescription() failed (InvalidStateError: Called in wrong state: stable).",
    );
  });

  it('stays pending while the run is live, and each pass holds as the log grows', () => {
    const events = twoPeersInOnePage();
    let previous = evaluateChecks(checks, [], []);
    expect(previous.every((r) => r.status === 'pending')).toBe(true);
    for (let n = 1; n <= events.length; n++) {
      const next = evaluateChecks(checks, events.slice(0, n), previous);
      for (const [i, result] of next.entries()) {
        expect(result.status).not.toBe('failed');
        if (previous[i]?.status === 'passed') expect(result.status).toBe('passed');
      }
      previous = next;
    }
    expect(previous.map((r) => r.status)).toEqual(['passed', 'passed', 'passed', 'passed']);
  });
});
