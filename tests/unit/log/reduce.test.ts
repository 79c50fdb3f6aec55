import { describe, expect, it } from 'vitest';
import {
  consoleLines,
  errors,
  everReached,
  failedCalls,
  peerConnections,
  pcsThatReached,
} from '../../../sandbox/log/reduce.ts';
import { ANSWER_SDP, LogBuilder, OFFER_SDP, hostCandidate, json } from './builder.ts';
import { twoPeersInOnePage } from './scenarios.ts';

describe('peerConnections', () => {
  it('summarises both ends of a hand-wired connection', () => {
    const [one, two] = peerConnections(twoPeersInOnePage());
    expect(one?.label).toBe('pc 1');
    expect(one?.states).toEqual({
      signalingState: 'stable',
      iceGatheringState: 'complete',
      iceConnectionState: 'connected',
      connectionState: 'connected',
    });
    expect(one?.history.connectionState.map((c) => c.value)).toEqual(['connecting', 'connected']);
    expect(one?.history.signalingState.map((c) => c.value)).toEqual(['stable', 'have-local-offer', 'stable']);
    expect(one?.localDescription).toMatchObject({ side: 'local', type: 'offer', sdp: OFFER_SDP });
    expect(one?.remoteDescription).toMatchObject({ side: 'remote', type: 'answer', sdp: ANSWER_SDP });
    expect(two?.localDescription?.type).toBe('answer');
    expect(two?.remoteDescription?.type).toBe('offer');
    expect(two?.descriptions.map((d) => `${d.side}:${d.type}`)).toEqual(['remote:offer', 'local:answer']);
  });

  it('lists gathered candidates, the end of gathering, and addIceCandidate outcomes', () => {
    const [one, two] = peerConnections(twoPeersInOnePage());
    expect(one?.candidates.map((c) => c.candidate.port)).toEqual([50000]);
    expect(one?.candidates[0]?.sinceLocalDescription).toBe(3);
    expect(one?.gatheringComplete).toBe(true);
    expect(two?.addedCandidates).toHaveLength(1);
    expect(two?.addedCandidates[0]).toMatchObject({ outcome: 'ok' });
    expect(one?.addedCandidates[0]?.candidate).toMatchObject({ port: 50001 });
  });

  it('keeps a rejected addIceCandidate with its error, and a pending one as pending', () => {
    const error = { name: 'InvalidStateError', message: 'The remote description was null' };
    const log = new LogBuilder().pc(1).call(1, 'addIceCandidate', [json(hostCandidate(1))], { error });
    log.pendingCall(1, 'addIceCandidate', [json(hostCandidate(2))]);
    const [pc] = peerConnections(log.events);
    expect(pc?.addedCandidates.map((a) => a.outcome)).toEqual(['error', 'pending']);
    expect(pc?.addedCandidates[0]?.error).toEqual(error);
    expect(failedCalls(log.events)).toHaveLength(1);
    expect(pc?.calls.map((c) => c.result?.ok)).toEqual([false, undefined]);
  });

  it('does not count a failed setRemoteDescription as applied', () => {
    const error = { name: 'InvalidStateError', message: 'Called in wrong state: stable' };
    const log = new LogBuilder().pc(1).call(1, 'setRemoteDescription', [{ type: 'answer', sdp: ANSWER_SDP }], { error });
    const [pc] = peerConnections(log.events);
    expect(pc?.remoteDescription).toBeNull();
    expect(pc?.descriptions).toEqual([]);
  });

  it('works out the type of an implicit setLocalDescription() from the signalling state', () => {
    const log = new LogBuilder().pc(1).pc(2);
    log.call(1, 'setLocalDescription', []).state(1, 'signalingState', 'have-local-offer');
    log.call(2, 'setRemoteDescription', [{ type: 'offer', sdp: OFFER_SDP }]).state(2, 'signalingState', 'have-remote-offer');
    log.call(2, 'setLocalDescription', []);
    const [one, two] = peerConnections(log.events);
    expect(one?.localDescription).toMatchObject({ type: 'offer', sdp: null });
    expect(two?.localDescription).toMatchObject({ type: 'answer', sdp: null });
  });

  it('takes the description from the result when the call had no argument', () => {
    const log = new LogBuilder().pc(1).call(1, 'setLocalDescription', [], { value: { type: 'offer', sdp: OFFER_SDP } });
    expect(peerConnections(log.events)[0]?.localDescription).toMatchObject({ type: 'offer', sdp: OFFER_SDP });
  });

  it('returns to the last completed exchange after a rollback', () => {
    const log = new LogBuilder().pc(1);
    log.call(1, 'setLocalDescription', [{ type: 'offer', sdp: OFFER_SDP }]);
    log.call(1, 'setRemoteDescription', [{ type: 'answer', sdp: ANSWER_SDP }]);
    log.call(1, 'setLocalDescription', [{ type: 'offer', sdp: `${OFFER_SDP}a=x\r\n` }]);
    log.call(1, 'setLocalDescription', [{ type: 'rollback' }]);
    const [pc] = peerConnections(log.events);
    expect(pc?.localDescription?.sdp).toBe(OFFER_SDP);
    expect(pc?.remoteDescription?.type).toBe('answer');
    expect(pc?.descriptions.map((d) => d.type)).toEqual(['offer', 'answer', 'offer', 'rollback']);
  });

  it('marks a closed connection closed without inventing history', () => {
    const log = new LogBuilder().pc(1).state(1, 'connectionState', 'connected').call(1, 'close', []);
    const [pc] = peerConnections(log.events);
    expect(pc?.closed).toBe(true);
    expect(pc?.states.connectionState).toBe('closed');
    expect(pc?.history.connectionState.map((c) => c.value)).toEqual(['connected']);
    expect(everReached(pc!, 'connectionState', 'connected')).toBe(true);
  });

  it('still summarises a connection whose creation was not recorded', () => {
    const log = new LogBuilder().state(3, 'connectionState', 'failed');
    const [pc] = peerConnections(log.events);
    expect(pc).toMatchObject({ pc: 3, label: 'pc 3', states: { connectionState: 'failed' } });
  });

  it('attaches each data channel to its connection', () => {
    const [one, two] = peerConnections(twoPeersInOnePage());
    expect(one?.dataChannels.map((d) => [d.dc, d.origin, d.state])).toEqual([[1, 'local', 'open']]);
    expect(two?.dataChannels.map((d) => [d.dc, d.origin, d.state])).toEqual([[2, 'remote', 'open']]);
  });
});

describe('pcsThatReached', () => {
  it('finds only the connections that got there', () => {
    const pcs = peerConnections(twoPeersInOnePage({ candidatesToLocal: false, candidatesToRemote: false }));
    expect(pcsThatReached(pcs, 'connectionState', 'connecting').map((pc) => pc.pc)).toEqual([1]);
    expect(pcsThatReached(pcs, 'connectionState', 'connected')).toEqual([]);
    expect(pcsThatReached(peerConnections(twoPeersInOnePage()), 'connectionState', 'connected')).toHaveLength(2);
  });
});

describe('console and errors', () => {
  it('selects console lines, by level when asked', () => {
    const log = new LogBuilder().log('one').log('careful', 'warn').log('two');
    expect(consoleLines(log.events).map((l) => l.text)).toEqual(['one', 'careful', 'two']);
    expect(consoleLines(log.events, ['warn', 'error']).map((l) => l.text)).toEqual(['careful']);
  });

  it('selects the errors', () => {
    const log = new LogBuilder().log('fine');
    log.push({ type: 'error', kind: 'uncaught', name: 'TypeError', message: 'x is not a function' });
    expect(errors(log.events).map((e) => e.message)).toEqual(['x is not a function']);
  });
});
