import { describe, expect, it } from 'vitest';
import type { NewEvent, Recorder } from '../../../sandbox/runtime/recorder.ts';
import { installWebSocketCapture, isPeerjsSocket, measure } from '../../../sandbox/runtime/websocket.ts';

/** Stands in for the browser's WebSocket: an EventTarget whose send can fail like the real one. */
class FakeSocket extends EventTarget {
  static readonly OPEN = 1;
  readonly url: string;
  readyState = 0;
  sent: unknown[] = [];
  onmessage: ((event: MessageEvent) => void) | null = null;
  constructor(url: string | URL) {
    super();
    this.url = String(url);
    // Like the browser: the on* handler is a listener added when assigned; here, at construction.
    this.addEventListener('message', (event) => this.onmessage?.(event as MessageEvent));
  }
  send(data: unknown) {
    if (this.readyState !== 1) throw Object.assign(new Error("Failed to execute 'send' on 'WebSocket': Still in CONNECTING state."), { name: 'InvalidStateError' });
    this.sent.push(data);
  }
}

function setup() {
  const events: NewEvent[] = [];
  const recorder: Recorder = { record: (e) => events.push(e), flush: () => {}, post: () => {} };
  const win: { WebSocket?: unknown } = { WebSocket: FakeSocket };
  installWebSocketCapture(win, {
    recorder,
    listen: (target, type, handler) => target.addEventListener(type, handler),
    isInternal: (url) => url.includes('/peerjs/peerjs'),
  });
  const Socket = win.WebSocket as typeof FakeSocket;
  return { events, Socket };
}

const closeEvent = (code: number, reason: string) => Object.assign(new Event('close'), { code, reason });
const messageEvent = (data: unknown) => Object.assign(new Event('message'), { data });

describe('WebSocket capture', () => {
  it('keeps the class usable as before: instanceof, constants, url, name', () => {
    const { Socket } = setup();
    const socket = new Socket('ws://localhost:4321/rooms/abc');
    expect(socket).toBeInstanceOf(FakeSocket);
    expect(Socket.OPEN).toBe(1);
    expect(Socket.name).toBe('WebSocket');
    expect(socket.url).toBe('ws://localhost:4321/rooms/abc');
  });

  it('records open, messages both ways, and close, numbering sockets from 1', () => {
    const { Socket, events } = setup();
    const one = new Socket('ws://localhost:4321/rooms/abc');
    const two = new Socket('ws://localhost:4321/rooms/abc');
    one.readyState = 1;
    one.dispatchEvent(new Event('open'));
    one.send('{"type":"offer","sdp":"v=0"}');
    two.dispatchEvent(messageEvent('héllo'));
    two.dispatchEvent(messageEvent(new Uint8Array(5).buffer));
    one.dispatchEvent(closeEvent(1000, 'bye'));
    expect(one.sent).toEqual(['{"type":"offer","sdp":"v=0"}']);
    expect(events).toEqual([
      { type: 'ws', socket: 1, event: 'open', url: 'ws://localhost:4321/rooms/abc' },
      { type: 'ws', socket: 1, event: 'message', direction: 'sent', bytes: 28, preview: '{"type":"offer","sdp":"v=0"}' },
      { type: 'ws', socket: 2, event: 'message', direction: 'received', bytes: 6, preview: 'héllo' },
      { type: 'ws', socket: 2, event: 'message', direction: 'received', bytes: 5 },
      { type: 'ws', socket: 1, event: 'close', url: 'ws://localhost:4321/rooms/abc', code: 1000, reason: 'bye' },
    ]);
  });

  it('records a message before the learner’s handler runs', () => {
    const { Socket, events } = setup();
    const socket = new Socket('ws://localhost/rooms/x');
    const seen: number[] = [];
    socket.addEventListener('message', () => seen.push(events.length));
    socket.dispatchEvent(messageEvent('hi'));
    expect(seen).toEqual([1]);
  });

  it('a send that throws throws the same and records nothing', () => {
    const { Socket, events } = setup();
    const socket = new Socket('ws://localhost/rooms/x');
    expect(() => socket.send('too early')).toThrow(/CONNECTING/);
    expect(events).toEqual([]);
  });

  it('records errors with the url', () => {
    const { Socket, events } = setup();
    new Socket('ws://localhost/nowhere').dispatchEvent(new Event('error'));
    expect(events).toEqual([{ type: 'ws', socket: 1, event: 'error', url: 'ws://localhost/nowhere' }]);
  });

  it('leaves PeerJS’s own socket out, and does not count it', () => {
    const { Socket, events } = setup();
    const internal = new Socket('ws://localhost:4321/peerjs/peerjs?key=peerjs&id=a&token=b');
    internal.readyState = 1;
    internal.dispatchEvent(new Event('open'));
    internal.send('{"type":"HEARTBEAT"}');
    internal.dispatchEvent(messageEvent('{"type":"OPEN"}'));
    expect(internal.sent).toHaveLength(1);
    new Socket('ws://localhost:4321/rooms/r').dispatchEvent(new Event('open'));
    expect(events).toEqual([{ type: 'ws', socket: 1, event: 'open', url: 'ws://localhost:4321/rooms/r' }]);
  });

  it('previews only the first 200 characters, counts bytes of every kind of payload', () => {
    expect(measure('x'.repeat(500))).toEqual({ bytes: 500, preview: 'x'.repeat(200) });
    expect(measure(new Uint16Array(3))).toEqual({ bytes: 6 });
    expect(measure({ size: 42 })).toEqual({ bytes: 42 });
  });
});

describe('isPeerjsSocket', () => {
  const peerjs = { host: 'localhost', port: 4321, path: '/peerjs' };
  it('matches PeerJS’s socket on our signaller only', () => {
    expect(isPeerjsSocket('ws://localhost:4321/peerjs/peerjs?key=peerjs&id=1&token=2', peerjs)).toBe(true);
    expect(isPeerjsSocket('ws://localhost:4321/rooms/peerjs', peerjs)).toBe(false);
    expect(isPeerjsSocket('ws://localhost:4399/peerjs/peerjs?key=peerjs', peerjs)).toBe(false);
    expect(isPeerjsSocket('ws://127.0.0.1:4321/peerjs/peerjs?key=peerjs', peerjs)).toBe(false);
    expect(isPeerjsSocket('wss://localhost/peerjs/peerjs', { ...peerjs, port: 443, path: '/peerjs/' })).toBe(true);
    expect(isPeerjsSocket('not a url', peerjs)).toBe(false);
  });
});
