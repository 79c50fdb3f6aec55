/**
 * The renegotiation and glare helpers (sandbox/log/negotiation.ts) and the
 * decoded-frames reader (sandbox/log/video-frames.ts) over built logs.
 */
import { describe, expect, it } from 'vitest';
import { answerAfter, firstGlare, lastRecorded, localOffers, rollbacks } from '../../../sandbox/log/negotiation.ts';
import { peerConnections, type PcSummary } from '../../../sandbox/log/reduce.ts';
import { decodedVideoFrames } from '../../../sandbox/log/video-frames.ts';
import { ANSWER_SDP, LogBuilder, OFFER_SDP } from './builder.ts';

const offer = { type: 'offer', sdp: OFFER_SDP };
const answer = { type: 'answer', sdp: ANSWER_SDP };

function pc(log: LogBuilder, n: number): PcSummary {
  const found = peerConnections(log.events).find((p) => p.pc === n);
  if (!found) throw new Error(`no pc ${n}`);
  return found;
}

/** Both connections offer; pc 1 and pc 2 end in have-local-offer at the same time. */
function glare(): LogBuilder {
  return new LogBuilder()
    .started()
    .pc(1)
    .pc(2)
    .state(1, 'signalingState', 'have-local-offer')
    .call(1, 'setLocalDescription', [], { value: offer })
    .state(2, 'signalingState', 'have-local-offer')
    .call(2, 'setLocalDescription', [], { value: offer });
}

describe('firstGlare', () => {
  it('finds the moment the second connection enters have-local-offer while the first is still there', () => {
    const log = glare();
    const second = log.events.find((e) => e.type === 'pc.state' && e.pc === 2);
    expect(firstGlare(log.events)).toEqual({ pcs: [1, 2], seq: second?.seq, t: second?.t });
  });

  it('is null when the first offer was answered before the other side offered', () => {
    const log = new LogBuilder()
      .pc(1)
      .pc(2)
      .state(1, 'signalingState', 'have-local-offer')
      .state(1, 'signalingState', 'stable')
      .state(2, 'signalingState', 'have-local-offer');
    expect(firstGlare(log.events)).toBeNull();
  });
});

describe('rollbacks', () => {
  it('counts setRemoteDescription(offer) made in have-local-offer (implicit rollback), not one made in stable', () => {
    const log = glare().call(1, 'setRemoteDescription', [offer], { value: offer }).state(1, 'signalingState', 'have-remote-offer');
    expect(rollbacks(pc(log, 1)).map((r) => r.call.method)).toEqual(['setRemoteDescription']);
    const calm = new LogBuilder().pc(1).call(1, 'setRemoteDescription', [offer], { value: offer });
    expect(rollbacks(pc(calm, 1))).toEqual([]);
  });

  it('counts an explicit rollback, and neither kind when the call failed', () => {
    const log = glare().call(1, 'setLocalDescription', [{ type: 'rollback' }], { value: { type: 'rollback', sdp: '' } });
    expect(rollbacks(pc(log, 1))).toHaveLength(1);
    const failed = glare()
      .call(1, 'setLocalDescription', [{ type: 'rollback' }], { error: { name: 'InvalidStateError', message: 'x' } })
      .call(2, 'setRemoteDescription', [offer], { error: { name: 'InvalidStateError', message: 'y' } });
    expect(rollbacks(pc(failed, 1))).toEqual([]);
    expect(rollbacks(pc(failed, 2))).toEqual([]);
  });
});

describe('offers, answers and last states', () => {
  it('lists the local offers in order and finds the answer that followed one', () => {
    const log = glare().call(1, 'setRemoteDescription', [answer], { value: answer }).state(1, 'signalingState', 'stable');
    const one = pc(log, 1);
    const [first] = localOffers(one);
    expect(localOffers(one)).toHaveLength(1);
    expect(answerAfter(one, first?.seq ?? 0)?.type).toBe('answer');
    expect(answerAfter(one, Number.MAX_SAFE_INTEGER)).toBeUndefined();
    expect(lastRecorded(one, 'signalingState')).toBe('stable');
    expect(lastRecorded(pc(log, 2), 'signalingState')).toBe('have-local-offer');
    expect(lastRecorded(one, 'connectionState')).toBe('new');
  });
});

describe('decodedVideoFrames', () => {
  it('takes the most frames of any inbound video stream per sample, and skips samples without one', () => {
    const log = new LogBuilder()
      .pc(2)
      .push({ type: 'pc.stats', pc: 2, report: { A: { type: 'inbound-rtp', kind: 'audio', packetsReceived: 9 } } })
      .push({ type: 'pc.stats', pc: 2, report: { V1: { type: 'inbound-rtp', kind: 'video', framesDecoded: 3 }, V2: { type: 'inbound-rtp', kind: 'video', framesDecoded: 7 } } })
      .push({ type: 'pc.stats', pc: 1, report: { V: { type: 'inbound-rtp', kind: 'video', framesDecoded: 99 } } })
      .push({ type: 'pc.stats', pc: 2, report: { V1: { type: 'inbound-rtp', kind: 'video', framesDecoded: 12 }, bad: null } });
    expect(decodedVideoFrames(log.events, 2).map((s) => s.framesDecoded)).toEqual([7, 12]);
    expect(decodedVideoFrames(log.events, 3)).toEqual([]);
  });
});
