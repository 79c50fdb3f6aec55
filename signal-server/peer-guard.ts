/**
 * A gate in front of the `peer` package's socket handling. peer parses every
 * frame it is given, queues messages for absent peers without limit, and
 * reports each bad frame as an 'error'. The gate sees each frame first and
 * lets only well-formed PeerJS messages through, so a hostile or broken client
 * costs a counter increment instead of a log line, a queue entry or a crash.
 *
 * It works by wrapping the socket's `emit('message')`, the one place where a
 * frame can be refused before peer's own listener runs.
 */
import type { WebSocket } from 'ws';
import { rateLimiter } from './room-limits.ts';

export interface SignallerLimits {
  /** Largest frame in bytes; ws closes the socket with 1009 past it. */
  maxPayload: number;
  /** Frames one socket may send per second; past it the socket is closed with 1008. */
  messagesPerSecond: number;
  /**
   * Bytes one socket may send per second; past it the socket is closed with 1008. Every
   * frame is parsed before it can be judged, so without this a few sockets of 64 KiB
   * frames keep the process busy parsing and honest peers wait seconds for their turn.
   */
  bytesPerSecond: number;
  /** Messages held for one peer id that is not connected (peer delivers them if it connects in time). */
  maxQueuedPerAbsentPeer: number;
  /** Messages held for absent peers in all, so a flood to many made-up ids is bounded too. */
  maxQueuedTotal: number;
  /** Bytes (frame sizes) held for one absent peer id: 64 messages of 64 KiB would be 4 MiB. */
  maxQueuedBytesPerAbsentPeer: number;
  /** Bytes held for absent peers in all: 10,000 frames of 64 KiB would be 640 MB, several GB once parsed. */
  maxQueuedBytesTotal: number;
  /**
   * Bytes waiting to be written to one connected peer's socket past which
   * messages relayed to it are dropped: a peer that stops reading would
   * otherwise make the server hold everything sent to it.
   */
  maxRelayBacklogBytes: number;
  /** How long peer keeps a message for an absent peer (its expire_timeout), plus its sweep interval. */
  queueLifetimeMs: number;
}

export const DEFAULT_SIGNALLER_LIMITS: SignallerLimits = {
  maxPayload: 64 * 1024,
  // A PeerJS peer sends a heartbeat every 5 s and, per connection, an offer or
  // answer plus a few candidates: a mesh of many peers stays far below this.
  messagesPerSecond: 200,
  // Signalling is small: an offer with many codecs and simulcast is tens of KB, a candidate
  // a few hundred bytes. Media and files go peer to peer, never through here.
  bytesPerSecond: 1024 * 1024,
  maxQueuedPerAbsentPeer: 64,
  maxQueuedTotal: 10_000,
  // An honest OFFER with its candidates is a few KB to a few tens of KB; a
  // peer that is a few seconds late needs a handful of those held for it.
  maxQueuedBytesPerAbsentPeer: 512 * 1024,
  maxQueuedBytesTotal: 16 * 1024 * 1024,
  // Sixteen of the largest frames: a reading peer drains far faster than 200 frames a second arrive.
  maxRelayBacklogBytes: 1024 * 1024,
  queueLifetimeMs: 6_000,
};

/** The message types a PeerJS client sends to the server. */
const CLIENT_TYPES = new Set(['HEARTBEAT', 'OFFER', 'ANSWER', 'CANDIDATE', 'LEAVE']);
/** Types peer forwards to the destination (the others it handles itself). */
const RELAYED_TYPES = new Set(['OFFER', 'ANSWER', 'CANDIDATE']);

export type DropReason = 'binary' | 'invalid-json' | 'unknown-type' | 'no-destination' | 'rate-limit' | 'queue-full';

/** What the gate tells the metrics. */
export interface GuardEvents {
  relayed(): void;
  queued(): void;
  dropped(reason: DropReason): void;
}

type Verdict = { pass: true } | { pass: false; reason: DropReason };

/**
 * Counts what is waiting for peer ids that are not connected, in messages and
 * in bytes (a count alone lets 64 KiB frames hold gigabytes). Peer drops
 * those messages after its expire_timeout, and delivers them all when the id
 * connects, so an entry is forgotten after `lifetimeMs` or on connect.
 */
export class AbsentPeerQueues {
  private readonly counts = new Map<string, { count: number; bytes: number; since: number }>();
  private total = 0;
  private totalBytes = 0;
  private readonly limits: SignallerLimits;
  private readonly now: () => number;

  constructor(limits: SignallerLimits, now: () => number = Date.now) {
    this.limits = limits;
    this.now = now;
  }

  /** Takes a place for one message of `bytes` to `id`, or returns false when its queue (or all of them) is full. */
  reserve(id: string, bytes: number): boolean {
    const t = this.now();
    const { limits } = this;
    let entry = this.counts.get(id);
    if (entry && t - entry.since > limits.queueLifetimeMs) {
      this.forget(id);
      entry = undefined;
    }
    const full = () => this.total >= limits.maxQueuedTotal || this.totalBytes + bytes > limits.maxQueuedBytesTotal;
    if (full()) this.sweep();
    if (full()) return false;
    if (entry && (entry.count >= limits.maxQueuedPerAbsentPeer || entry.bytes + bytes > limits.maxQueuedBytesPerAbsentPeer)) return false;
    if (!entry && bytes > limits.maxQueuedBytesPerAbsentPeer) return false;
    if (entry) {
      entry.count++;
      entry.bytes += bytes;
    } else {
      this.counts.set(id, { count: 1, bytes, since: t });
    }
    this.total++;
    this.totalBytes += bytes;
    return true;
  }

  /** The id connected: peer hands it its queue. */
  forget(id: string): void {
    const entry = this.counts.get(id);
    if (!entry) return;
    this.total -= entry.count;
    this.totalBytes -= entry.bytes;
    this.counts.delete(id);
  }

  /** Drops entries peer has expired by now. */
  sweep(): void {
    const t = this.now();
    for (const [id, entry] of this.counts) if (t - entry.since > this.limits.queueLifetimeMs) this.forget(id);
  }

  get size(): number {
    return this.total;
  }

  get bytes(): number {
    return this.totalBytes;
  }
}

/** A frame's size in bytes as ws hands it over (a Buffer, or fragments of one). */
function frameBytes(data: unknown): number {
  if (Buffer.isBuffer(data)) return data.length;
  if (Array.isArray(data)) return data.reduce((sum: number, part: unknown) => sum + frameBytes(part), 0);
  if (data instanceof ArrayBuffer) return data.byteLength;
  return Buffer.byteLength(String(data));
}

/** Judges one frame. Pure apart from the queue reservation, so it is tested without sockets. */
export function judgeFrame(
  data: unknown,
  isBinary: boolean,
  isConnected: (id: string) => boolean,
  queues: AbsentPeerQueues,
  /** Bytes not yet written to a connected peer's socket, and the most it may have before relayed messages are dropped. */
  backlog: { of(id: string): number; max: number } = { of: () => 0, max: Infinity },
): Verdict & { relayed?: boolean; queued?: boolean } {
  if (isBinary) return { pass: false, reason: 'binary' };
  let message: unknown;
  try {
    message = JSON.parse(String(data));
  } catch {
    return { pass: false, reason: 'invalid-json' };
  }
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return { pass: false, reason: 'invalid-json' };
  const { type, dst } = message as { type?: unknown; dst?: unknown };
  if (typeof type !== 'string' || !CLIENT_TYPES.has(type)) return { pass: false, reason: 'unknown-type' };
  if (!RELAYED_TYPES.has(type)) return { pass: true };
  if (typeof dst !== 'string' || dst === '') return { pass: false, reason: 'no-destination' };
  if (isConnected(dst)) {
    if (backlog.of(dst) > backlog.max) return { pass: false, reason: 'queue-full' };
    return { pass: true, relayed: true };
  }
  if (!queues.reserve(dst, frameBytes(data))) return { pass: false, reason: 'queue-full' };
  return { pass: true, queued: true };
}

/** Installs the gate on a freshly upgraded peer socket, before peer sees it. */
export function guardSocket(
  ws: WebSocket,
  limits: SignallerLimits,
  isConnected: (id: string) => boolean,
  queues: AbsentPeerQueues,
  events: GuardEvents,
  backlogOf: (id: string) => number = () => 0,
): void {
  const backlog = { of: backlogOf, max: limits.maxRelayBacklogBytes };
  const limiter = rateLimiter(limits.messagesPerSecond);
  const byteLimiter = rateLimiter(limits.bytesPerSecond);
  const emit = ws.emit.bind(ws) as (event: string | symbol, ...args: unknown[]) => boolean;
  ws.emit = ((event: string | symbol, ...args: unknown[]): boolean => {
    if (event !== 'message') return emit(event, ...args);
    if (!limiter.allow()) {
      events.dropped('rate-limit');
      if (ws.readyState === ws.OPEN) ws.close(1008, `too many messages (over ${limits.messagesPerSecond} per second)`);
      return false;
    }
    if (!byteLimiter.allow(frameBytes(args[0]))) {
      events.dropped('rate-limit');
      if (ws.readyState === ws.OPEN) ws.close(1008, `too much data (over ${Math.round(limits.bytesPerSecond / 1024)} KiB per second)`);
      return false;
    }
    const verdict = judgeFrame(args[0], args[1] === true, isConnected, queues, backlog);
    if (!verdict.pass) {
      events.dropped(verdict.reason);
      return false;
    }
    if (verdict.relayed) events.relayed();
    if (verdict.queued) events.queued();
    return emit(event, ...args);
  }) as WebSocket['emit'];
}
