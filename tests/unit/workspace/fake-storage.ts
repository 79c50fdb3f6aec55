/** A Storage stand-in that can be told to fail like a real one does. */
export class FakeStorage {
  readonly items = new Map<string, string>();
  /** When set, setItem throws this (e.g. a QuotaExceededError). */
  failWrites: unknown = undefined;
  /** When set, every access throws this (storage blocked). */
  failAll: unknown = undefined;

  getItem(key: string): string | null {
    if (this.failAll) throw this.failAll;
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.failAll) throw this.failAll;
    if (this.failWrites) throw this.failWrites;
    this.items.set(key, String(value));
  }
  removeItem(key: string): void {
    if (this.failAll) throw this.failAll;
    this.items.delete(key);
  }
}

export function quotaError(): Error {
  const error = new Error('The quota has been exceeded.');
  error.name = 'QuotaExceededError';
  return error;
}
