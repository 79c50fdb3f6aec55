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
    expect([queues.reserve('x', 10), queues.reserve('x', 10), queues.reserve('x', 10)]).toEqual([true, true, false]);
    expect(queues.reserve('y', 10)).toBe(true);
    expect(queues.reserve('z', 10)).toBe(false); // three held in all
    expect(queues.size).toBe(3);
    queues.forget('x');
    expect(queues.size).toBe(1);
    expect(queues.reserve('z', 10)).toBe(true);
    now = 1001;
    expect(queues.reserve('y', 10)).toBe(true); // its old entry expired with peer's queue
    queues.sweep();
    expect(queues.size).toBe(1);
  });

  it('caps the bytes held for each absent id and in all, and gives them back when an id connects or expires', () => {
    let now = 0;
    const byBytes = { ...DEFAULT_SIGNALLER_LIMITS, maxQueuedBytesPerAbsentPeer: 100, maxQueuedBytesTotal: 250, queueLifetimeMs: 1000 };
    const queues = new AbsentPeerQueues(byBytes, () => now);
    expect([queues.reserve('x', 60), queues.reserve('x', 40), queues.reserve('x', 1)]).toEqual([true, true, false]);
    expect(queues.reserve('y', 101)).toBe(false); // one message larger than an id may hold
    expect([queues.reserve('y', 100), queues.reserve('z', 51)]).toEqual([true, false]); // 200 held, 250 in all
    expect([queues.size, queues.bytes]).toEqual([3, 200]);
    expect(queues.reserve('z', 50)).toBe(true);
    queues.forget('x');
    expect([queues.size, queues.bytes]).toEqual([2, 150]);
    now = 1001;
    expect([queues.reserve('w', 100), queues.reserve('v', 100)]).toEqual([true, true]); // full: swept, y and z had expired
    expect([queues.size, queues.bytes]).toEqual([2, 200]);
  });

  it('counts a frame by its size as received', () => {
    const queues = new AbsentPeerQueues({ ...DEFAULT_SIGNALLER_LIMITS, maxQueuedBytesPerAbsentPeer: 64 });
    const frame = (padding: string) => Buffer.from(JSON.stringify({ type: 'OFFER', dst: 'ghost', payload: padding }));
    expect(judgeFrame(frame('é'), false, isConnected, queues)).toEqual({ pass: true, queued: true });
    expect(queues.bytes).toBe(frame('é').length);
    expect(judgeFrame(frame('x'.repeat(40)), false, isConnected, queues)).toEqual({ pass: false, reason: 'queue-full' });
  });

  it('drops messages to a connected peer whose socket has too much left to write', () => {
    const queues = new AbsentPeerQueues(limits);
    const backlog = { of: (id: string) => (id === 'bob' ? 2048 : 0), max: 1024 };
    expect(judgeFrame('{"type":"OFFER","dst":"bob"}', false, isConnected, queues, backlog)).toEqual({ pass: false, reason: 'queue-full' });
    expect(judgeFrame('{"type":"OFFER","dst":"bob"}', false, isConnected, queues, { ...backlog, max: 4096 })).toEqual({ pass: true, relayed: true });
  });

  it('a full queue for one id does not stop messages through the gate to a connected peer', () => {
    const queues = new AbsentPeerQueues(limits);
    for (let i = 0; i < 3; i++) judgeFrame(`{"type":"OFFER","dst":"ghost${i}"}`, false, isConnected, queues);
    expect(judgeFrame('{"type":"OFFER","dst":"ghost9"}', false, isConnected, queues)).toEqual({ pass: false, reason: 'queue-full' });
    expect(judgeFrame('{"type":"OFFER","dst":"bob"}', false, isConnected, queues)).toEqual({ pass: true, relayed: true });
  });
});
