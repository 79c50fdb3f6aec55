import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caseRuns, lastCaseRun } from '../../../sandbox/log/cases.ts';
import type { PlaygroundEvent } from '../../../sandbox/log/events.ts';
import { LogBuilder } from './builder.ts';

const mark = (log: LogBuilder, name: string) => log.push({ type: 'report', name: 'case', value: name });

describe('caseRuns', () => {
  it('gives each case the connections created in its window, and their late events', () => {
    const log = new LogBuilder().started();
    mark(log, 'a');
    log.pc(1).log('in a');
    mark(log, 'b');
    log.pc(2).state(1, 'connectionState', 'connected').log('in b');
    const [a, b] = caseRuns(log.events);
    expect(a!.name).toBe('a');
    expect([...a!.pcs]).toEqual([1]);
    expect([...b!.pcs]).toEqual([2]);
    // pc 1's late state change belongs to a; the console line to the window it fell in.
    expect(a!.events.map((e) => e.type)).toEqual(['report', 'pc.created', 'console', 'pc.state']);
    expect(b!.events.map((e) => e.type)).toEqual(['report', 'pc.created', 'console']);
    expect(b!.end).toBe(Infinity);
  });

  it('gives a case the connections PeerJS made for its Peers, whenever they were made', () => {
    const log = new LogBuilder().started();
    mark(log, 'peerjs');
    log.push({ type: 'peerjs.peer', peer: 1, event: 'created', options: {} });
    mark(log, 'later');
    log.pc(1).push({ type: 'peerjs.connection', peer: 1, kind: 'data', connectionId: 'dc_x', remoteId: 'host', event: 'created', pc: 1 });
    const peerjs = lastCaseRun(log.events, 'peerjs')!;
    expect([...peerjs.peers]).toEqual([1]);
    expect([...peerjs.pcs]).toEqual([1]);
    expect(lastCaseRun(log.events, 'later')!.events.map((e) => e.type)).toEqual(['report']);
  });

  it('takes the last run of a name, and null when it never ran', () => {
    const log = new LogBuilder().started();
    mark(log, 'a');
    mark(log, 'a');
    expect(lastCaseRun(log.events, 'a')!.seq).toBe(2);
    expect(lastCaseRun(log.events, 'b')).toBeNull();
    expect(caseRuns(new LogBuilder().started().events)).toEqual([]);
  });

  it('splits the recorded lesson 19 run into its nine cases', () => {
    const events = JSON.parse(readFileSync(new URL('../lessons/fixtures/19-files.json', import.meta.url), 'utf8')) as PlaygroundEvent[];
    const runs = caseRuns(events);
    expect(runs.map((r) => r.name)).toEqual(['order', 'no-media', 'wrong-peer', 'turn', 'big-message', 'flood', 'peerjs', 'stale-apis', 'echo']);
    expect(runs.find((r) => r.name === 'peerjs')!.peers.size).toBe(2);
    expect(runs.find((r) => r.name === 'turn')!.pcs.size).toBe(2);
  });
});
