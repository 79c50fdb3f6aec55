import { describe, expect, it } from 'vitest';
import { AbsentPeerQueues, DEFAULT_SIGNALLER_LIMITS, judgeFrame } from '../../../signal-server/peer-guard.ts';

const limits = { ...DEFAULT_SIGNALLER_LIMITS, maxQueuedPerAbsentPeer: 2, maxQueuedTotal: 3, queueLifetimeMs: 1000 };
const online = new Set(['bob']);
const isConnected = (id: string) => online.has(id);

describe('judgeFrame', () => {
  const judge = (data: string, isBinary = false) => judgeFrame(data, isBinary, isConnected, new AbsentPeerQueues(limits));

  it('passes the messages a PeerJS client sends', () => {
    expect(judge('{"type":"HEARTBEAT"}')).toEqual({ pass: true });
    expect(judge('{"type":"LEAVE","dst":"bob"}')).toEqual({ pass: true });
    expect(judge('{"type":"OFFER","dst":"bob","payload":{}}')).toEqual({ pass: true, relayed: true });
    expect(judge('{"type":"CANDIDATE","dst":"carol"}')).toEqual({ pass: true, queued: true });
  });

  it('names why a frame is refused', () => {
    expect(judge('{"type":"HEARTBEAT"}', true)).toEqual({ pass: false, reason: 'binary' });
    for (const text of ['', 'nope', '{', 'null', '[]', '42']) expect(judge(text)).toEqual({ pass: false, reason: 'invalid-json' });
    for (const text of ['{}', '{"type":7}', '{"type":"OPEN"}', '{"type":"__proto__"}']) {
      expect(judge(text)).toEqual({ pass: false, reason: 'unknown-type' });
    }
    for (const text of ['{"type":"OFFER"}', '{"type":"ANSWER","dst":""}', '{"type":"CANDIDATE","dst":{"id":"bob"}}']) {
      expect(judge(text)).toEqual({ pass: false, reason: 'no-destination' });
    }
  });
});

describe('AbsentPeerQueues', () => {
  it('caps each absent id and all of them, and forgets an id that connected or expired', () => {
    let now = 0;
    const queues = new AbsentPeerQueues(limits, () => now);
    expect([queues.reserve('x'), queues.reserve('x'), queues.reserve('x')]).toEqual([true, true, false]);
    expect(queues.reserve('y')).toBe(true);
    expect(queues.reserve('z')).toBe(false); // three held in all
    expect(queues.size).toBe(3);
    queues.forget('x');
    expect(queues.size).toBe(1);
    expect(queues.reserve('z')).toBe(true);
    now = 1001;
    expect(queues.reserve('y')).toBe(true); // its old entry expired with peer's queue
    queues.sweep();
    expect(queues.size).toBe(1);
  });

  it('a full queue for one id does not stop messages through the gate to a connected peer', () => {
    const queues = new AbsentPeerQueues(limits);
    for (let i = 0; i < 3; i++) judgeFrame(`{"type":"OFFER","dst":"ghost${i}"}`, false, isConnected, queues);
    expect(judgeFrame('{"type":"OFFER","dst":"ghost9"}', false, isConnected, queues)).toEqual({ pass: false, reason: 'queue-full' });
    expect(judgeFrame('{"type":"OFFER","dst":"bob"}', false, isConnected, queues)).toEqual({ pass: true, relayed: true });
  });
});
