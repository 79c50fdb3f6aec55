import { describe, expect, it } from 'vitest';
import { claimedEvents, isJson, MAX_BATCH, validateEvent, validateFrameMessage } from '../../../sandbox/host/validate.ts';
import { PROTOCOL_SOURCE } from '../../../sandbox/protocol.ts';
import { truncateLine } from '../../../sandbox/limits.ts';
import type { PlaygroundEvent } from '../../../sandbox/log/events.ts';

const RUN = 'abc123';

/** One well-formed event of every type, as the runtime sends them. */
const GOOD: PlaygroundEvent[] = [
  { seq: 0, t: 0, type: 'run', status: 'started' },
  { seq: 1, t: 1.5, type: 'console', level: 'log', text: 'hi', location: { file: 'main.js', line: 3, column: 1 } },
  { seq: 2, t: 2, type: 'error', kind: 'uncaught', name: 'TypeError', message: 'x is undefined', stack: 'at main.js:1' },
  { seq: 3, t: 3, type: 'pc.created', pc: 1, label: 'pc 1', configuration: { iceServers: [] } },
  { seq: 4, t: 4, type: 'pc.call', pc: 1, call: 1, method: 'createOffer', args: [] },
  { seq: 5, t: 5, type: 'pc.result', pc: 1, call: 1, method: 'createOffer', ok: true, value: { type: 'offer', sdp: 'v=0' } },
  { seq: 6, t: 6, type: 'pc.result', pc: 1, call: 2, method: 'setRemoteDescription', ok: false, error: { name: 'InvalidStateError', message: 'no' } },
  { seq: 7, t: 7, type: 'pc.state', pc: 1, which: 'connectionState', value: 'connected' },
  { seq: 8, t: 8, type: 'pc.event', pc: 1, name: 'icecandidate', detail: { candidate: null, sinceLocalDescription: 12 } },
  { seq: 9, t: 9, type: 'pc.stats', pc: 1, report: { T01: { type: 'transport', bytesSent: 10 } } },
  { seq: 10, t: 10, type: 'dc.created', pc: 1, dc: 1, origin: 'local', label: 'chat', ordered: true, maxRetransmits: null, maxPacketLifeTime: null, protocol: '', negotiated: false, id: null },
  { seq: 11, t: 11, type: 'dc.state', pc: 1, dc: 1, value: 'open' },
  { seq: 12, t: 12, type: 'dc.message', pc: 1, dc: 1, direction: 'sent', binary: false, bytes: 5, preview: 'hello' },
  { seq: 13, t: 13, type: 'peerjs.peer', peer: 1, event: 'error', error: { type: 'network', message: 'lost' } },
  { seq: 14, t: 14, type: 'peerjs.signal', peer: 1, direction: 'in', messageType: 'OPEN', payload: null },
  { seq: 15, t: 15, type: 'peerjs.connection', peer: 1, kind: 'data', connectionId: 'dc_x', remoteId: 'bob', event: 'open', pc: 2 },
];

describe('validateEvent', () => {
  it('accepts a well-formed event of every type, unchanged', () => {
    for (const event of GOOD) expect(validateEvent(event)).toEqual(event);
  });

  it('drops fields the schema does not know', () => {
    const clean = validateEvent({ ...GOOD[1], extra: { evil: true }, __proto__junk: 1 });
    expect(clean).toEqual(GOOD[1]);
    expect(clean).not.toHaveProperty('extra');
  });

  it('rejects unknown types, missing or mistyped fields and bad enum values', () => {
    const bad: unknown[] = [
      null,
      'console',
      [],
      { seq: 0, t: 0, type: 'nope' },
      { seq: 0, t: 0, type: 'toString' },
      { seq: 0, t: 0, type: 'console', level: 'log' },
      { seq: 0, t: 0, type: 'console', level: 'shout', text: 'x' },
      { seq: 0, t: 0, type: 'console', level: 'log', text: 42 },
      { seq: -1, t: 0, type: 'run', status: 'started' },
      { seq: 0.5, t: 0, type: 'run', status: 'started' },
      { seq: 0, t: Number.NaN, type: 'run', status: 'started' },
      { seq: 0, t: 0, type: 'console', level: 'log', text: 'x', location: { file: 'main.js', line: '3' } },
      { seq: 0, t: 0, type: 'pc.call', pc: 1, call: 1, method: 'eval', args: [] },
      { seq: 0, t: 0, type: 'pc.result', pc: 1, call: 1, method: 'close', ok: false },
      { seq: 0, t: 0, type: 'dc.created', pc: 1, dc: 1, origin: 'local', label: 'x', ordered: true, protocol: '', negotiated: false, id: null },
      { seq: 0, t: 0, type: 'dc.message', pc: 1, dc: 1, direction: 'sent', binary: false, bytes: 1, preview: 7 },
    ];
    for (const value of bad) expect(validateEvent(value), JSON.stringify(value)).toBeNull();
  });

  it('rejects JSON payloads that are not JSON', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const configuration of [cyclic, new Date(), new Map(), [undefined], { f: () => 1 }, Number.POSITIVE_INFINITY]) {
      expect(validateEvent({ seq: 0, t: 0, type: 'pc.created', pc: 1, label: 'pc 1', configuration })).toBeNull();
    }
  });
});

describe('isJson', () => {
  it('accepts JSON trees and shared subtrees', () => {
    const shared = { a: [1, 'x', null, true] };
    expect(isJson({ one: shared, two: shared, list: [shared, shared] })).toBe(true);
  });

  it('answers quickly for a hostile diamond-shaped graph', () => {
    let node: unknown = 1;
    for (let i = 0; i < 200; i++) node = [node, node];
    const started = performance.now();
    expect(isJson(node)).toBe(false); // too deep
    let shallow: unknown = 1;
    for (let i = 0; i < 60; i++) shallow = { l: shallow, r: shallow };
    expect(isJson(shallow)).toBe(true);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('validateFrameMessage', () => {
  const message = (extra: Record<string, unknown>) => ({ source: PROTOCOL_SOURCE, runId: RUN, ...extra });

  it('accepts heartbeats, stopped and event batches for this run', () => {
    expect(validateFrameMessage(message({ kind: 'heartbeat' }), RUN)?.message.kind).toBe('heartbeat');
    expect(validateFrameMessage(message({ kind: 'stopped' }), RUN)?.message.kind).toBe('stopped');
    const result = validateFrameMessage(message({ kind: 'events', events: GOOD }), RUN);
    expect(result?.rejected).toBe(0);
    expect(result?.message).toEqual({ source: PROTOCOL_SOURCE, runId: RUN, kind: 'events', events: GOOD });
  });

  it('ignores messages that are not ours or belong to another run', () => {
    for (const data of [null, 'hi', { kind: 'heartbeat' }, message({ kind: 'heartbeat', runId: 'other' }), { ...message({ kind: 'heartbeat' }), source: 'x' }, message({ kind: 'shout' })]) {
      expect(validateFrameMessage(data, RUN)).toBeNull();
    }
  });

  it('keeps the good events of a batch and counts the bad ones', () => {
    const result = validateFrameMessage(message({ kind: 'events', events: [GOOD[0], { type: 'console' }, 7, GOOD[1]] }), RUN);
    expect(result?.message).toMatchObject({ kind: 'events', events: [GOOD[0], GOOD[1]] });
    expect(result?.rejected).toBe(2);
  });

  it('rejects batches that are not arrays or are too large', () => {
    expect(validateFrameMessage(message({ kind: 'events', events: 'x' }), RUN)).toBeNull();
    expect(validateFrameMessage(message({ kind: 'events', events: new Array(MAX_BATCH + 1).fill(GOOD[0]) }), RUN)).toBeNull();
  });
});

describe('sizes', () => {
  const batch = (events: unknown[]) => ({ source: PROTOCOL_SOURCE, runId: RUN, kind: 'events', events });

  it('cuts a giant console line and error message, saying how much was left out', () => {
    const giant = 'x'.repeat(1_000_000);
    const validated = validateFrameMessage(
      batch([
        { seq: 0, t: 0, type: 'console', level: 'log', text: giant },
        { seq: 1, t: 0, type: 'error', kind: 'uncaught', name: 'Error', message: giant },
      ]),
      RUN,
    );
    const [line, error] = validated!.message.kind === 'events' ? validated!.message.events : [];
    expect(line).toMatchObject({ text: expect.stringMatching(/… \(989936 more characters not shown\)$/) });
    expect(error).toMatchObject({ message: expect.stringMatching(/989936 more characters/) });
    expect(validated!.chars).toBeLessThan(25_000);
  });

  it('lets a line the runtime already cut through whole, with its note', () => {
    const cut = truncateLine('x'.repeat(64 * 1024 * 1024));
    const validated = validateFrameMessage(batch([{ seq: 0, t: 0, type: 'console', level: 'log', text: cut }]), RUN);
    expect(validated!.message.kind === 'events' && validated!.message.events[0]).toMatchObject({ text: cut });
  });

  it('refuses an event with a string over a million characters anywhere in it', () => {
    const huge = 'y'.repeat(1_000_001);
    expect(validateEvent({ seq: 0, t: 0, type: 'report', name: 'n', value: { deep: [huge] } })).toBeNull();
    expect(validateEvent({ seq: 0, t: 0, type: 'report', name: huge, value: 1 })).toBeNull();
  });

  it('counts the characters of text each message carries', () => {
    const validated = validateFrameMessage(batch([{ seq: 0, t: 0, type: 'report', name: 'abc', value: { a: 'de', b: ['fgh'] } }]), RUN);
    expect(validated!.chars).toBe(8);
  });

  it('tells how many events a batch claims before validating any', () => {
    expect(claimedEvents(batch(new Array(7).fill(null)))).toBe(7);
    expect(claimedEvents({ kind: 'heartbeat' })).toBe(0);
    expect(claimedEvents('nonsense')).toBe(0);
  });
});
