/**
 * Records the WebSockets the learner's code opens (lesson 4 builds its own
 * signalling on them): open, error, close (code, reason) and every text or
 * binary message each way, as `ws` events.
 *
 * `WebSocket` is replaced by a subclass, so `instanceof`, the constants and
 * every property behave as before. The subclass adds one listener per event
 * type with the browser's own addEventListener, in its constructor, so it runs
 * before any listener or on* handler of the learner's (a message is recorded
 * before whatever the learner does with it). `send` is recorded after the
 * browser accepted it: a send that throws (socket still connecting) throws the
 * same error and records nothing.
 *
 * PeerJS's own socket is left alone (`isInternal` says which): it is recorded
 * as `peerjs.signal` already.
 */
import type { Recorder } from './recorder.ts';

export const PREVIEW_CHARS = 200;

export interface WebSocketCaptureDeps {
  recorder: Recorder;
  /** addEventListener as the browser made it (natives.listen). */
  listen(target: EventTarget, type: string, handler: (event: Event) => void): void;
  /** True for a socket the playground itself opens (PeerJS's signalling). */
  isInternal(url: string): boolean;
}

type Ctor = new (url: string | URL, protocols?: string | string[]) => WebSocket;

/** `win` is the frame's window (or anything holding a WebSocket class). */
export function installWebSocketCapture(win: { WebSocket?: unknown }, deps: WebSocketCaptureDeps): void {
  const Native = win.WebSocket as Ctor | undefined;
  if (typeof Native !== 'function') return;
  const { recorder, listen } = deps;
  const numbers = new WeakMap<WebSocket, number>();
  let next = 1;

  const message = (socket: number, direction: 'sent' | 'received', data: unknown) => {
    const { bytes, preview } = measure(data);
    recorder.record({ type: 'ws', socket, event: 'message', direction, bytes, ...(preview === undefined ? {} : { preview }) });
  };

  class PlaygroundWebSocket extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      const href = this.url;
      if (deps.isInternal(href)) return;
      const socket = next++;
      numbers.set(this, socket);
      listen(this, 'open', () => recorder.record({ type: 'ws', socket, event: 'open', url: href }));
      listen(this, 'error', () => recorder.record({ type: 'ws', socket, event: 'error', url: href }));
      listen(this, 'close', (event) => {
        const { code, reason } = event as CloseEvent;
        recorder.record({ type: 'ws', socket, event: 'close', url: href, code, reason });
      });
      listen(this, 'message', (event) => message(socket, 'received', (event as MessageEvent).data));
    }

    override send(data: Parameters<WebSocket["send"]>[0]): void {
      super.send(data);
      const socket = numbers.get(this);
      if (socket !== undefined) message(socket, 'sent', data);
    }
  }
  Object.defineProperty(PlaygroundWebSocket, 'name', { value: 'WebSocket' });
  Object.defineProperty(win, 'WebSocket', { value: PlaygroundWebSocket, writable: true, configurable: true, enumerable: false });
}

const encoder = new TextEncoder();

/** Size in bytes (UTF-8 for text) and, for text, the first PREVIEW_CHARS characters. */
export function measure(data: unknown): { bytes: number; preview?: string } {
  if (typeof data === 'string') return { bytes: encoder.encode(data).byteLength, preview: data.slice(0, PREVIEW_CHARS) };
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return { bytes: data.byteLength };
  const size = (data as { size?: unknown } | null)?.size; // a Blob
  return { bytes: typeof size === 'number' ? size : 0 };
}

/**
 * PeerJS's signalling socket: our signaller's host and port, at `<path>/peerjs`
 * (PeerJS appends "peerjs" to the configured path).
 */
export function isPeerjsSocket(url: string, peerjs: { host: string; port: number; path: string }): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const port = parsed.port === '' ? (parsed.protocol === 'wss:' ? 443 : 80) : Number(parsed.port);
  const base = peerjs.path.endsWith('/') ? peerjs.path : `${peerjs.path}/`;
  return parsed.hostname === peerjs.host && port === peerjs.port && parsed.pathname.startsWith(`${base}peerjs`);
}
