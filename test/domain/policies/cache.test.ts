import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { parsedPolicy } from '../../../src/domain/policies/cache.js';
import { testDeps, type TestDeps } from '../../support/deps.js';

const DOC = '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}';

describe('the parsed-policy cache', () => {
  let deps: TestDeps;

  beforeEach(async () => {
    deps = await testDeps();
  });

  afterEach(async () => {
    await deps.store.close();
  });

  it('parses a source key once and hands back the same document after', () => {
    const first = parsedPolicy(deps.store, { key: 'managed:ANPA1:v1', document: DOC });
    const again = parsedPolicy(deps.store, { key: 'managed:ANPA1:v1', document: DOC });
    const other = parsedPolicy(deps.store, { key: 'managed:ANPA1:v2', document: DOC });

    expect(again).toBe(first);
    expect(other).not.toBe(first);
    expect(other).toEqual(first);
  });

  it('keeps stores apart, so equal keys from two databases never mix', async () => {
    const elsewhere = await testDeps();
    const here = parsedPolicy(deps.store, { key: 'inline:r1', document: DOC });
    const there = parsedPolicy(elsewhere.store, {
      key: 'inline:r1',
      document: DOC.replace('Allow', 'Deny'),
    });

    expect(there.statements[0]!.effect).toBe('Deny');
    expect(here.statements[0]!.effect).toBe('Allow');
    await elsewhere.store.close();
  });

  it('a stored document that no longer parses fails the request instead of being skipped', () => {
    expect(() => parsedPolicy(deps.store, { key: 'inline:bad', document: '{' })).toThrow();
  });
});
