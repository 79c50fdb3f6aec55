import { describe, expect, it } from 'vitest';
import { openedConnections, openedPeers, peerErrors, peers } from '../../../sandbox/log/peerjs.ts';
import { peerConnections } from '../../../sandbox/log/reduce.ts';
import { LogBuilder } from './builder.ts';
import { ALICE, BOB, peerJsPair } from './scenarios.ts';

describe('peers', () => {
  it('summarises two Peers that connected through the signaller', () => {
    const [alice, bob] = peers(peerJsPair());
    expect(alice).toMatchObject({ peer: 1, id: ALICE, state: 'open', opened: true, errors: [] });
    expect(alice?.options).toEqual({ host: '127.0.0.1', port: 4322, path: '/peerjs' });
    expect(bob?.connections).toHaveLength(1);
    expect(bob?.connections[0]).toMatchObject({ remoteId: ALICE, kind: 'data', pc: 1, state: 'open', opened: true });
    expect(alice?.connections[0]).toMatchObject({ remoteId: BOB, pc: 2, opened: true });
    expect(alice?.signals.map((s) => `${s.direction} ${s.messageType}`)).toEqual(['in OPEN', 'in OFFER', 'out ANSWER', 'in CANDIDATE']);
  });

  it('keeps the same connectionId apart on the two Peers', () => {
    expect(openedConnections(peers(peerJsPair())).map((c) => [c.peer, c.connectionId])).toEqual([
      [1, 'dc_k3j5h2g8f1'],
      [2, 'dc_k3j5h2g8f1'],
    ]);
  });

  it('reports Peers that never opened and their errors', () => {
    const summaries = peers(peerJsPair({ open: false }));
    expect(summaries).toHaveLength(2);
    expect(openedPeers(summaries)).toEqual([]);
    expect(summaries[0]).toMatchObject({ id: null, state: 'error' });
    expect(peerErrors(summaries).map((e) => e.type)).toEqual(['network', 'network']);
  });

  it('collects connection errors with the Peer errors, in log order', () => {
    const log = new LogBuilder();
    log.push({ type: 'peerjs.peer', peer: 1, event: 'created' });
    log.push({ type: 'peerjs.connection', peer: 1, kind: 'data', connectionId: 'dc_1', remoteId: 'nobody', event: 'created' });
    log.push({ type: 'peerjs.peer', peer: 1, event: 'error', error: { type: 'peer-unavailable', message: 'Could not connect to peer nobody' } });
    log.push({ type: 'peerjs.connection', peer: 1, kind: 'data', connectionId: 'dc_1', remoteId: 'nobody', event: 'error', error: { type: 'negotiation-failed', message: 'x' } });
    const summaries = peers(log.events);
    expect(peerErrors(summaries).map((e) => e.type)).toEqual(['peer-unavailable', 'negotiation-failed']);
    expect(summaries[0]?.connections[0]?.state).toBe('error');
    expect(summaries[0]?.connections[0]?.opened).toBe(false);
  });

  it('gives PeerJS connections readable labels in the peer-connection summaries', () => {
    expect(peerConnections(peerJsPair()).map((pc) => pc.label)).toEqual([`${BOB} ↔ ${ALICE} (data)`, `${ALICE} ↔ ${BOB} (data)`]);
  });
});
