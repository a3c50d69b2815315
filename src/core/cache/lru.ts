/**
 * A Map bounded to `maxEntries`, dropping the least recently used entry first. A Map keeps
 * insertion order, so a hit is moved to the young end by inserting it again. Kept by hand: it is
 * a dozen lines on the request path (signing keys, opened secrets, parsed policies).
 */
export class LruCache<K, V> {
  readonly #entries = new Map<K, V>();

  constructor(readonly maxEntries: number) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) {
      throw new TypeError('LruCache needs a positive integer maxEntries');
    }
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The value for `key`, or `make(key)` stored as the newest entry. */
  getOrMake(key: K, make: (key: K) => V): V {
    if (this.#entries.has(key)) {
      const hit = this.#entries.get(key) as V;
      this.#entries.delete(key);
      this.#entries.set(key, hit);
      return hit;
    }

    const made = make(key);
    this.#entries.set(key, made);
    if (this.#entries.size > this.maxEntries) {
      this.#entries.delete(this.#entries.keys().next().value as K);
    }
    return made;
  }
}
