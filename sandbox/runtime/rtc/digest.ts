/**
 * A cheap fingerprint of binary data-channel messages: FNV-1a (32 bit) over
 * the bytes. It lets a check tell that what arrived equals what was sent
 * without the runtime keeping a copy of the data. Not a cryptographic hash:
 * it only has to catch a lost, reordered or corrupted chunk, which it does.
 *
 * Each channel end keeps one running state per direction, continued from one
 * message to the next, so the running value after the last message covers
 * every byte in order: equal values on the sending and the receiving end mean
 * the same bytes crossed in the same order. Pure.
 */

export const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a of `bytes`, continuing from `state` (the offset basis for a fresh hash). */
export function fnv1a(bytes: Uint8Array, state: number = FNV_OFFSET): number {
  let hash = state;
  for (let i = 0; i < bytes.length; i++) {
    hash ^= bytes[i] as number;
    hash = Math.imul(hash, FNV_PRIME);
  }
  return hash >>> 0;
}

/** Eight lower-case hex digits, as the log records a digest. */
export function digestHex(hash: number): string {
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** The bytes of a message the runtime can read synchronously (a Blob cannot be). */
export function bytesOf(data: unknown): Uint8Array | null {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return null;
}

/** One direction of one channel end: the running hash over every binary byte so far. */
export class RunningDigest {
  private state = FNV_OFFSET;

  /** Adds a message; returns its own digest and the running one, both as hex. */
  add(bytes: Uint8Array): { digest: string; digestTotal: string } {
    this.state = fnv1a(bytes, this.state);
    return { digest: digestHex(fnv1a(bytes)), digestTotal: digestHex(this.state) };
  }
}
