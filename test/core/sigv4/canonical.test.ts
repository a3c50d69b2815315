import { createHash } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import {
  canonicalQuery,
  canonicalRequest,
  canonicalUri,
  hashCanonicalRequest,
} from '../../../src/core/sigv4/canonical.js';
import { canonicalHeaderValue, trimAll } from '../../../src/core/sigv4/headers.js';
import type { SigV4Claim } from '../../../src/core/sigv4/index.js';

describe('canonical query: decoded as sent, re-encoded per RFC 3986', () => {
  it.each([
    ['a=b+c', 'a=b%20c'],
    ['a=b%20c', 'a=b%20c'],
    ['a=b%2Bc', 'a=b%2Bc'],
    ['a=%7e%41', 'a=~A'],
    ['a=%e2%98%95', 'a=%E2%98%95'],
    ["a=*'()!", 'a=%2A%27%28%29%21'],
    ['a=100%', 'a=100%25'],
    ['a=%zz%4', 'a=%25zz%254'],
    ['a', 'a='],
    ['a=1&&b=2&', 'a=1&b=2'],
    ['b=1&a=2&a=1', 'a=1&a=2&b=1'],
    ['a-b=1&a=2', 'a=2&a-b=1'],
    ['Tags.member.10.Key=x&Tags.member.2.Key=y', 'Tags.member.10.Key=x&Tags.member.2.Key=y'],
    ['caf\u00e9=\u2615', 'caf%C3%A9=%E2%98%95'],
  ])('%s -> %s', (query, expected) => {
    expect(canonicalQuery(query, false)).toBe(expected);
  });

  it('leaves out X-Amz-Signature only in the presigned form', () => {
    expect(canonicalQuery('b=1&X-Amz-Signature=ab', true)).toBe('b=1');
    expect(canonicalQuery('b=1&X-Amz-Signature=ab', false)).toBe('X-Amz-Signature=ab&b=1');
  });

  it('invariant: + and %2B never share a canonical form', () => {
    expect(canonicalQuery('a=x+y', false)).not.toBe(canonicalQuery('a=x%2By', false));
  });

  it('returns an already canonical component without copying it', () => {
    const query = 'Action=ListUsers';
    expect(canonicalQuery(query, false)).toBe(query);
  });
});

describe('canonical URI: normalised, then encoded once more', () => {
  it.each([
    ['/', '/'],
    ['', '/'],
    ['/a/./b/../c', '/a/c'],
    ['//a//b//', '/a/b/'],
    ['/..', '/'],
    ['/a%20b', '/a%2520b'],
    ['/a b~c', '/a%20b~c'],
    ['/\u00e9', '/%C3%A9'],
  ])('%s -> %s', (path, expected) => {
    expect(canonicalUri(path)).toBe(expected);
  });
});

describe('canonical header values', () => {
  it.each([
    ['plain', 'plain'],
    ['  lead and trail  ', 'lead and trail'],
    ['inner   run', 'inner run'],
    ['tab\t\there', 'tab here'],
    [' \t ', ''],
    ['a \tb', 'a b'],
  ])('trimAll(%j) is %j', (value, expected) => {
    expect(trimAll(value)).toBe(expected);
  });

  it('joins repeats with a bare comma, each trimmed', () => {
    expect(canonicalHeaderValue([' a  b ', 'c'])).toBe('a b,c');
    expect(canonicalHeaderValue(undefined)).toBe('');
  });
});

describe('canonical request', () => {
  const claim: SigV4Claim = {
    credential: { accessKeyId: 'AKID', date: '20260115', region: 'us-east-1', service: 'iam' },
    amzDate: '20260115T102030Z',
    signedHeaders: ['host', 'x-note'],
    signature: '0'.repeat(64),
    presigned: false,
  };

  it('canonicalises exactly the listed headers, with Host as received', () => {
    const text = canonicalRequest(
      {
        method: 'POST',
        path: '/',
        query: '',
        headers: { host: 'localhost:4599', 'x-note': ' a ', 'x-other': 'unsigned' },
        body: Buffer.from('Action=ListUsers'),
      },
      claim,
    );
    expect(text).toBe(
      'POST\n/\n\nhost:localhost:4599\nx-note:a\n\nhost;x-note\n' +
        createHash('sha256').update('Action=ListUsers').digest('hex'),
    );
  });

  it('hashes header bytes as sent: node gives them as latin1, the client signed UTF-8', () => {
    const asNodeReadsIt = Buffer.from('caf\u00e9', 'utf8').toString('latin1');
    const canonical = `POST\n/\n\nx-note:${asNodeReadsIt}\n`;
    const asClientSigned = createHash('sha256').update(`POST\n/\n\nx-note:caf\u00e9\n`, 'utf8');
    expect(hashCanonicalRequest(canonical)).toBe(asClientSigned.digest('hex'));
  });
});
