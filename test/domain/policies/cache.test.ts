import { describe, expect, it } from 'vitest';

import { parsedPolicy } from '../../../src/domain/policies/cache.js';

const DOC = '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}';

describe('the parsed-policy cache', () => {
  it('parses a text once and hands back the same document after, whatever store read it', () => {
    const first = parsedPolicy({ key: 'managed:ANPA1:v1', document: DOC });
    const again = parsedPolicy({ key: 'inline:r9', document: `${DOC}` });

    expect(again).toBe(first);
  });

  it('different texts never share an entry, even under one source key', () => {
    const allow = parsedPolicy({ key: 'inline:r1', document: DOC });
    const deny = parsedPolicy({ key: 'inline:r1', document: DOC.replace('Allow', 'Deny') });

    expect(allow.statements[0]!.effect).toBe('Allow');
    expect(deny.statements[0]!.effect).toBe('Deny');
  });

  it('a stored document that no longer parses fails the request instead of being skipped', () => {
    expect(() => parsedPolicy({ key: 'inline:bad', document: '{' })).toThrow();
  });
});
