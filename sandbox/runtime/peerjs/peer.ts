/**
 * The playground's Peer: PeerJS's own class, subclassed so that options
 * default to our signaller and ICE servers (see options.ts) and so that its
 * life, its connections and its signalling are recorded. Listeners are added
 * with `on`, alongside the learner's; nothing PeerJS does is replaced.
 */
import { toJson } from '../json.ts';
import type { Recorder } from '../recorder.ts';
import { peerErrorJson, recordConnection, type ConnectionLike } from './connections.ts';
import { resolvePeerArgs, type PeerDefaults } from './options.ts';
import { recordSignalling } from './signal.ts';

export interface PeerLike {
  socket?: unknown;
  destroy(): void;
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  connect(...args: unknown[]): unknown;
  call(...args: unknown[]): unknown;
}

type PeerClass = new (...args: any[]) => PeerLike;

export interface PeerContext {
  recorder: Recorder;
  defaults: PeerDefaults;
  /** Prints a warning in the learner's console. */
  warn(text: string): void;
  pcNumber(pc: unknown): number | undefined;
}

/** Every Peer of the frame, for Stop. */
export class PeerRegistry {
  readonly peers = new Set<PeerLike>();
  private count = 0;
  readonly connections = new WeakSet<object>();
  add(peer: PeerLike): number {
    this.peers.add(peer);
    return ++this.count;
  }
  destroyAll(): void {
    for (const peer of this.peers) {
      try {
        peer.destroy();
      } catch {
        // A Peer that fails to tear down is gone with the frame anyway.
      }
    }
  }
}

export function wrapPeerClass<C extends PeerClass>(Base: C, context: PeerContext, registry: PeerRegistry): C {
  const { recorder } = context;
  const numbers = new WeakMap<object, number>();

  const adoptConnection = (peer: object, connection: unknown) => {
    const n = numbers.get(peer);
    if (n === undefined || typeof connection !== 'object' || connection === null) return;
    recordConnection(connection as ConnectionLike, n, recorder, context.pcNumber, registry.connections);
  };

  const Wrapped = class Peer extends Base {
    constructor(...args: any[]) {
      const resolved = resolvePeerArgs(args[0], args[1], context.defaults);
      if (resolved.warning) context.warn(resolved.warning);
      super(...(resolved.id === undefined ? [resolved.options] : [resolved.id, resolved.options]));

      const n = registry.add(this);
      numbers.set(this, n);
      recorder.record({
        type: 'peerjs.peer',
        peer: n,
        event: 'created',
        ...(resolved.id === undefined ? {} : { id: String(resolved.id) }),
        options: toJson(resolved.options),
      });
      this.on('open', (id) => recorder.record({ type: 'peerjs.peer', peer: n, event: 'open', id: String(id) }));
      this.on('disconnected', (id) => recorder.record({ type: 'peerjs.peer', peer: n, event: 'disconnected', ...(id ? { id: String(id) } : {}) }));
      this.on('close', () => recorder.record({ type: 'peerjs.peer', peer: n, event: 'close' }));
      this.on('error', (error) => recorder.record({ type: 'peerjs.peer', peer: n, event: 'error', error: peerErrorJson(error) }));
      this.on('connection', (connection) => adoptConnection(this, connection));
      this.on('call', (connection) => adoptConnection(this, connection));
      recordSignalling(this.socket as Parameters<typeof recordSignalling>[0], n, recorder);
    }

    override connect(...args: unknown[]): unknown {
      const connection = super.connect(...args);
      adoptConnection(this, connection);
      return connection;
    }

    override call(...args: unknown[]): unknown {
      const connection = super.call(...args);
      adoptConnection(this, connection);
      return connection;
    }
  };
  Object.defineProperty(Wrapped, 'name', { value: Base.name });
  return Wrapped;
}
