import { describe, expect, it } from 'vitest';
import checks from '../../../lessons/04-build-your-own-signalling/checks.ts';
import { evaluateChecks } from '../../../sandbox/checks/runner.ts';
import type { CheckResult } from '../../../sandbox/checks/types.ts';
import type { PlaygroundEvent } from '../../../sandbox/log/events.ts';
import { ANSWER_SDP, LogBuilder, OFFER_SDP, hostCandidate } from '../log/builder.ts';

const URL = 'ws://localhost:4321/rooms/lesson4-1a2b3c4d';

/** What the runtime records for one text message crossing the relay: sent on one socket, received on the other. */
function relay(log: LogBuilder, from: number, to: number | null, message: unknown): LogBuilder {
  const text = JSON.stringify(message);
  const event = { type: 'ws', event: 'message', bytes: text.length, preview: text.slice(0, 200) } as const;
  log.push({ ...event, socket: from, direction: 'sent' });
  if (to !== null) log.push({ ...event, socket: to, direction: 'received' });
  return log;
}

/** Alice (pc 1, socket 1) and Bob (pc 2, socket 2); options leave out the starting files' TODOs. */
function run(options: { sendAnswer?: boolean; bobCandidates?: boolean; sameRoom?: boolean } = {}): PlaygroundEvent[] {
  const { sendAnswer = true, bobCandidates = true, sameRoom = true } = options;
  const log = new LogBuilder().started();
  log.push({ type: 'ws', socket: 1, event: 'open', url: URL });
  log.push({ type: 'ws', socket: 2, event: 'open', url: sameRoom ? URL : `${URL}x` });
  const bob = sameRoom ? 2 : null;
  const alice = sameRoom ? 1 : null;
  log.pc(1).pc(2).call(1, 'createDataChannel', ['chat']);
  const offer = { type: 'offer', sdp: OFFER_SDP };
  const answer = { type: 'answer', sdp: ANSWER_SDP };
  log.state(1, 'signalingState', 'have-local-offer').call(1, 'setLocalDescription', [], { value: offer });
  relay(log, 1, bob, { description: offer });
  log.gathered(1, hostCandidate(50000));
  relay(log, 1, bob, { candidate: hostCandidate(50000) });
  if (!sameRoom) return log.events;
  log.state(2, 'signalingState', 'have-remote-offer').call(2, 'setRemoteDescription', [offer]);
  log.call(2, 'addIceCandidate', [hostCandidate(50000) as never]);
  log.state(2, 'signalingState', 'stable').call(2, 'setLocalDescription', [], { value: answer });
  if (sendAnswer) relay(log, 2, alice, { description: answer });
  log.gathered(2, hostCandidate(50001, 'wxyz'));
  if (bobCandidates) relay(log, 2, alice, { candidate: hostCandidate(50001, 'wxyz') });
  if (!sendAnswer) return log.events;
  log.state(1, 'signalingState', 'stable').call(1, 'setRemoteDescription', [answer]);
  if (bobCandidates) log.call(1, 'addIceCandidate', [hostCandidate(50001, 'wxyz') as never]);
  log.state(1, 'connectionState', 'connecting').state(2, 'connectionState', 'connecting');
  log.state(1, 'connectionState', 'connected').state(2, 'connectionState', 'connected');
  return log.events;
}

function settle(events: readonly PlaygroundEvent[]): Record<string, CheckResult> {
  return Object.fromEntries(evaluateChecks(checks, events, [], true).map((r) => [r.id, r]));
}

describe('lesson 04 checks', () => {
  it('has the three goals of the lesson', () => {
    expect(checks.map((c) => c.id)).toEqual(['offer-answer-crossed', 'candidates-crossed', 'both-connected']);
  });

  it('all pass for the solution’s run', () => {
    const results = settle(run());
    expect(Object.values(results).map((r) => r.status)).toEqual(['passed', 'passed', 'passed']);
    expect(results['offer-answer-crossed']?.reason).toBe('socket 2 received the offer, then socket 1 received the answer.');
    expect(results['candidates-crossed']?.reason).toBe('socket 2 received 1, socket 1 received 1.');
  });

  it('all fail for the starting files (answer and Bob’s candidates never sent), each saying what is missing', () => {
    const results = settle(run({ sendAnswer: false, bobCandidates: false }));
    expect(Object.values(results).map((r) => r.status)).toEqual(['failed', 'failed', 'failed']);
    expect(results['offer-answer-crossed']?.reason).toBe("socket 2 received the offer, but no answer was sent back: send the answer through that peer's own socket.");
    expect(results['candidates-crossed']?.reason).toMatch(/^Only one way so far \(socket 2 received 1\)/);
    expect(results['both-connected']?.reason).toBe("pc 1 is 'new' and is still waiting for the answer.");
  });

  it('notices candidates that only went one way even when the rest worked', () => {
    expect(settle(run({ bobCandidates: false }))['candidates-crossed']?.status).toBe('failed');
  });

  it('explains sockets in different rooms: the offer went out but never arrived', () => {
    const results = settle(run({ sameRoom: false }));
    expect(results['offer-answer-crossed']?.reason).toMatch(/^socket 1 sent the offer but no other socket received it: are both in the same room/);
  });

  it('explains a socket the server refused or closed, and a missing second socket', () => {
    const refused = new LogBuilder()
      .started()
      .push({ type: 'ws', socket: 1, event: 'error', url: 'ws://localhost:4321/rooms/bad%20name' })
      .push({ type: 'ws', socket: 1, event: 'close', url: 'ws://localhost:4321/rooms/bad%20name', code: 1006, reason: '' }).events;
    expect(settle(refused)['offer-answer-crossed']?.reason).toMatch(/^socket 1 could not connect to ws:\/\/localhost:4321\/rooms\/bad%20name \(close 1006\)/);
    const one = new LogBuilder().started().push({ type: 'ws', socket: 1, event: 'open', url: URL }).events;
    expect(settle(one)['candidates-crossed']?.reason).toMatch(/^Only one WebSocket/);
    expect(settle([])['offer-answer-crossed']?.reason).toMatch(/^No WebSocket yet/);
  });
});
