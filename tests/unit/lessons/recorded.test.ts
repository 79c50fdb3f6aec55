/**
 * The lessons' checks over logs the real runtime recorded in Chromium (see
 * fixtures/README.md): the solutions pass every check, the starting files fail
 * exactly the checks for the steps they leave out.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import twoPeers from '../../../lessons/02-two-peers-in-one-page/checks.ts';
import peerjs from '../../../lessons/05-signalling-with-peerjs/checks.ts';
import { evaluateChecks } from '../../../sandbox/checks/runner.ts';
import type { Check } from '../../../sandbox/checks/types.ts';
import type { PlaygroundEvent } from '../../../sandbox/log/events.ts';
import { peerConnections, peers } from '../../../sandbox/log/reduce.ts';

function recorded(name: string): PlaygroundEvent[] {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as PlaygroundEvent[];
}

function statuses(checks: readonly Check[], name: string): Record<string, string> {
  return Object.fromEntries(evaluateChecks(checks, recorded(name), [], true).map((r) => [r.id, r.status]));
}

describe('lesson 02 over recorded runs', () => {
  it('the solution passes every check', () => {
    expect(statuses(twoPeers, '02-solution')).toEqual({
      'offer-answer': 'passed',
      'candidates-exchanged': 'passed',
      'both-connected': 'passed',
      'message-arrived': 'passed',
    });
  });

  it('the starting files fail every check', () => {
    expect(Object.values(statuses(twoPeers, '02-files'))).toEqual(['failed', 'failed', 'failed', 'failed']);
  });

  it('leaving out one direction of candidates connects, and only the candidate check notices', () => {
    expect(statuses(twoPeers, '02-no-candidates-back')).toEqual({
      'offer-answer': 'passed',
      'candidates-exchanged': 'failed',
      'both-connected': 'passed',
      'message-arrived': 'passed',
    });
  });

  it('the reducers read what the runtime recorded', () => {
    const [one, two] = peerConnections(recorded('02-solution'));
    expect(one?.localDescription?.type).toBe('offer');
    expect(one?.localDescription?.sdp).toMatch(/^v=0\r\n/);
    expect(one?.remoteDescription?.type).toBe('answer');
    expect(two?.localDescription?.type).toBe('answer');
    expect(one?.candidates.length).toBeGreaterThan(0);
    expect(one?.candidates.every((c) => c.candidate.type === 'host')).toBe(true);
    expect(one?.gatheringComplete).toBe(true);
    expect(two?.addedCandidates.every((a) => a.outcome === 'ok')).toBe(true);
    expect(one?.dataChannels[0]).toMatchObject({ label: 'chat', origin: 'local', sent: { count: 1 } });
    expect(two?.dataChannels[0]).toMatchObject({ label: 'chat', origin: 'remote', received: { count: 1 } });
  });
});

describe('lesson 05 over recorded runs', () => {
  it('the solution passes every check', () => {
    expect(statuses(peerjs, '05-solution')).toEqual({
      'peers-open': 'passed',
      'connection-open': 'passed',
      'messages-both-ways': 'passed',
    });
  });

  it('the starting files open both peers and nothing more', () => {
    expect(statuses(peerjs, '05-files')).toEqual({
      'peers-open': 'passed',
      'connection-open': 'failed',
      'messages-both-ways': 'failed',
    });
  });

  it('the reducers tie PeerJS connections to their RTCPeerConnections', () => {
    const events = recorded('05-solution');
    const [alice, bob] = peers(events);
    expect(alice?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(bob?.connections[0]).toMatchObject({ remoteId: alice?.id, kind: 'data', opened: true });
    expect(alice?.connections[0]).toMatchObject({ remoteId: bob?.id, opened: true });
    expect(alice?.signals.map((s) => s.messageType)).toContain('OFFER');
    const labels = peerConnections(events).map((pc) => pc.label);
    expect(labels).toEqual([`${bob?.id} ↔ ${alice?.id} (data)`, `${alice?.id} ↔ ${bob?.id} (data)`]);
    // PeerJS packs strings in its binary format: the messages carry no text.
    expect(peerConnections(events).flatMap((pc) => pc.dataChannels.flatMap((dc) => dc.messages)).every((m) => m.binary)).toBe(true);
  });
});
