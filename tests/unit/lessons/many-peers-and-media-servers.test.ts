/**
 * Lesson 18's checks over logs the runtime recorded in Chromium: five real
 * PeerJS peers against the playground's signaller (fixtures/18-*: the
 * solution's full mesh, the starting files' star, and the solution changed so
 * both sides of each pair call), cut down to the PeerJS and data-channel events.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import checks, { heardFrom, pairs, partners } from '../../../lessons/18-many-peers-and-media-servers/checks.ts';
import { evaluateChecks } from '../../../sandbox/checks/runner.ts';
import type { CheckResult } from '../../../sandbox/checks/types.ts';
import type { Json, PlaygroundEvent } from '../../../sandbox/log/events.ts';
import { openedPeers, peers } from '../../../sandbox/log/peerjs.ts';

function recorded(name: string): PlaygroundEvent[] {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as PlaygroundEvent[];
}

function settle(events: readonly PlaygroundEvent[]): Record<string, CheckResult> {
  return Object.fromEntries(evaluateChecks(checks, events, [], true).map((r) => [r.id, r]));
}

function withCost(events: readonly PlaygroundEvent[], value: Json): PlaygroundEvent[] {
  const last = events[events.length - 1] as PlaygroundEvent;
  return [...events, { type: 'report', name: 'meshCost', value, seq: last.seq + 1, t: last.t + 1 }];
}

describe('lesson 18 checks', () => {
  const solution = recorded('18-solution');

  it('all pass for the recorded mesh', () => {
    const results = settle(solution);
    expect(Object.values(results).map((r) => r.status)).toEqual(['passed', 'passed', 'passed', 'passed', 'passed']);
    expect(results['each-pair-once']?.reason).toBe('10 pairs, one connection each.');
  });

  it('reads the mesh from PeerJS events: 5 peers, 4 partners and 4 hellos each, 10 pairs', () => {
    const open = openedPeers(peers(solution));
    expect(open).toHaveLength(5);
    const members = new Set(open.map((p) => p.id as string));
    for (const peer of open) {
      expect(partners(peer, members).size).toBe(4);
      expect(heardFrom(solution, peer, members).size).toBe(4);
    }
    const byPair = pairs(open);
    expect(byPair.size).toBe(10);
    expect([...byPair.values()].every((ids) => ids.size === 1)).toBe(true);
  });

  it('the starting star fails: the four spokes hold one connection and hear one hello', () => {
    const results = settle(recorded('18-files'));
    expect(results['five-open']?.status).toBe('passed');
    expect(results['each-holds-all']).toMatchObject({ status: 'failed' });
    expect(results['each-holds-all']?.reason.match(/holds 1/g)).toHaveLength(4);
    expect(results['each-pair-once']).toMatchObject({ status: 'failed', reason: '4 of the 10 pairs are connected.' });
    expect(results['hello-from-each']?.reason.match(/heard from 1/g)).toHaveLength(4);
    expect(results['mesh-cost']?.reason).toBe('connections was 4; 5 peers form 10 pairs, one connection each: n(n−1)/2.');
  });

  it('both sides of a pair calling gives two connections per pair, and fails at once', () => {
    const both = recorded('18-both-sides');
    const live = Object.fromEntries(evaluateChecks(checks, both, [], false).map((r) => [r.id, r]));
    expect(live['each-pair-once']).toMatchObject({ status: 'failed', reason: expect.stringContaining('connected 2 times: both called each other') });
    expect([...pairs(openedPeers(peers(both))).values()].every((ids) => ids.size === 2)).toBe(true);
  });

  it('the reported cost must follow n(n−1)/2 and n−1 for the peers that opened', () => {
    expect(settle(withCost(solution, { peers: 5, connections: 10, uploadsPerPeer: 1 }))['mesh-cost']?.reason).toContain('uploadsPerPeer was 1');
    expect(settle(withCost(solution, { peers: 5, connections: 20, uploadsPerPeer: 4 }))['mesh-cost']?.reason).toContain('connections was 20');
    expect(settle(withCost(solution, 4))['mesh-cost']?.reason).toContain("playground.report('meshCost'");
    const noCost = solution.filter((e) => e.type !== 'report');
    expect(settle(noCost)['mesh-cost']?.status).toBe('failed');
  });

  it('fewer than five open peers keeps the mesh checks waiting', () => {
    const firstOpen = solution.find((e) => e.type === 'peerjs.peer' && e.event === 'open');
    const four = solution.filter((e) => e !== firstOpen);
    const results = settle(four);
    expect(results['five-open']?.reason).toBe('4 of 5 peers are open: create 5 with new Peer() and wait for each one\'s \'open\'.');
  });
});
