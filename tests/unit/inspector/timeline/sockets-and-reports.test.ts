// Lessons 1, 3 and 4 record reports and the learner's own WebSockets: the timeline shows them in order.
import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../../../../site/src/inspector/timeline/model.ts';
import { LogBuilder, OFFER_SDP } from '../../log/builder.ts';

describe('buildTimeline: ws and report events', () => {
  it('says what each socket message carried, and files candidates under candidates', () => {
    const offer = JSON.stringify({ description: { type: 'offer', sdp: OFFER_SDP } });
    const candidate = JSON.stringify({ candidate: { candidate: 'candidate:1 1 udp 1 x.local 9 typ host', sdpMid: '0' } });
    const log = new LogBuilder()
      .push({ type: 'ws', socket: 1, event: 'open', url: 'ws://localhost:4321/rooms/a' })
      .push({ type: 'ws', socket: 1, event: 'message', direction: 'sent', bytes: offer.length, preview: offer.slice(0, 200) })
      .push({ type: 'ws', socket: 2, event: 'message', direction: 'received', bytes: candidate.length, preview: candidate })
      .push({ type: 'ws', socket: 2, event: 'close', url: 'ws://localhost:4321/rooms/a', code: 1003, reason: 'binary messages are not relayed' })
      .push({ type: 'report', name: 'predict:pc1.createOffer()', value: 'stable' });
    const { steps } = buildTimeline(log.events);
    expect(steps.map((s) => [s.text, s.category])).toEqual([
      ['WebSocket 1 open', 'core'],
      [`WebSocket 1 sent offer (${offer.length} bytes)`, 'core'],
      [`WebSocket 2 received candidate (${candidate.length} bytes)`, 'candidates'],
      ['WebSocket 2 close 1003 binary messages are not relayed', 'core'],
      ['playground.report predict:pc1.createOffer(): "stable"', 'core'],
    ]);
    expect(buildTimeline(log.events, { candidates: false, stats: true, messages: true, console: false }).hidden).toBe(1);
  });
});
