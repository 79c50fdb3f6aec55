import { describe, expect, it } from 'vitest';
import { validateEvent, validateFrameMessage } from '../../../sandbox/host/validate.ts';
import { createMungeSession } from '../../../sandbox/host/munge.ts';
import { MAX_MUNGE_SDP, PROTOCOL_SOURCE, type HostMessage, type MungeRequest } from '../../../sandbox/protocol.ts';
import type { PcMungeEvent } from '../../../sandbox/log/events.ts';

const RUN = 'run-1';
const REQUEST: MungeRequest = { id: 1, pc: 2, call: 5, method: 'setLocalDescription', type: 'offer', sdp: 'v=0\r\n', created: true };
const message = (request: unknown) => ({ source: PROTOCOL_SOURCE, runId: RUN, kind: 'munge-request', request });

describe('munge-request from the frame', () => {
  it('is accepted and copied field by field', () => {
    const validated = validateFrameMessage(message({ ...REQUEST, extra: '<b>' }), RUN);
    expect(validated?.message).toEqual(message(REQUEST));
    expect((validated?.message as { request: object }).request).not.toHaveProperty('extra');
  });

  it('is rejected when malformed, oversized or for another run', () => {
    const bad: unknown[] = [
      { ...REQUEST, method: 'createOffer' },
      { ...REQUEST, type: 'rollback' },
      { ...REQUEST, sdp: 5 },
      { ...REQUEST, sdp: 'x'.repeat(MAX_MUNGE_SDP + 1) },
      { ...REQUEST, id: -1 },
      { ...REQUEST, created: 'yes' },
      [REQUEST],
      null,
    ];
    for (const request of bad) expect(validateFrameMessage(message(request), RUN)).toBeNull();
    expect(validateFrameMessage(message(REQUEST), 'other-run')).toBeNull();
  });
});

describe('pc.munge events', () => {
  const event: PcMungeEvent = {
    seq: 3, t: 10, type: 'pc.munge', pc: 1, call: 4, method: 'setRemoteDescription', sdpType: 'answer', original: 'a', edited: 'b', created: false,
  };
  it('pass the validator unchanged', () => expect(validateEvent(event)).toEqual(event));
  it('are rejected with a wrong method or a missing text', () => {
    expect(validateEvent({ ...event, method: 'addIceCandidate' })).toBeNull();
    expect(validateEvent({ ...event, edited: undefined })).toBeNull();
  });
});

describe('the page-wide munge session', () => {
  function session() {
    const s = createMungeSession();
    const sent: HostMessage[] = [];
    const link = s.link(RUN, (m) => sent.push(m));
    return { s, sent, link };
  }

  it('lists requests until answered, and sends the answer to the right frame once', () => {
    const { s, sent, link } = session();
    link.request(REQUEST);
    link.request({ ...REQUEST, id: 2 });
    expect(s.pending.get().map((p) => [p.runId, p.id])).toEqual([[RUN, 1], [RUN, 2]]);
    const first = s.pending.get()[0]!;
    expect(s.apply(first, 'edited')).toBe(true);
    expect(sent).toEqual([{ source: PROTOCOL_SOURCE, kind: 'munge-apply', id: 1, sdp: 'edited' }]);
    expect(s.apply(first, 'again')).toBe(false);
    expect(s.pending.get().map((p) => p.id)).toEqual([2]);
  });

  it('drops a run\'s requests when it ends (Stop or a new Run), and ignores late ones', () => {
    const { s, sent, link } = session();
    const other = s.link('run-2', () => undefined);
    link.request(REQUEST);
    other.request(REQUEST);
    link.end();
    expect(s.pending.get().map((p) => p.runId)).toEqual(['run-2']);
    link.request({ ...REQUEST, id: 9 });
    expect(s.pending.get()).toHaveLength(1);
    expect(s.apply({ ...REQUEST, runId: RUN }, 'x')).toBe(false);
    expect(sent).toEqual([]);
  });

  it('is off until the learner opts in', () => {
    expect(createMungeSession().enabled.get()).toBe(false);
  });
});
