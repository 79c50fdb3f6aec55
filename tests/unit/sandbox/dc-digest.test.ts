import { describe, expect, it } from 'vitest';
import { bytesOf, digestHex, fnv1a, RunningDigest } from '../../../sandbox/runtime/rtc/digest.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('data-channel digests', () => {
  it('is FNV-1a 32 bit (published test vectors)', () => {
    expect(digestHex(fnv1a(bytes('')))).toBe('811c9dc5');
    expect(digestHex(fnv1a(bytes('a')))).toBe('e40c292c');
    expect(digestHex(fnv1a(bytes('foobar')))).toBe('bf9cf968');
  });

  it('runs on across messages: the running value equals the hash of all bytes in order', () => {
    const running = new RunningDigest();
    expect(running.add(bytes('foo'))).toEqual({ digest: digestHex(fnv1a(bytes('foo'))), digestTotal: digestHex(fnv1a(bytes('foo'))) });
    expect(running.add(bytes('bar'))).toEqual({ digest: digestHex(fnv1a(bytes('bar'))), digestTotal: 'bf9cf968' });
  });

  it('tells a reordering apart', () => {
    const inOrder = new RunningDigest();
    inOrder.add(bytes('chunk-1'));
    const swapped = new RunningDigest();
    swapped.add(bytes('chunk-2'));
    expect(swapped.add(bytes('chunk-1')).digestTotal).not.toBe(inOrder.add(bytes('chunk-2')).digestTotal);
  });

  it('reads ArrayBuffers and views (only the viewed bytes), not strings or Blobs', () => {
    const buffer = new Uint8Array([9, 1, 2, 3, 9]).buffer;
    expect(bytesOf(buffer)).toEqual(new Uint8Array([9, 1, 2, 3, 9]));
    expect(bytesOf(new Uint8Array(buffer, 1, 3))).toEqual(new Uint8Array([1, 2, 3]));
    expect(bytesOf(new DataView(buffer, 1, 3))).toEqual(new Uint8Array([1, 2, 3]));
    expect(bytesOf('text')).toBeNull();
    expect(bytesOf(new Blob(['x']))).toBeNull();
  });
});
