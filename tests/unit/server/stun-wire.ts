/**
 * The wire format of STUN (RFC 8489), TURN (RFC 8656) and TURN over TCP
 * relays (RFC 6062), as far as the test client (turn-client.ts) needs it:
 * messages with MESSAGE-INTEGRITY and FINGERPRINT, XOR addresses, ChannelData.
 * Pure functions over Buffers; the sockets are the client's.
 */
import { createHash, createHmac } from 'node:crypto';
import { isIPv6 } from 'node:net';

const MAGIC_COOKIE = 0x2112a442;

export const Method = {
  allocate: 0x003,
  refresh: 0x004,
  send: 0x006,
  data: 0x007,
  createPermission: 0x008,
  channelBind: 0x009,
  connect: 0x00a,
  connectionBind: 0x00b,
} as const;

export const Class = { request: 0, indication: 1, success: 2, error: 3 } as const;

export const Attr = {
  username: 0x0006,
  messageIntegrity: 0x0008,
  errorCode: 0x0009,
  channelNumber: 0x000c,
  lifetime: 0x000d,
  xorPeerAddress: 0x0012,
  data: 0x0013,
  realm: 0x0014,
  nonce: 0x0015,
  xorRelayedAddress: 0x0016,
  requestedAddressFamily: 0x0017,
  requestedTransport: 0x0019,
  connectionId: 0x002a,
} as const;

/** IANA protocol numbers, as REQUESTED-TRANSPORT carries them. */
export const TRANSPORT = { udp: 17, tcp: 6 } as const;

export interface Address {
  ip: string;
  port: number;
}

export interface StunMessage {
  method: number;
  cls: number;
  transactionId: Buffer;
  attributes: Map<number, Buffer>;
}

/** What a request got: 200 for a success response, else the error code and reason coturn sent. */
export interface Outcome {
  status: number;
  reason: string;
  message: StunMessage;
}

// --- Wire format -----------------------------------------------------------

/** The 14-bit message type: method bits interleaved with the two class bits (RFC 8489 §5). */
function messageType(method: number, cls: number): number {
  return (method & 0x000f) | ((method & 0x0070) << 1) | ((method & 0x0f80) << 2) | ((cls & 1) << 4) | ((cls & 2) << 7);
}

function attribute(type: number, value: Buffer): Buffer {
  const header = Buffer.alloc(4);
  header.writeUInt16BE(type, 0);
  header.writeUInt16BE(value.length, 2);
  return Buffer.concat([header, value, Buffer.alloc((4 - (value.length % 4)) % 4)]);
}

function header(type: number, length: number, transactionId: Buffer): Buffer {
  const buffer = Buffer.alloc(20);
  buffer.writeUInt16BE(type, 0);
  buffer.writeUInt16BE(length, 2);
  buffer.writeUInt32BE(MAGIC_COOKIE, 4);
  transactionId.copy(buffer, 8);
  return buffer;
}

/**
 * A STUN message. With `key`, MESSAGE-INTEGRITY is appended: HMAC-SHA1 over
 * the message so far, with the header's length already counting the
 * integrity attribute itself (RFC 8489 §14.5).
 */
export function encodeStun(method: number, cls: number, transactionId: Buffer, attributes: [number, Buffer][], key?: Buffer): Buffer {
  const body = Buffer.concat(attributes.map(([type, value]) => attribute(type, value)));
  if (!key) return Buffer.concat([header(messageType(method, cls), body.length, transactionId), body]);
  const signed = Buffer.concat([header(messageType(method, cls), body.length + 24, transactionId), body]);
  const mac = createHmac('sha1', key).update(signed).digest();
  return Buffer.concat([signed, attribute(Attr.messageIntegrity, mac)]);
}

export function decodeStun(buffer: Buffer): StunMessage | null {
  if (buffer.length < 20 || buffer.readUInt32BE(4) !== MAGIC_COOKIE) return null;
  const type = buffer.readUInt16BE(0);
  const method = (type & 0x000f) | ((type & 0x00e0) >> 1) | ((type & 0x3e00) >> 2);
  const cls = ((type & 0x0010) >> 4) | ((type & 0x0100) >> 7);
  const end = Math.min(buffer.length, 20 + buffer.readUInt16BE(2));
  const attributes = new Map<number, Buffer>();
  for (let at = 20; at + 4 <= end; ) {
    const length = buffer.readUInt16BE(at + 2);
    if (!attributes.has(buffer.readUInt16BE(at))) attributes.set(buffer.readUInt16BE(at), buffer.subarray(at + 4, at + 4 + length));
    at += 4 + length + ((4 - (length % 4)) % 4);
  }
  return { method, cls, transactionId: buffer.subarray(8, 20), attributes };
}

/** XOR-PEER-ADDRESS and friends: the port and address XORed with the cookie (and, for IPv6, the transaction id). */
export function encodeXorAddress({ ip, port }: Address, transactionId: Buffer): Buffer {
  const v6 = isIPv6(ip);
  const raw = v6 ? ipv6Bytes(ip) : Buffer.from(ip.split('.').map(Number));
  const mask = Buffer.concat([u32(MAGIC_COOKIE), transactionId]);
  const value = Buffer.alloc(4 + raw.length);
  value.writeUInt8(v6 ? 0x02 : 0x01, 1);
  value.writeUInt16BE(port ^ (MAGIC_COOKIE >>> 16), 2);
  raw.forEach((byte, i) => value.writeUInt8(byte ^ mask[i]!, 4 + i));
  return value;
}

export function decodeXorAddress(value: Buffer, transactionId: Buffer): Address {
  const mask = Buffer.concat([u32(MAGIC_COOKIE), transactionId]);
  const raw = Buffer.from(value.subarray(4).map((byte, i) => byte ^ mask[i]!));
  const ip = raw.length === 4 ? [...raw].join('.') : (raw.toString('hex').match(/.{4}/g) ?? []).join(':');
  return { ip, port: value.readUInt16BE(2) ^ (MAGIC_COOKIE >>> 16) };
}

function ipv6Bytes(ip: string): Buffer {
  const [head = '', tail = ''] = ip.split('::');
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  let parts = groups(head);
  let rest = groups(tail);
  // An embedded IPv4 address (::ffff:127.0.0.1) is the last two groups.
  const last = (ip.includes('::') ? rest : parts).at(-1) ?? '';
  if (last.includes('.')) {
    const v4 = last.split('.').map(Number);
    const embedded = [((v4[0]! << 8) | v4[1]!).toString(16), ((v4[2]! << 8) | v4[3]!).toString(16)];
    if (ip.includes('::')) rest = [...rest.slice(0, -1), ...embedded];
    else parts = [...parts.slice(0, -1), ...embedded];
  }
  const all = ip.includes('::') ? [...parts, ...Array<string>(8 - parts.length - rest.length).fill('0'), ...rest] : parts;
  return Buffer.concat(all.map((group) => u16(parseInt(group, 16))));
}

export function u16(value: number): Buffer {
  const buffer = Buffer.alloc(2);
  buffer.writeUInt16BE(value);
  return buffer;
}

export function u32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32BE(value >>> 0);
  return buffer;
}

/** ChannelData (RFC 8656 §12.4): channel number, length, data; padded to 4 bytes over TCP. */
export function encodeChannelData(channel: number, data: Buffer, pad: boolean): Buffer {
  const head = Buffer.concat([u16(channel), u16(data.length)]);
  return Buffer.concat([head, data, Buffer.alloc(pad ? (4 - (data.length % 4)) % 4 : 0)]);
}

/** Over TCP, messages arrive as a stream: the length of the frame at the start of `buffer`, or 0 when incomplete. */
export function frameLength(buffer: Buffer): number {
  if (buffer.length < 4) return 0;
  const length = buffer[0]! >= 0x40 ? 4 + buffer.readUInt16BE(2) + ((4 - (buffer.readUInt16BE(2) % 4)) % 4) : 20 + buffer.readUInt16BE(2);
  return buffer.length >= length ? length : 0;
}
