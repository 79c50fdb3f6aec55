/**
 * A small TURN client for tests: enough of STUN (RFC 8489), TURN (RFC 8656)
 * and TURN over TCP relays (RFC 6062) to ask our coturn for what an attacker
 * would ask, and see what it answers.
 *
 * Hand-written because no npm package covers it: `stun` (and its maintained
 * fork `@msimerson/stun`) encode TURN requests, but cannot write RFC 6062's
 * CONNECTION-ID (unknown attributes are read-only there), which the TCP relay
 * test needs, and `stun` itself pulls in `ip` and `parse-url` with known CVEs.
 *
 * Every wait is bounded: a request gives up after a few retransmissions, data
 * waits take a timeout. Only for loopback servers: it never resolves names.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { connect as tcpConnect, isIPv6, type Socket as TcpSocket } from 'node:net';
import {
  Attr,
  Class,
  decodeStun,
  decodeXorAddress,
  encodeChannelData,
  encodeStun,
  encodeXorAddress,
  frameLength,
  Method,
  TRANSPORT,
  u16,
  u32,
  type Address,
  type Outcome,
  type StunMessage,
} from './stun-wire.ts';

export { Method, type Address, type Outcome } from './stun-wire.ts';

// --- The client --------------------------------------------------------------

export interface TurnCredentials {
  username: string;
  password: string;
}

/** Data a peer sent back through the relay: from a Data indication or ChannelData. */
export interface Relayed {
  channel?: number;
  peer?: Address;
  data: Buffer;
}

interface Pending {
  resolve(message: StunMessage): void;
  timer?: NodeJS.Timeout;
}

const REQUEST_TIMEOUT_MS = 2000;

export class TurnClient {
  readonly received: Relayed[] = [];
  #write: (buffer: Buffer) => void;
  #close: () => void;
  #pending = new Map<string, Pending>();
  #waiters: (() => void)[] = [];
  #realm = '';
  #nonce = '';
  #key: Buffer | null = null;
  readonly #credentials: TurnCredentials;
  readonly #udp: boolean;

  private constructor(udp: boolean, credentials: TurnCredentials, write: (b: Buffer) => void, close: () => void) {
    this.#udp = udp;
    this.#credentials = credentials;
    this.#write = write;
    this.#close = close;
  }

  /** A client with its own socket (a distinct 5-tuple, so a distinct allocation) to a TURN server on loopback. */
  static async open(transport: 'udp' | 'tcp', server: Address, credentials: TurnCredentials): Promise<TurnClient> {
    if (transport === 'udp') {
      const socket: UdpSocket = createSocket(isIPv6(server.ip) ? 'udp6' : 'udp4');
      await new Promise<void>((resolve, reject) => {
        socket.once('error', reject);
        socket.connect(server.port, server.ip, () => resolve());
      });
      socket.on('error', () => {}); // ICMP errors: the request then times out, which the caller sees.
      const client = new TurnClient(true, credentials, (b) => socket.send(b), () => socket.close());
      socket.on('message', (message) => client.#onFrame(message));
      return client;
    }
    const socket = await openTcp(server);
    const client = new TurnClient(false, credentials, (b) => socket.write(b), () => socket.destroy());
    readFrames(socket, (frame) => client.#onFrame(frame));
    return client;
  }

  /** Allocate a relay; REQUESTED-TRANSPORT says which (RFC 6062 TCP only over a TCP control connection). */
  allocate(options: { transport?: 'udp' | 'tcp'; family?: 'ipv4' | 'ipv6'; lifetime?: number } = {}): Promise<Outcome & { relayed?: Address }> {
    const attributes: [number, Buffer][] = [[Attr.requestedTransport, Buffer.from([TRANSPORT[options.transport ?? 'udp'], 0, 0, 0])]];
    if (options.family === 'ipv6') attributes.push([Attr.requestedAddressFamily, Buffer.from([0x02, 0, 0, 0])]);
    if (options.lifetime !== undefined) attributes.push([Attr.lifetime, u32(options.lifetime)]);
    return this.request(Method.allocate, attributes).then((outcome) => {
      const relayed = outcome.message.attributes.get(Attr.xorRelayedAddress);
      return relayed ? { ...outcome, relayed: decodeXorAddress(relayed, outcome.message.transactionId) } : outcome;
    });
  }

  createPermission(ip: string): Promise<Outcome> {
    return this.request(Method.createPermission, [], (tid) => [[Attr.xorPeerAddress, encodeXorAddress({ ip, port: 0 }, tid)]]);
  }

  channelBind(channel: number, peer: Address): Promise<Outcome> {
    return this.request(Method.channelBind, [[Attr.channelNumber, Buffer.concat([u16(channel), u16(0)])]], (tid) => [
      [Attr.xorPeerAddress, encodeXorAddress(peer, tid)],
    ]);
  }

  /** RFC 6062: ask the server to open a TCP connection from the relay to `peer`; success carries CONNECTION-ID. */
  connect(peer: Address): Promise<Outcome & { connectionId?: Buffer }> {
    return this.request(Method.connect, [], (tid) => [[Attr.xorPeerAddress, encodeXorAddress(peer, tid)]]).then((outcome) => {
      const connectionId = outcome.message.attributes.get(Attr.connectionId);
      return connectionId ? { ...outcome, connectionId } : outcome;
    });
  }

  /** Send indication: data to `peer` through the relay, no answer expected. */
  send(peer: Address, data: Buffer): void {
    const tid = randomBytes(12);
    this.#write(encodeStun(Method.send, Class.indication, tid, [[Attr.xorPeerAddress, encodeXorAddress(peer, tid)], [Attr.data, data]]));
  }

  sendChannelData(channel: number, data: Buffer): void {
    this.#write(encodeChannelData(channel, data, !this.#udp));
  }

  /** Resolves with the first relayed data from now on, or null after `ms`. */
  nextData(ms: number): Promise<Relayed | null> {
    const seen = this.received.length;
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(null), ms);
      const check = () => {
        if (this.received.length === seen) return this.#waiters.push(check);
        clearTimeout(timer);
        resolve(this.received[seen]!);
      };
      check();
    });
  }

  /** Releases the allocation (Refresh with LIFETIME 0) when there is one, then closes the socket. */
  async close(): Promise<void> {
    if (this.#key) await this.request(Method.refresh, [[Attr.lifetime, u32(0)]]).catch(() => {});
    for (const pending of this.#pending.values()) clearTimeout(pending.timer);
    this.#close();
  }

  /**
   * A request, authenticated with the long-term credential mechanism: the
   * first one learns REALM and NONCE from a 401, and a 438 (stale nonce)
   * brings a new nonce; either is retried once. `late` adds attributes that
   * depend on the transaction id (XOR addresses).
   */
  async request(method: number, attributes: [number, Buffer][], late: (tid: Buffer) => [number, Buffer][] = () => []): Promise<Outcome> {
    for (let attempt = 0; ; attempt++) {
      const tid = randomBytes(12);
      const all = [...attributes, ...late(tid)];
      if (this.#key) all.push([Attr.username, Buffer.from(this.#credentials.username)], [Attr.realm, Buffer.from(this.#realm)], [Attr.nonce, Buffer.from(this.#nonce)]);
      const message = await this.#transact(tid, encodeStun(method, Class.request, tid, all, this.#key ?? undefined));
      const outcome = toOutcome(message);
      const realm = message.attributes.get(Attr.realm);
      const nonce = message.attributes.get(Attr.nonce);
      if ((outcome.status === 401 || outcome.status === 438) && nonce && attempt === 0) {
        this.#realm = realm?.toString() ?? this.#realm;
        this.#nonce = nonce.toString();
        this.#key = createHash('md5').update(`${this.#credentials.username}:${this.#realm}:${this.#credentials.password}`).digest();
        continue;
      }
      return outcome;
    }
  }

  /** Sends, retransmitting over UDP (loopback rarely loses, but a test must not hang on one lost datagram). */
  #transact(tid: Buffer, bytes: Buffer): Promise<StunMessage> {
    return new Promise((resolve, reject) => {
      const id = tid.toString('hex');
      const started = Date.now();
      const pending: Pending = { resolve };
      const send = () => {
        if (Date.now() - started > REQUEST_TIMEOUT_MS) {
          this.#pending.delete(id);
          reject(new Error(`no answer from the TURN server within ${REQUEST_TIMEOUT_MS} ms`));
          return;
        }
        this.#write(bytes);
        pending.timer = setTimeout(send, this.#udp ? 250 : REQUEST_TIMEOUT_MS + 1);
      };
      this.#pending.set(id, pending);
      send();
    });
  }

  #onFrame(frame: Buffer): void {
    if (frame.length >= 4 && frame[0]! >= 0x40 && frame[0]! < 0x80) {
      this.#deliver({ channel: frame.readUInt16BE(0), data: frame.subarray(4, 4 + frame.readUInt16BE(2)) });
      return;
    }
    const message = decodeStun(frame);
    if (!message) return;
    if (message.cls === Class.indication && message.method === Method.data) {
      const peer = message.attributes.get(Attr.xorPeerAddress);
      this.#deliver({ peer: peer && decodeXorAddress(peer, message.transactionId), data: message.attributes.get(Attr.data) ?? Buffer.alloc(0) });
      return;
    }
    const id = message.transactionId.toString('hex');
    const pending = this.#pending.get(id);
    if (!pending) return;
    this.#pending.delete(id);
    clearTimeout(pending.timer);
    pending.resolve(message);
  }

  #deliver(relayed: Relayed): void {
    this.received.push(relayed);
    for (const waiter of this.#waiters.splice(0)) waiter();
  }

  /**
   * RFC 6062 ConnectionBind: a new TCP connection to the server, bound to the
   * peer connection `connectionId`; once bound it carries the peer's bytes
   * raw. Resolves with the socket, or the refusal.
   */
  async connectionBind(server: Address, connectionId: Buffer): Promise<TcpSocket | Outcome> {
    const socket = await openTcp(server);
    const data = new TurnClient(false, this.#credentials, (b) => socket.write(b), () => socket.destroy());
    data.#realm = this.#realm;
    data.#nonce = this.#nonce;
    data.#key = this.#key;
    let buffered = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      const length = frameLength(buffered);
      if (length === 0) return;
      socket.off('data', onData);
      data.#onFrame(buffered.subarray(0, length));
      if (buffered.length > length) socket.unshift(buffered.subarray(length));
    };
    socket.on('data', onData);
    const outcome = await data.request(Method.connectionBind, [[Attr.connectionId, connectionId]]).catch((error: Error) => error);
    if (outcome instanceof Error || outcome.status !== 200) {
      socket.destroy();
      return outcome instanceof Error ? { status: 0, reason: outcome.message, message: emptyMessage() } : outcome;
    }
    return socket;
  }
}

function toOutcome(message: StunMessage): Outcome {
  if (message.cls === Class.success) return { status: 200, reason: 'OK', message };
  const error = message.attributes.get(Attr.errorCode);
  if (!error || error.length < 4) return { status: 0, reason: 'error response without ERROR-CODE', message };
  return { status: (error[2]! & 0x7) * 100 + error[3]!, reason: error.subarray(4).toString(), message };
}

function emptyMessage(): StunMessage {
  return { method: 0, cls: 0, transactionId: Buffer.alloc(12), attributes: new Map() };
}

function openTcp(server: Address): Promise<TcpSocket> {
  return new Promise((resolve, reject) => {
    const socket = tcpConnect({ host: server.ip, port: server.port });
    const timer = setTimeout(() => socket.destroy(new Error('TCP connect timed out')), REQUEST_TIMEOUT_MS);
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.on('error', () => {});
      resolve(socket);
    });
  });
}

/** Splits a TCP stream into STUN and ChannelData frames. */
function readFrames(socket: TcpSocket, onFrame: (frame: Buffer) => void): void {
  let buffered = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    for (let length = frameLength(buffered); length > 0; length = frameLength(buffered)) {
      onFrame(buffered.subarray(0, length));
      buffered = buffered.subarray(length);
    }
  });
}
