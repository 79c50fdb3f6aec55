/**
 * Records what a Peer and the signaller say to each other. PeerJS keeps its
 * socket in a small wrapper (`peer.socket`, an event emitter around a
 * WebSocket that it creates in `start()`); both are internal to PeerJS 1.5,
 * which the runtime bundles, so the shape is fixed by the bundled version.
 *
 * - In: the wrapper's `emit('message', parsed)` is observed before PeerJS's
 *   own handler runs, so an OPEN is logged before the Peer's `open`.
 * - Out: each WebSocket's `send` is observed after it succeeded, which is
 *   exactly what went on the wire (PeerJS queues messages before it has an id).
 * HEARTBEATs are left out: they carry nothing and arrive every few seconds.
 */
import type { Json } from '../../log/events.ts';
import { toJson } from '../json.ts';
import type { Recorder } from '../recorder.ts';

interface SocketWrapper {
  _socket?: WebSocket;
  start(...args: unknown[]): unknown;
  emit(event: string, ...args: unknown[]): boolean;
}

interface ServerMessage {
  type?: unknown;
  src?: unknown;
  dst?: unknown;
  payload?: unknown;
}

export function recordSignalling(socket: SocketWrapper | undefined, peer: number, recorder: Recorder): void {
  if (!socket || typeof socket.start !== 'function' || typeof socket.emit !== 'function') return;
  const record = (direction: 'in' | 'out', message: unknown) => {
    if (typeof message !== 'object' || message === null) return;
    const { type, src, dst, payload } = message as ServerMessage;
    if (typeof type !== 'string' || type === 'HEARTBEAT') return;
    const connectionId = (payload as { connectionId?: unknown } | undefined)?.connectionId;
    recorder.record({
      type: 'peerjs.signal',
      peer,
      direction,
      messageType: type,
      ...(typeof src === 'string' ? { src } : {}),
      ...(typeof dst === 'string' ? { dst } : {}),
      ...(typeof connectionId === 'string' ? { connectionId } : {}),
      payload: toJson(payload ?? null) as Json,
    });
  };

  const emit = socket.emit;
  socket.emit = function (this: SocketWrapper, event: string, ...args: unknown[]) {
    if (event === 'message') record('in', args[0]);
    return emit.call(this, event, ...args);
  };

  const hooked = new WeakSet<WebSocket>();
  const hookWebSocket = (ws: WebSocket | undefined) => {
    if (!ws || hooked.has(ws)) return;
    hooked.add(ws);
    const send = ws.send;
    ws.send = function (this: WebSocket, data: Parameters<WebSocket["send"]>[0]) {
      send.call(this, data);
      if (typeof data === 'string') {
        try {
          record('out', JSON.parse(data));
        } catch {
          // Not JSON: not a PeerJS message.
        }
      }
    };
  };

  // With an id given, `new Peer(id)` already started the socket inside its constructor.
  hookWebSocket(socket._socket);
  const start = socket.start;
  socket.start = function (this: SocketWrapper, ...args: unknown[]) {
    const result = start.apply(this, args);
    hookWebSocket(this._socket);
    return result;
  };
}
