import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportDump } from '../../../../site/src/inspector/dump/export.ts';
import { importDump } from '../../../../site/src/inspector/dump/import.ts';
import { PLAYGROUND_KEY, parseDescriptionText } from '../../../../site/src/inspector/dump/format.ts';
import { peerConnections } from '../../../../sandbox/log/reduce.ts';
import type { EventOf, PlaygroundEvent } from '../../../../sandbox/log/events.ts';

const recorded = JSON.parse(
  readFileSync(new URL('../../lessons/fixtures/05-solution.json', import.meta.url), 'utf8'),
) as PlaygroundEvent[];
const foreign = readFileSync(new URL('./fixtures/internals-sample.json', import.meta.url), 'utf8');

// Lesson 5's recording plus two getStats snapshots, so every part of the format is exercised.
const last = recorded.at(-1)!;
const withStats: PlaygroundEvent[] = [
  ...recorded,
  {
    type: 'pc.stats',
    pc: 1,
    seq: last.seq + 1,
    t: last.t + 1000,
    report: { CP1: { id: 'CP1', type: 'candidate-pair', timestamp: 1, state: 'succeeded', currentRoundTripTime: 0.004 } },
  },
  {
    type: 'pc.stats',
    pc: 1,
    seq: last.seq + 2,
    t: last.t + 2000,
    report: { CP1: { id: 'CP1', type: 'candidate-pair', timestamp: 2, state: 'succeeded', currentRoundTripTime: 0.002 } },
  },
];
const options = { url: 'http://localhost:4321/lessons/signalling-with-peerjs/', userAgent: 'test', startedAt: Date.UTC(2026, 0, 2, 3, 4, 5) };

describe('exportDump', () => {
  const dump = exportDump(withStats, options);

  it('writes one webrtc-internals connection per peer connection, keyed "<pid>-<lid>"', () => {
    expect(Object.keys(dump.PeerConnections)).toEqual(['1-1', '1-2']);
    expect(dump.UserAgent).toBe('test');
    expect(dump.getUserMedia).toEqual([]);
    const pc1 = dump.PeerConnections['1-1']!;
    expect(pc1.url).toBe(options.url);
    expect(pc1.rtcConfiguration).toBe('{ iceServers: [] }');
  });

  it("names calls, outcomes and changes as Chromium's updateLog does, every value as text", () => {
    const pc1 = dump.PeerConnections['1-1']!;
    const types = pc1.updateLog.map((u) => u.type);
    expect(types.slice(0, 6)).toEqual([
      'createDataChannel',
      'createOffer',
      'negotiationneeded',
      'createOfferOnSuccess',
      'setLocalDescription',
      'signalingstatechange',
    ]);
    expect(types).toContain('icecandidate');
    expect(types).toContain('setRemoteDescriptionOnSuccess');
    expect(types).toContain('iceconnectionstatechange');
    expect(types).toContain('connectionstatechange');
    for (const update of pc1.updateLog) expect(typeof update.value).toBe('string');

    const offer = pc1.updateLog.find((u) => u.type === 'createOfferOnSuccess')!;
    const sdp = (recorded.find((e) => e.type === 'pc.result' && e.method === 'createOffer') as EventOf<'pc.result'> & { ok: true })
      .value as { sdp: string };
    expect(parseDescriptionText(offer.value)).toEqual({ type: 'offer', sdp: sdp.sdp });
    expect(pc1.updateLog.find((u) => u.type === 'icecandidate')!.value).toMatch(/^sdpMid: 0, sdpMLineIndex: 0, candidate: candidate:/);
    // Times are wall-clock (ISO, to the millisecond): t = 0 is startedAt.
    const first = recorded.find((e) => e.type === 'pc.call' && e.pc === 1)!;
    expect(Date.parse(pc1.updateLog[0]!.time)).toBe(Math.floor(options.startedAt + first.t));
  });

  it('writes getStats snapshots as one series per stats id and property, values a JSON array text', () => {
    const stats = dump.PeerConnections['1-1']!.stats;
    expect(stats['CP1-currentRoundTripTime']).toEqual({
      startTime: new Date(options.startedAt + last.t + 1000).toISOString(),
      endTime: new Date(options.startedAt + last.t + 2000).toISOString(),
      statsType: 'candidate-pair',
      values: '[0.004,0.002]',
    });
    expect(stats['CP1-state']!.values).toBe('["succeeded","succeeded"]');
    expect(stats['CP1-id']).toBeUndefined();
  });

  it('survives JSON and comes back exactly through our import', () => {
    const text = JSON.stringify(dump);
    const back = importDump(text);
    expect(back).toEqual({ ok: true, source: 'playground', events: withStats, notes: [] });
  });
});

describe('importDump of a foreign webrtc-internals dump', () => {
  const result = importDump(foreign);
  if (!result.ok) throw new Error(result.error);
  const { events } = result;

  it('numbers the connections and stamps seq and t (ms since the earliest entry)', () => {
    expect(result.source).toBe('webrtc-internals');
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i));
    expect(events[0]).toMatchObject({ type: 'pc.created', pc: 1, label: 'pc 1', t: 0 });
    expect(events.filter((e) => e.type === 'pc.created').map((e) => e.pc)).toEqual([1, 2]);
    const ts = events.map((e) => e.t);
    expect([...ts].sort((a, b) => a - b)).toEqual(ts);
    expect(events.find((e) => e.type === 'pc.state' && e.value === 'have-local-offer')!.t).toBe(7);
  });

  it('pairs calls with outcomes, so the reducers see descriptions, candidates and states', () => {
    const [pc1, pc2] = peerConnections(events);
    expect(pc1!.descriptions.map((d) => `${d.side} ${d.type}`)).toEqual(['local offer', 'remote answer']);
    expect(pc1!.localDescription!.sdp).toMatch(/^v=0\r\n/);
    expect(pc1!.states).toEqual({ signalingState: 'stable', iceGatheringState: 'complete', iceConnectionState: 'connected', connectionState: 'connected' });
    expect(pc1!.candidates.map((c) => [c.candidate.type, c.candidate.address, c.candidate.port, c.candidate.url ?? null])).toEqual([
      ['host', '192.168.1.20', 54321, null],
      ['srflx', '203.0.113.7', 54321, 'stun:stun.example.org:3478'],
    ]);
    expect(pc1!.candidates[1]!.candidate).toMatchObject({ relatedAddress: '192.168.1.20', relatedPort: 54321, priority: 1686052607, usernameFragment: 'R3pK' });
    expect(pc1!.addedCandidates.map((a) => a.outcome)).toEqual(['ok', 'error']);
    expect(pc1!.addedCandidates[1]!.error).toEqual({ name: 'OperationError', message: 'Error processing ICE candidate' });
    expect(pc2!.closed).toBe(true);
    // Methods that return at once have no outcome entry in a dump; they are recorded as succeeded.
    expect(pc1!.calls[0]).toMatchObject({ call: { method: 'createDataChannel', args: ['chat', {}] }, result: { ok: true } });
    expect(pc2!.calls.map((c) => [c.call.method, c.result?.ok])).toEqual([['close', true]]);
  });

  it('keeps the configuration text Chromium wrote, and reads candidate errors', () => {
    const created = events.find((e) => e.type === 'pc.created')!;
    expect(created).toMatchObject({ configuration: { text: expect.stringContaining('stun:stun.example.org:3478') } });
    const error = events.find((e) => e.type === 'pc.event' && e.name === 'icecandidateerror')!;
    expect(error).toMatchObject({ detail: { url: 'stun:stun.unreachable.example:3478', errorCode: 701, errorText: 'STUN host lookup received error.' } });
  });

  it('rebuilds one getStats report per second from the series, skipping computed ones', () => {
    const stats = events.filter((e): e is EventOf<'pc.stats'> => e.type === 'pc.stats');
    expect(stats).toHaveLength(3);
    expect(stats.map((s) => s.t)).toEqual([990, 1990, 2990]); // the first entry is at 10 ms, the series start at 1 s
    expect(stats[1]!.report).toEqual({
      CP1234: { id: 'CP1234', type: 'candidate-pair', state: 'succeeded', currentRoundTripTime: 0.003, bytesSent: 480 },
      T01: { id: 'T01', type: 'transport', dtlsState: 'connected', selectedCandidatePairId: 'CP1234' },
    });
  });

  it('says which entries it could not convert', () => {
    expect(result.notes).toEqual(['1 "transceiverAdded" entry was not converted.']);
  });
});

describe('importDump of bad input', () => {
  it.each([
    ['', /not JSON/],
    ['{"PeerConnections": ', /not JSON/],
    ['[1, 2, 3]', /not a dump/],
    ['"hello"', /not a dump/],
    ['{"getUserMedia": []}', /no "PeerConnections"/],
    ['{"PeerConnections": {}}', /no peer connections/],
    [`{"${PLAYGROUND_KEY}": {"format": 1}}`, /damaged/],
    [`{"${PLAYGROUND_KEY}": {"format": 1, "events": [{"type": "pc.state", "seq": 0, "t": 0, "pc": "one"}]}}`, /event number 1 is malformed/],
    [`{"${PLAYGROUND_KEY}": {"format": 1, "events": [{"type": "<img src=x>", "seq": 0, "t": 0}]}}`, /malformed/],
  ])('%j → a clear error', (text, message) => {
    const result = importDump(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('skips what it cannot read in a damaged foreign dump instead of failing', () => {
    const result = importDump(
      JSON.stringify({
        PeerConnections: {
          'x-1': { updateLog: [{ time: 'yesterday', type: 'signalingstatechange', value: 'have-local-offer' }, 42, { type: 'setRemoteDescriptionOnSuccess' }], stats: { 'a-b': { values: 'not json' } } },
        },
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.events.map((e) => e.type)).toEqual(['pc.created', 'pc.state']);
  });
});
