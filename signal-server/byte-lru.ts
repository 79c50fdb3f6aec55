/**
 * A least-recently-used cache bounded by the total size of its values, not by
 * their count: what a client sends decides how big each value is, so only a
 * byte bound keeps memory bounded whatever it sends.
 */
export class ByteLru {
  private readonly entries = new Map<string, string>();
  private bytes = 0;
  readonly maxBytes: number;

  constructor(maxBytes: number) {
    this.maxBytes = maxBytes;
  }

  /** Strings are counted at two bytes a character (UTF-16, as V8 may hold them). */
  static sizeOf(key: string, value: string): number {
    return 2 * (key.length + value.length);
  }

  get size(): number {
    return this.entries.size;
  }

  get totalBytes(): number {
    return this.bytes;
  }

  get(key: string): string | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    // Map keeps insertion order: moving the entry to the end marks it most recently used.
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Keeps `value` unless it alone is over the bound; evicts the least recently used until it fits. */
  set(key: string, value: string): void {
    this.delete(key);
    const size = ByteLru.sizeOf(key, value);
    if (size > this.maxBytes) return;
    this.entries.set(key, value);
    this.bytes += size;
    for (const oldest of this.entries.keys()) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(oldest);
    }
  }

  delete(key: string): void {
    const value = this.entries.get(key);
    if (value === undefined) return;
    this.entries.delete(key);
    this.bytes -= ByteLru.sizeOf(key, value);
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }
}
