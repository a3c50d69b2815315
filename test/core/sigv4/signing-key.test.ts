import { describe, expect, it } from 'vitest';

import {
  deriveSigningKey,
  SigningKeyCache,
  type Credential,
} from '../../../src/core/sigv4/index.js';

const cred = (over: Partial<Credential> = {}): Credential => ({
  accessKeyId: 'AKIDEXAMPLE',
  date: '20260115',
  region: 'us-east-1',
  service: 'iam',
  ...over,
});

const derive = (secret: string, c: Credential): string =>
  deriveSigningKey(secret, c.date, c.region, c.service).toString('hex');

describe('SigningKeyCache', () => {
  it('returns the derived key, and the same buffer on a hit', () => {
    const cache = new SigningKeyCache();
    const first = cache.get('secret', cred());
    expect(first.toString('hex')).toBe(derive('secret', cred()));
    expect(cache.get('secret', cred())).toBe(first);
  });

  it('invariant: a changed secret never gets the old key', () => {
    const cache = new SigningKeyCache();
    cache.get('old secret', cred());
    expect(cache.get('new secret', cred()).toString('hex')).toBe(derive('new secret', cred()));
  });

  it.each([
    ['date', { date: '20260116' }],
    ['region', { region: 'eu-west-1' }],
    ['service', { service: 'sts' }],
  ])('a different %s is a different key', (_field, over) => {
    const cache = new SigningKeyCache();
    cache.get('secret', cred());
    expect(cache.get('secret', cred(over)).toString('hex')).toBe(derive('secret', cred(over)));
  });

  it('invariant: fields cannot run into each other to share an entry', () => {
    const cache = new SigningKeyCache();
    const a = cred({ region: 'us-east-1', service: 'iam' });
    const b = cred({ region: 'us-east-1\niam', service: '' });
    const c = cred({ region: 'us-east-1","iam', service: '' });
    cache.get('secret', a);
    expect(cache.get('secret', b).toString('hex')).toBe(derive('secret', b));
    expect(cache.get('secret', c).toString('hex')).toBe(derive('secret', c));
    expect(cache.size).toBe(3);
  });

  it('is bounded, evicting the least recently used entry', () => {
    const cache = new SigningKeyCache(2);
    const one = cache.get('s', cred({ accessKeyId: 'one' }));
    const two = cache.get('s', cred({ accessKeyId: 'two' }));
    expect(cache.get('s', cred({ accessKeyId: 'one' }))).toBe(one);

    cache.get('s', cred({ accessKeyId: 'three' }));
    expect(cache.size).toBe(2);
    expect(cache.get('s', cred({ accessKeyId: 'one' }))).toBe(one);
    expect(cache.get('s', cred({ accessKeyId: 'two' }))).not.toBe(two);
  });

  it('stays bounded under many scopes', () => {
    const cache = new SigningKeyCache(16);
    for (let i = 0; i < 1000; i++) cache.get('s', cred({ accessKeyId: `key${i}` }));
    expect(cache.size).toBe(16);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses maxEntries %s', (max) => {
    expect(() => new SigningKeyCache(max)).toThrow(TypeError);
  });
});
