import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildTimeline, candidateSummary, descriptionIn, ms } from '../../../../site/src/inspector/timeline/model.ts';
import { LogBuilder, OFFER_SDP, ANSWER_SDP, hostCandidate, json } from '../../log/builder.ts';
import type { PlaygroundEvent } from '../../../../sandbox/log/events.ts';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../lessons/fixtures/${name}.json`, import.meta.url), 'utf8')) as PlaygroundEvent[];

describe('buildTimeline on lesson 5 (PeerJS, two peers in one page)', () => {
  const events = fixture('05-solution');
  const { lanes, steps } = buildTimeline(events);
  const texts = steps.map((s) => s.text);

  it('has a lane per connection, labelled by its Peer id, with the signaller between them', () => {
    expect(lanes.map((l) => l.id)).toEqual(['pc:1', 'signaller', 'pc:2']);
    expect(lanes[0]!.label).toBe('bd20e82d-4800-4ab8-b25d-b6037422abb8');
    expect(lanes[2]!.label).toBe('a18c55de-a7e6-44eb-9802-10647d52f491');
    expect(lanes[0]!.name).toBe('pc 1');
  });

  it('draws signalling messages as arrows from the sender to the signaller and on to the receiver', () => {
    const offerOut = steps.find((s) => s.text.startsWith('pc 1 → signaller: OFFER'))!;
    expect(offerOut).toMatchObject({ lane: 'pc:1', to: 'signaller' });
    const offerIn = steps.find((s) => s.text.startsWith('signaller → pc 2: OFFER'))!;
    expect(offerIn).toMatchObject({ lane: 'signaller', to: 'pc:2' });
    // The Peer's OPEN arrives before any connection exists; it goes to the lane of the Peer's connection.
    expect(steps.find((s) => s.text === 'signaller → pc 2: OPEN')).toBeDefined();
    expect(offerIn.t).toBeGreaterThan(offerOut.t);
  });

  it('shows offer → answer → candidates → connected for both peers, in log order', () => {
    const order = [
      'pc 1 → createOffer() ✓ 1 ms',
      'pc 1 → setLocalDescription(offer) ✓ 1 ms',
      'signaller → pc 2: OFFER from bd20e82d…',
      'pc 2 → setRemoteDescription(offer) ✓ 1 ms',
      'pc 2 → createAnswer() ✓ 1 ms',
      'pc 2 → signaller: ANSWER to bd20e82d…',
      'pc 1 → setRemoteDescription(answer) ✓ 1 ms',
      'pc 2 iceConnectionState: connected',
      'pc 1 connectionState: connected',
    ];
    const positions = order.map((text) => texts.indexOf(text));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(steps.map((s) => s.seq)).toEqual([...steps.map((s) => s.seq)].sort((a, b) => a - b));
  });

  it('points steps that carry a description at the event holding its SDP', () => {
    const withSdp = steps.filter((s) => s.description !== undefined);
    expect(withSdp.map((s) => s.text.split(' ✓')[0])).toEqual([
      'pc 1 → createOffer()',
      'pc 1 → setLocalDescription(offer)',
      'pc 1 → signaller: OFFER to bd20e82d…'.replace('bd20e82d', 'a18c55de'),
      'signaller → pc 2: OFFER from bd20e82d…',
      'pc 2 → setRemoteDescription(offer)',
      'pc 2 → createAnswer()',
      'pc 2 → setLocalDescription(answer)',
      'pc 2 → signaller: ANSWER to bd20e82d…',
      'signaller → pc 1: ANSWER from a18c55de…',
      'pc 1 → setRemoteDescription(answer)',
    ]);
    for (const step of withSdp) {
      const held = events.find((e) => e.seq === step.description);
      expect(descriptionIn(held)?.sdp).toMatch(/^v=0\r\n/);
      // Always a connection's own create/set event (what the SDP view lists), on the step's side.
      expect(held?.type).toMatch(/^pc\.(call|result)$/);
      const side = step.to === 'signaller' || step.to === undefined ? step.lane : step.to;
      expect(`pc:${(held as { pc: number }).pc}`).toBe(side);
    }
    const offerIn = withSdp.find((s) => s.text.startsWith('signaller → pc 2: OFFER'))!;
    expect(events.find((e) => e.seq === offerIn.description)).toMatchObject({ type: 'pc.call', pc: 2, method: 'setRemoteDescription' });
  });

  it('states are badges, and the calls say how long they took', () => {
    expect(steps.filter((s) => s.badge).every((s) => /State: |dc \d+: /.test(s.text))).toBe(true);
    expect(steps.find((s) => s.text === 'pc 2 iceConnectionState: connected')!.tone).toBe('ok');
  });
});

describe('buildTimeline rules', () => {
  it('marks failed calls and errors red, and a call without outcome as pending', () => {
    const log = new LogBuilder()
      .started()
      .pc(1)
      .call(1, 'setRemoteDescription', [{ type: 'answer', sdp: ANSWER_SDP }], { error: { name: 'InvalidStateError', message: 'Called in wrong state: stable' } })
      .pendingCall(1, 'createOffer', [])
      .state(1, 'connectionState', 'failed')
      .push({ type: 'error', kind: 'uncaught', name: 'TypeError', message: 'x is not a function\n    at main.js:3' });
    const { steps, lanes } = buildTimeline(log.events);
    expect(lanes.map((l) => l.id)).toEqual(['pc:1']);
    expect(steps.map((s) => [s.text, s.tone])).toEqual([
      ['Run started', 'info'],
      ['pc 1 created', 'info'],
      ['pc 1 → setRemoteDescription(answer) ✗ InvalidStateError: Called in wrong state: stable', 'error'],
      ['pc 1 → createOffer() … pending', 'pending'],
      ['pc 1 connectionState: failed', 'error'],
      ['Uncaught: TypeError: x is not a function', 'error'],
    ]);
    expect(steps[5]!.lane).toBeNull();
  });

  it('folds runs of stats snapshots and messages, and the filter hides categories', () => {
    const log = new LogBuilder().pc(1).pc(2);
    for (let i = 0; i < 5; i++) {
      log.push({ type: 'pc.stats', pc: 1, report: {} }, 1000);
      log.push({ type: 'pc.stats', pc: 2, report: {} }, 1);
    }
    log.message(1, 1, 'sent', 'hi').message(1, 1, 'sent', 'again').state(1, 'connectionState', 'closed');
    log.push({ type: 'pc.stats', pc: 1, report: {} }, 1000);
    const { steps } = buildTimeline(log.events);
    expect(steps.map((s) => [s.text, s.count ?? null])).toEqual([
      ['pc 1 created', null],
      ['pc 2 created', null],
      ['pc 1 getStats snapshot ×5 (1.0 s – 5.0 s)', 5],
      ['pc 2 getStats snapshot ×5 (1.0 s – 5.0 s)', 5],
      ['pc 1 dc 1 sent 2 message(s) (5.0 s – 5.0 s)', 2],
      ['pc 1 connectionState: closed', null],
      ['pc 1 getStats snapshot ×1 (at 6.0 s)', 1],
    ]);
    const filtered = buildTimeline(log.events, { candidates: true, stats: false, messages: false, console: false });
    expect(filtered.steps.map((s) => s.text)).toEqual(['pc 1 created', 'pc 2 created', 'pc 1 connectionState: closed']);
    expect(filtered.hidden).toBe(13);
  });

  it('keeps a long run short: a minute of stats from two connections is two steps', () => {
    const log = new LogBuilder().pc(1).pc(2).state(1, 'connectionState', 'connected');
    for (let i = 0; i < 60; i++) {
      log.push({ type: 'pc.stats', pc: 1, report: { T: { id: 'T', type: 'transport', bytesSent: i } } }, 1000);
      log.push({ type: 'pc.stats', pc: 2, report: { T: { id: 'T', type: 'transport', bytesSent: i } } }, 1);
    }
    const { steps } = buildTimeline(log.events);
    expect(steps.map((s) => s.text)).toEqual([
      'pc 1 created',
      'pc 2 created',
      'pc 1 connectionState: connected',
      'pc 1 getStats snapshot ×60 (1.0 s – 60.1 s)',
      'pc 2 getStats snapshot ×60 (1.0 s – 60.1 s)',
    ]);
  });

  it('links gathered and added candidates for the ICE view', () => {
    const log = new LogBuilder()
      .pc(1)
      .gathered(1, hostCandidate(5000))
      .call(1, 'addIceCandidate', [json(hostCandidate(6000))])
      .call(1, 'addIceCandidate', [null])
      .gathered(1, null);
    const { steps } = buildTimeline(log.events);
    expect(steps.map((s) => s.text)).toEqual([
      'pc 1 created',
      'pc 1 icecandidate host udp 1a2b3c4d-0000-4000-8000-000000000001.local:5000 (3 ms after setLocalDescription)',
      'pc 1 → addIceCandidate(host udp 1a2b3c4d-0000-4000-8000-000000000001.local:6000) ✓ 1 ms',
      'pc 1 → addIceCandidate(end of candidates) ✓ 1 ms',
      'pc 1 icecandidate: none left, gathering done',
    ]);
    expect(steps[1]!.candidate).toBe(1);
    expect(steps[2]!.candidate).toBe(2);
    expect(buildTimeline(log.events, { candidates: false, stats: true, messages: true, console: false }).steps).toHaveLength(2);
  });

  it('keeps values as plain text (markup in them is just characters)', () => {
    const log = new LogBuilder().pc(1).call(1, 'createDataChannel', ['<img src=x onerror=alert(1)>']);
    expect(buildTimeline(log.events).steps[1]!.text).toBe('pc 1 → createDataChannel("<img src=x onerror=alert(1)>") ✓ 1 ms');
  });

  it('reads descriptions from calls, outcomes and PeerJS payloads only', () => {
    const log = new LogBuilder().pc(1).call(1, 'createOffer', [], { value: { type: 'offer', sdp: OFFER_SDP } });
    expect(descriptionIn(log.events[2])).toEqual({ type: 'offer', sdp: OFFER_SDP });
    expect(descriptionIn(log.events[1])).toBeNull();
    expect(descriptionIn(undefined)).toBeNull();
  });

  it('words candidates and durations briefly', () => {
    expect(candidateSummary('candidate:1 1 UDP 41820159 203.0.113.9 3478 typ relay raddr 0.0.0.0 rport 0')).toBe('relay udp 203.0.113.9:3478');
    expect(candidateSummary('garbage')).toBe('? ? ?:?');
    expect(ms(12.4)).toBe('12 ms');
    expect(ms(1530)).toBe('1.5 s');
  });
});
