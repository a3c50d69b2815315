import { describe, expect, it } from 'vitest';

import { LruCache } from '../../src/core/cache/index.js';

describe('LruCache', () => {
  it('makes a value once, then serves it', () => {
    const cache = new LruCache<string, number>(2);
    let made = 0;
    const make = (key: string) => (made++, key.length);
    expect(cache.getOrMake('abc', make)).toBe(3);
    expect(cache.getOrMake('abc', make)).toBe(3);
    expect(made).toBe(1);
  });

  it('drops the least recently used entry beyond its size', () => {
    const cache = new LruCache<string, string>(2);
    const made: string[] = [];
    const make = (key: string) => (made.push(key), key);
    cache.getOrMake('a', make);
    cache.getOrMake('b', make);
    cache.getOrMake('a', make);
    cache.getOrMake('c', make);
    expect(cache.size).toBe(2);

    cache.getOrMake('a', make);
    cache.getOrMake('b', make);
    expect(made).toEqual(['a', 'b', 'c', 'b']);
  });

  it('keeps an undefined value as a value', () => {
    const cache = new LruCache<string, undefined>(1);
    let made = 0;
    cache.getOrMake('x', () => void made++);
    cache.getOrMake('x', () => void made++);
    expect(made).toBe(1);
  });

  it('refuses a size that is not a positive integer', () => {
    for (const size of [0, -1, 1.5, Number.NaN]) {
      expect(() => new LruCache(size)).toThrow(TypeError);
    }
  });
});
