import { describe, expect, it } from 'vitest';
import checks from '../../../lessons/05-signalling-with-peerjs/checks.ts';
import { evaluateChecks } from '../../../sandbox/checks/runner.ts';
import type { CheckResult } from '../../../sandbox/checks/types.ts';
import type { PlaygroundEvent } from '../../../sandbox/log/events.ts';
import { LogBuilder } from '../log/builder.ts';
import { peerJsPair } from '../log/scenarios.ts';

function settle(events: readonly PlaygroundEvent[]): Record<string, CheckResult> {
  return Object.fromEntries(evaluateChecks(checks, events, [], true).map((r) => [r.id, r]));
}

function statuses(events: readonly PlaygroundEvent[]): string[] {
  return Object.values(settle(events)).map((r) => r.status);
}

describe('lesson 05 checks', () => {
  it('has the three steps of the lesson', () => {
    expect(checks.map((c) => c.id)).toEqual(['peers-open', 'connection-open', 'messages-both-ways']);
  });

  it('all pass for the solution’s run, with binary (preview-less) messages', () => {
    const results = settle(peerJsPair());
    expect(Object.values(results).map((r) => r.status)).toEqual(['passed', 'passed', 'passed']);
    expect(results['peers-open']?.reason).toBe('Both have ids: 3f7c1a52… and b0b5e2d1….');
    expect(results['messages-both-ways']?.reason).toBe('peer 1 received 1 message, peer 2 received 1 message.');
  });

  it('the starting files open both peers but connect nothing', () => {
    const results = settle(peerJsPair({ connect: false }));
    expect(Object.values(results).map((r) => r.status)).toEqual(['passed', 'failed', 'failed']);
    expect(results['connection-open']?.reason).toBe(
      'No connection yet: once both peers are open, call connect(otherPeer.id) on one of them.',
    );
    expect(results['messages-both-ways']?.reason).toMatch(/^Nothing sent yet/);
  });

  it('fails "both ways" when only one side sends', () => {
    const results = settle(peerJsPair({ reply: false }));
    expect(results['connection-open']?.status).toBe('passed');
    expect(results['messages-both-ways']).toMatchObject({
      status: 'failed',
      reason: 'Only one way so far (peer 1 received 1 message): the other side must send too, e.g. reply in its data handler.',
    });
  });

  it('counts text messages just as well', () => {
    expect(statuses(peerJsPair({ binary: false }))).toEqual(['passed', 'passed', 'passed']);
  });

  it('explains a Peer that cannot reach the signaller', () => {
    const results = settle(peerJsPair({ open: false }));
    expect(statuses(peerJsPair({ open: false }))).toEqual(['failed', 'failed', 'failed']);
    expect(results['peers-open']?.reason).toBe('peer 1 reported an error (network): Lost connection to server.');
  });

  it('asks for a second Peer, or a first one', () => {
    expect(settle(peerJsPair({ peers: 1 }))['peers-open']?.reason).toBe(
      'Only one Peer so far: create a second one for it to connect to.',
    );
    expect(settle(peerJsPair({ peers: 0 }))['peers-open']?.reason).toBe('No Peer yet: create one with new Peer().');
  });

  it('says which side is still waiting for the connection', () => {
    const log = new LogBuilder();
    for (const peer of [1, 2]) log.push({ type: 'peerjs.peer', peer, event: 'open', id: `id-${peer}` });
    log.push({ type: 'peerjs.connection', peer: 2, kind: 'data', connectionId: 'dc_1', remoteId: 'id-1', event: 'created' });
    expect(settle(log.events)['connection-open']?.reason).toBe(
      'peer 2 is connecting to id-1; that peer has not received the connection yet.',
    );
  });

  it('reports connecting to an id nobody has', () => {
    const log = new LogBuilder();
    for (const peer of [1, 2]) log.push({ type: 'peerjs.peer', peer, event: 'open', id: `id-${peer}` });
    log.push({ type: 'peerjs.connection', peer: 2, kind: 'data', connectionId: 'dc_1', remoteId: 'typo', event: 'created' });
    log.push({ type: 'peerjs.peer', peer: 2, event: 'error', error: { type: 'peer-unavailable', message: 'Could not connect to peer typo' } });
    expect(settle(log.events)['connection-open']?.reason).toBe(
      'peer 2 reported an error (peer-unavailable): Could not connect to peer typo',
    );
  });

  it('falls back to data channels and connections when PeerJS events are missing', () => {
    const withoutPeerJs = peerJsPair().filter((e) => e.type !== 'peerjs.connection');
    expect(statuses(withoutPeerJs).slice(1)).toEqual(['passed', 'passed']);
    // Without the links to Peers, sides are connections: one receiving end is still one side.
    const oneSided = peerJsPair({ reply: false }).filter((e) => e.type !== 'peerjs.connection');
    expect(settle(oneSided)['messages-both-ways']?.status).toBe('failed');
  });

  it('never fails while live, and keeps each pass', () => {
    const events = peerJsPair();
    let previous = evaluateChecks(checks, [], []);
    for (let n = 1; n <= events.length; n++) {
      const next = evaluateChecks(checks, events.slice(0, n), previous);
      for (const [i, result] of next.entries()) {
        expect(result.status).not.toBe('failed');
        if (previous[i]?.status === 'passed') expect(result.status).toBe('passed');
      }
      previous = next;
    }
    expect(previous.map((r) => r.status)).toEqual(['passed', 'passed', 'passed']);
  });
});
