/**
 * Data channels: created (by createDataChannel or the datachannel event),
 * their readyState changes, and every message each way with its size and a
 * preview. Received messages and state changes are seen through listeners;
 * sent ones through RTCDataChannel.prototype.send, wrapped once, which records
 * after the browser accepted the message (a send that throws sent nothing).
 *
 * For flow control and file transfer lessons, a sent message also carries the
 * channel's bufferedAmount (and bufferedAmountLowThreshold) just after the
 * send, and a binary message a digest of its bytes plus a running digest of
 * every binary byte that channel end sent or received so far (./digest.ts).
 */
import { listen } from '../natives.ts';
import type { Recorder } from '../recorder.ts';
import { bytesOf, RunningDigest } from './digest.ts';
import type { RtcRegistry } from './registry.ts';

export const PREVIEW_CHARS = 200;

type DcState = 'connecting' | 'open' | 'closing' | 'closed';

export class DataChannels {
  private readonly lastState = new WeakMap<RTCDataChannel, DcState>();
  private readonly digests = new WeakMap<RTCDataChannel, { sent: RunningDigest; received: RunningDigest }>();
  private readonly recorder: Recorder;
  private readonly registry: RtcRegistry;

  constructor(recorder: Recorder, registry: RtcRegistry) {
    this.recorder = recorder;
    this.registry = registry;
  }

  /** Wraps send once for every channel in the frame; channels we did not adopt are ignored. */
  installSendHook(): void {
    const proto = RTCDataChannel.prototype;
    const nativeSend = proto.send as (this: RTCDataChannel, data: unknown) => void;
    const self = this;
    const send = function send(this: RTCDataChannel, data: unknown): void {
      nativeSend.call(this, data);
      const id = self.registry.channel(this);
      if (!id) return;
      self.recorder.record({
        type: 'dc.message',
        ...id,
        direction: 'sent',
        ...payload(data),
        ...self.digestOf(this, 'sent', data),
        bufferedAmount: this.bufferedAmount,
        bufferedAmountLowThreshold: this.bufferedAmountLowThreshold,
      });
    };
    Object.defineProperty(proto, 'send', { value: send, writable: true, enumerable: true, configurable: true });
  }

  adopt(pc: number, channel: RTCDataChannel, origin: 'local' | 'remote'): number {
    const id = this.registry.addChannel(pc, channel);
    this.recorder.record({
      type: 'dc.created',
      ...id,
      origin,
      label: channel.label,
      ordered: channel.ordered,
      maxRetransmits: channel.maxRetransmits,
      maxPacketLifeTime: channel.maxPacketLifeTime,
      protocol: channel.protocol,
      negotiated: channel.negotiated,
      id: channel.id,
    });
    this.lastState.set(channel, 'connecting');
    this.noteState(channel);
    for (const type of ['open', 'closing', 'close']) listen(channel, type, () => this.noteState(channel));
    listen(channel, 'message', (event) => {
      const data = (event as MessageEvent).data;
      this.recorder.record({ type: 'dc.message', ...id, direction: 'received', ...payload(data), ...this.digestOf(channel, 'received', data) });
    });
    return id.dc;
  }

  /** Digests for a binary message whose bytes are at hand; nothing for text or a Blob. */
  private digestOf(channel: RTCDataChannel, direction: 'sent' | 'received', data: unknown): { digest?: string; digestTotal?: string } {
    const bytes = bytesOf(data);
    if (!bytes) return {};
    let running = this.digests.get(channel);
    if (!running) {
      running = { sent: new RunningDigest(), received: new RunningDigest() };
      this.digests.set(channel, running);
    }
    return running[direction].add(bytes);
  }

  /** Records readyState when it moved (a remote channel may already be open when it arrives). */
  private noteState(channel: RTCDataChannel): void {
    const id = this.registry.channel(channel);
    const state = channel.readyState;
    if (!id || this.lastState.get(channel) === state) return;
    this.lastState.set(channel, state);
    this.recorder.record({ type: 'dc.state', ...id, value: state });
  }
}

function payload(data: unknown): { binary: boolean; bytes: number; preview?: string } {
  if (typeof data === 'string') return { binary: false, bytes: utf8Length(data), preview: data.slice(0, PREVIEW_CHARS) };
  if (data instanceof ArrayBuffer) return { binary: true, bytes: data.byteLength };
  if (ArrayBuffer.isView(data)) return { binary: true, bytes: data.byteLength };
  if (data instanceof Blob) return { binary: true, bytes: data.size };
  return { binary: true, bytes: 0 };
}

/** UTF-8 size without copying the string. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
