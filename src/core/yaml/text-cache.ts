/**
 * A least-recently-used map keyed by (long) text, bounded by the total length of its keys: per-document
 * caches must not pin an unbounded amount of memory when huge files come and go.
 */
export class TextKeyedCache<V> {
  private readonly entries = new Map<string, V>();
  private chars = 0;

  constructor(private readonly maxChars: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // Map iterates in insertion order: re-inserting marks the entry most recently used.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    if (this.entries.has(key)) this.entries.delete(key);
    else this.chars += key.length;
    this.entries.set(key, value);
    for (const oldKey of this.entries.keys()) {
      if (this.chars <= this.maxChars) break;
      this.entries.delete(oldKey);
      this.chars -= oldKey.length;
    }
  }

  clear(): void {
    this.entries.clear();
    this.chars = 0;
  }
}
