/**
 * Numbers the frame's peer connections and data channels (from 1, in creation
 * order, as events.ts promises) and remembers them for Stop.
 */
export interface ChannelId {
  pc: number;
  dc: number;
}

export class RtcRegistry {
  /** Every connection created in this frame, for Stop. */
  readonly connections = new Set<RTCPeerConnection>();
  private readonly pcNumbers = new WeakMap<RTCPeerConnection, number>();
  private readonly channels = new WeakMap<RTCDataChannel, ChannelId>();
  /** When setLocalDescription was last called, per connection: candidates report time since then. */
  readonly localDescriptionAt = new WeakMap<RTCPeerConnection, number>();
  private pcCount = 0;
  private dcCount = 0;
  private callCount = 0;

  addConnection(pc: RTCPeerConnection): number {
    const n = ++this.pcCount;
    this.pcNumbers.set(pc, n);
    this.connections.add(pc);
    return n;
  }

  pcNumber(pc: unknown): number | undefined {
    return typeof pc === 'object' && pc !== null ? this.pcNumbers.get(pc as RTCPeerConnection) : undefined;
  }

  addChannel(pc: number, channel: RTCDataChannel): ChannelId {
    const id = { pc, dc: ++this.dcCount };
    this.channels.set(channel, id);
    return id;
  }

  channel(channel: RTCDataChannel): ChannelId | undefined {
    return this.channels.get(channel);
  }

  nextCall(): number {
    return ++this.callCount;
  }
}
