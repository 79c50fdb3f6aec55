import { describe, expect, it } from 'vitest';
import { counterpart, describedAt, descriptionsInLog, findDescription, previousOfSide } from '../../../../site/src/inspector/sdp/descriptions.ts';
import { sharedLog } from './fixtures.ts';

describe('descriptions in a recorded log', () => {
  it('lists create* results and set* arguments in order, with their outcome', () => {
    const events = sharedLog('audio-video');
    const list = descriptionsInLog(events);
    const expected = events.filter(
      (e) =>
        (e.type === 'pc.result' && e.ok && (e.method === 'createOffer' || e.method === 'createAnswer')) ||
        (e.type === 'pc.call' && (e.method === 'setLocalDescription' || e.method === 'setRemoteDescription') && e.args.length > 0),
    );
    expect(list.map((d) => d.seq)).toEqual(expected.map((e) => e.seq));
    for (const d of list) expect(d.sdp.startsWith('v=0')).toBe(true);
    expect(list.filter((d) => d.source.startsWith('set')).every((d) => d.applied === true)).toBe(true);
  });

  it('pairs an offer with its answer on the same connection, and finds by either seq', () => {
    const list = descriptionsInLog(sharedLog('audio-video'));
    const localOffer = list.find((d) => d.source === 'setLocalDescription' && d.type === 'offer')!;
    const answer = counterpart(list, localOffer)!;
    expect(answer).toMatchObject({ pc: localOffer.pc, type: 'answer', side: 'remote' });
    expect(counterpart(list, answer)?.type).toBe('offer');
    for (const seq of [localOffer.seq, ...localOffer.alsoSeq]) expect(findDescription(list, seq)).toBe(localOffer);
  });

  it('finds the previous description of the same side on renegotiation', () => {
    const list = descriptionsInLog(sharedLog('renegotiation'));
    const offers = list.filter((d) => d.pc === 1 && d.source === 'setLocalDescription' && d.type === 'offer');
    expect(offers.length).toBeGreaterThanOrEqual(2);
    const previous = previousOfSide(list, offers.at(-1)!);
    expect(previous?.side).toBe('local');
    expect(previous?.sdp).not.toBe(offers.at(-1)!.sdp);
  });
});

describe('a description selected through a PeerJS message', () => {
  it('opens the same text as a connection applied it, or the message copy', () => {
    const events = sharedLog('peerjs-data');
    const list = descriptionsInLog(events);
    const offerMessage = events.find((e) => e.type === 'peerjs.signal' && e.messageType === 'OFFER')!;
    const shown = describedAt(events, list, offerMessage.seq)!;
    const payload = (offerMessage as unknown as { payload: { sdp: { sdp: string } } }).payload.sdp.sdp;
    expect(shown.sdp).toBe(payload);
    expect(describedAt(events, list, -1)).toBeUndefined();
    expect(describedAt(events, [], offerMessage.seq)).toMatchObject({ source: 'peerjs', sdp: payload, pcLabel: expect.stringContaining('signaller') });
  });
});

describe('a description edited in the Munging tab', () => {
  it('shows the text the browser was given, not the original, for explicit and implicit calls', () => {
    const base = { t: 1 } as const;
    const original = 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n';
    const edited = original.replace('s=-', 's=edited');
    const list = descriptionsInLog([
      { ...base, seq: 0, type: 'pc.call', pc: 1, call: 1, method: 'setRemoteDescription', args: [{ type: 'offer', sdp: original }] },
      { ...base, seq: 1, type: 'pc.munge', pc: 1, call: 1, method: 'setRemoteDescription', sdpType: 'offer', original, edited, created: false },
      { ...base, seq: 2, type: 'pc.result', pc: 1, call: 1, method: 'setRemoteDescription', ok: true },
      { ...base, seq: 3, type: 'pc.call', pc: 1, call: 2, method: 'setLocalDescription', args: [] },
      { ...base, seq: 4, type: 'pc.munge', pc: 1, call: 2, method: 'setLocalDescription', sdpType: 'answer', original, edited, created: true },
      { ...base, seq: 5, type: 'pc.result', pc: 1, call: 2, method: 'setLocalDescription', ok: false, error: { name: 'OperationError', message: 'no' } },
    ]);
    expect(list.map((d) => [d.source, d.sdp, d.munged, d.applied])).toEqual([
      ['setRemoteDescription', edited, true, true],
      ['setLocalDescription', edited, true, false],
    ]);
  });
});
