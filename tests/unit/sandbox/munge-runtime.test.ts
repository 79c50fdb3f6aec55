import { describe, expect, it } from 'vitest';
import { Munger, readApply, STOPPED_MESSAGE, takeMungeOptIn, type MungeCall, type MungeTarget } from '../../../sandbox/runtime/rtc/munge.ts';
import { MUNGE_FRAME_NAME, PROTOCOL_SOURCE, type MungeRequest } from '../../../sandbox/protocol.ts';
import type { PcMungeEvent } from '../../../sandbox/log/events.ts';

const OFFER = 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n';

/** A connection whose "browser" methods log what they were given, in order. */
function fakePc(signalingState = 'stable') {
  const log: string[] = [];
  const pc: MungeTarget & { log: string[] } = { signalingState, log };
  const native = (name: string) =>
    function (this: unknown, ...args: unknown[]) {
      log.push(`${name}(${args.map((a) => JSON.stringify(a)).join(', ')})`);
      return Promise.resolve(undefined);
    };
  return { pc, native };
}

function setup() {
  const requests: MungeRequest[] = [];
  const events: Omit<PcMungeEvent, 'seq' | 't'>[] = [];
  const created: string[] = [];
  const munger = new Munger({
    post: (r) => requests.push(r),
    record: (e) => events.push(e),
    create: async (_pc, type) => {
      created.push(type);
      return { type, sdp: `created ${type}\r\n` };
    },
    stoppedError: () => Object.assign(new Error(STOPPED_MESSAGE), { name: 'InvalidStateError' }),
  });
  return { munger, requests, events, created };
}

const apply = (id: number, sdp: string) => ({ source: PROTOCOL_SOURCE, kind: 'munge-apply', id, sdp });
const tick = () => new Promise((r) => setTimeout(r, 0));

function call(pc: MungeTarget, method: string, native: MungeCall['native'], args: unknown[], failures: unknown[] = []): MungeCall {
  return { pc, n: 1, call: 7, method, native, args, failNow: (e) => failures.push(e) };
}

describe('Munger', () => {
  it('pauses setRemoteDescription, posts the description, and applies exactly what the page sends', async () => {
    const { munger, requests, events } = setup();
    const { pc, native } = fakePc();
    const result = munger.run(call(pc, 'setRemoteDescription', native('srd'), [{ type: 'offer', sdp: OFFER }]));
    await tick();
    expect(pc.log).toEqual([]);
    expect(requests).toEqual([{ id: 1, pc: 1, call: 7, method: 'setRemoteDescription', type: 'offer', sdp: OFFER, created: false }]);
    const edited = OFFER.replace('m=application 9', 'm=application 0');
    expect(munger.receive(apply(1, edited))).toBe(true);
    await result;
    expect(pc.log).toEqual([`srd(${JSON.stringify({ type: 'offer', sdp: edited })})`]);
    expect(events).toEqual([
      { type: 'pc.munge', pc: 1, call: 7, method: 'setRemoteDescription', sdpType: 'offer', original: OFFER, edited, created: false },
    ]);
    expect(munger.pending).toBe(0);
  });

  it('creates the offer for setLocalDescription() with no argument, so it can be edited', async () => {
    const { munger, requests, created } = setup();
    const { pc, native } = fakePc('stable');
    const result = munger.run(call(pc, 'setLocalDescription', native('sld'), []));
    await tick();
    expect(created).toEqual(['offer']);
    expect(requests[0]).toMatchObject({ type: 'offer', sdp: 'created offer\r\n', created: true });
    munger.receive(apply(1, 'created offer\r\n'));
    await result;
    expect(pc.log).toEqual([`sld(${JSON.stringify({ type: 'offer', sdp: 'created offer\r\n' })})`]);
  });

  it('creates an answer for setLocalDescription() after a remote offer', async () => {
    const { munger, requests, created } = setup();
    const { pc, native } = fakePc('have-remote-offer');
    void munger.run(call(pc, 'setLocalDescription', native('sld'), [{ type: 'answer' }]));
    await tick();
    expect(created).toEqual(['answer']);
    expect(requests[0]).toMatchObject({ type: 'answer', created: true });
  });

  it('passes rollback and malformed arguments straight to the browser', async () => {
    const { munger, requests } = setup();
    const { pc, native } = fakePc('have-local-offer');
    await munger.run(call(pc, 'setLocalDescription', native('sld'), [{ type: 'rollback' }]));
    await munger.run(call(pc, 'setRemoteDescription', native('srd'), ['nonsense']));
    expect(requests).toEqual([]);
    expect(pc.log).toEqual(['sld({"type":"rollback"})', 'srd("nonsense")']);
  });

  it('holds later chained calls on the same connection until the paused one is applied, in order', async () => {
    const { munger } = setup();
    const { pc, native } = fakePc();
    const other = fakePc();
    void munger.run(call(pc, 'setRemoteDescription', native('srd'), [{ type: 'offer', sdp: OFFER }]));
    void munger.run(call(pc, 'addIceCandidate', native('aic'), [{ candidate: 'c1' }]));
    void munger.run(call(pc, 'addIceCandidate', native('aic'), [{ candidate: 'c2' }]));
    // Another connection is not held.
    void munger.run(call(other.pc, 'addIceCandidate', other.native('aic'), [{ candidate: 'x' }]));
    await tick();
    expect(pc.log).toEqual([]);
    expect(other.pc.log).toEqual(['aic({"candidate":"x"})']);
    munger.receive(apply(1, OFFER));
    await tick();
    expect(pc.log).toEqual([`srd(${JSON.stringify({ type: 'offer', sdp: OFFER })})`, 'aic({"candidate":"c1"})', 'aic({"candidate":"c2"})']);
  });

  it('calls the browser at once when nothing waits (same timing as without munging)', () => {
    const { munger } = setup();
    const { pc, native } = fakePc();
    void munger.run(call(pc, 'addIceCandidate', native('aic'), [{ candidate: 'c1' }]));
    expect(pc.log).toEqual(['aic({"candidate":"c1"})']);
  });

  it('ignores answers that are malformed, for no waiting call, or repeated', async () => {
    const { munger } = setup();
    const { pc, native } = fakePc();
    void munger.run(call(pc, 'setRemoteDescription', native('srd'), [{ type: 'offer', sdp: OFFER }]));
    await tick();
    expect(munger.receive({ ...apply(1, 'x'), source: 'someone-else' })).toBe(false);
    expect(munger.receive({ ...apply(1, 'x'), sdp: 42 })).toBe(false);
    expect(munger.receive(apply(2, 'x'))).toBe(false);
    expect(munger.receive(apply(1, OFFER))).toBe(true);
    expect(munger.receive(apply(1, OFFER))).toBe(false);
  });

  it('Stop fails every waiting call at once, with an error that says why, and never calls the browser', async () => {
    const { munger } = setup();
    const { pc, native } = fakePc();
    const failures: unknown[] = [];
    const result = munger.run(call(pc, 'setRemoteDescription', native('srd'), [{ type: 'offer', sdp: OFFER }], failures));
    await tick();
    munger.cancelAll();
    expect(failures).toHaveLength(1);
    expect((failures[0] as Error).message).toBe(STOPPED_MESSAGE);
    await expect(result).rejects.toMatchObject({ name: 'InvalidStateError' });
    expect(pc.log).toEqual([]);
    expect(munger.pending).toBe(0);
  });
});

describe('readApply and takeMungeOptIn', () => {
  it('reads only munge-apply messages of ours', () => {
    expect(readApply(apply(3, 'v=0'))).toEqual({ id: 3, sdp: 'v=0' });
    expect(readApply({ source: PROTOCOL_SOURCE, kind: 'stop' })).toBeNull();
    expect(readApply({ ...apply(3, 'v=0'), id: 1.5 })).toBeNull();
    expect(readApply(null)).toBeNull();
  });

  it('opts in only for the playground frame name, and clears it for the learner', () => {
    const win = { name: MUNGE_FRAME_NAME };
    expect(takeMungeOptIn(win)).toBe(true);
    expect(win.name).toBe('');
    const plain = { name: 'mine' };
    expect(takeMungeOptIn(plain)).toBe(false);
    expect(plain.name).toBe('mine');
  });
});
