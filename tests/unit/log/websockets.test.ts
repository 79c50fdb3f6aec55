import { describe, expect, it } from 'vitest';
import { signalKind, webSockets, wsMessages } from '../../../sandbox/log/websockets.ts';
import { LogBuilder, OFFER_SDP } from './builder.ts';

const cut = (text: string) => text.slice(0, 200);

describe('signalKind', () => {
  it('recognises descriptions from the start of a cut JSON message', () => {
    expect(signalKind(cut(JSON.stringify({ description: { type: 'offer', sdp: OFFER_SDP } })))).toBe('offer');
    expect(signalKind(cut(JSON.stringify({ type: 'answer', sdp: OFFER_SDP })))).toBe('answer');
    expect(signalKind(cut(JSON.stringify({ kind: 'sdp', data: { type: 'rollback', sdp: '' } })))).toBe('rollback');
  });

  it('recognises candidates however they are wrapped, but not the end-of-candidates marker', () => {
    const candidate = { candidate: 'candidate:1 1 udp 2122260223 x.local 5000 typ host', sdpMid: '0', sdpMLineIndex: 0 };
    expect(signalKind(JSON.stringify({ candidate }))).toBe('candidate');
    expect(signalKind(JSON.stringify({ ice: candidate }))).toBe('candidate');
    expect(signalKind(cut(JSON.stringify({ candidate: { ...candidate, usernameFragment: 'x'.repeat(300) } })))).toBe('candidate');
    expect(signalKind(JSON.stringify({ candidate: null }))).toBe('other');
    expect(signalKind(JSON.stringify({ candidate: { candidate: '' } }))).toBe('other');
  });

  it('calls anything else other', () => {
    expect(signalKind('hello')).toBe('other');
    expect(signalKind('{"type":"join"}')).toBe('other');
    expect(signalKind(JSON.stringify({ sdp: OFFER_SDP, type: 'offer' }).slice(0, 200))).toBe('other'); // type cut off
  });
});

describe('webSockets', () => {
  it('summarises each socket: url, open, close, messages with their kind', () => {
    const log = new LogBuilder()
      .push({ type: 'ws', socket: 1, event: 'open', url: 'ws://localhost:4321/rooms/a' })
      .push({ type: 'ws', socket: 1, event: 'message', direction: 'sent', bytes: 900, preview: cut(JSON.stringify({ description: { type: 'offer', sdp: OFFER_SDP } })) })
      .push({ type: 'ws', socket: 2, event: 'message', direction: 'received', bytes: 4 })
      .push({ type: 'ws', socket: 2, event: 'close', url: 'ws://localhost:4321/rooms/a', code: 1003, reason: 'binary messages are not relayed' });
    const [one, two] = webSockets(log.events);
    expect(one).toMatchObject({ socket: 1, url: 'ws://localhost:4321/rooms/a', opened: true, closed: null });
    expect(one?.messages.map((m) => [m.direction, m.kind, m.bytes])).toEqual([['sent', 'offer', 900]]);
    expect(two).toMatchObject({ opened: false, closed: { code: 1003, reason: 'binary messages are not relayed' } });
    expect(two?.messages[0]?.kind).toBe('binary');
    expect(wsMessages(log.events, 'received').map((m) => m.socket)).toEqual([2]);
  });
});
