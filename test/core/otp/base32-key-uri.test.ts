import { describe, expect, it } from 'vitest';

import { base32Decode, base32Encode, totpKeyUri } from '../../../src/core/otp/index.js';

describe('base32 (RFC 4648)', () => {
  it('encodes the RFC 4648 §10 vectors without padding', () => {
    const cases: Array<[string, string]> = [
      ['', ''],
      ['f', 'MY'],
      ['fo', 'MZXQ'],
      ['foo', 'MZXW6'],
      ['foob', 'MZXW6YQ'],
      ['fooba', 'MZXW6YTB'],
      ['foobar', 'MZXW6YTBOI'],
    ];
    for (const [plain, encoded] of cases) {
      expect(base32Encode(Buffer.from(plain))).toBe(encoded);
      expect(base32Decode(encoded)?.toString()).toBe(plain);
    }
  });

  it('decodes the key URI format example', () => {
    expect(base32Decode('JBSWY3DPEHPK3PXP')?.toString('hex')).toBe('48656c6c6f21deadbeef');
  });

  it('accepts lower case, spaces and padding, and refuses other characters', () => {
    expect(base32Decode('mzxw 6ytb oi======')?.toString()).toBe('foobar');
    expect(base32Decode('MZXW1')).toBeNull();
    expect(base32Decode('MZXW6!')).toBeNull();
  });

  it('round-trips 40-byte seeds as 64 characters', () => {
    const seed = Buffer.from(Array.from({ length: 40 }, (_, i) => (i * 37) & 0xff));
    const text = base32Encode(seed);
    expect(text).toMatch(/^[A-Z2-7]{64}$/);
    expect(base32Decode(text)).toEqual(seed);
  });
});

describe('otpauth key URI (Google Authenticator "Key Uri Format")', () => {
  it('labels issuer:account, names the issuer, and states the AWS parameters', () => {
    expect(
      totpKeyUri({
        issuer: 'Tessera',
        accountName: 'Alice@123456789012',
        secretBase32: 'JBSWY3DPEHPK3PXP',
      }),
    ).toBe(
      'otpauth://totp/Tessera:Alice@123456789012?secret=JBSWY3DPEHPK3PXP&issuer=Tessera' +
        '&algorithm=SHA1&digits=6&period=30',
    );
  });

  it('percent-encodes per RFC 3986: a space is %20 and a plus is %2B', () => {
    const uri = totpKeyUri({ issuer: 'Acme Corp', accountName: 'a+b=c,d@1', secretBase32: 'AAAA' });
    expect(uri).toBe(
      'otpauth://totp/Acme%20Corp:a%2Bb%3Dc%2Cd@1?secret=AAAA&issuer=Acme%20Corp' +
        '&algorithm=SHA1&digits=6&period=30',
    );
  });

  it('refuses a colon in the issuer or account name', () => {
    expect(() => totpKeyUri({ issuer: 'a:b', accountName: 'x', secretBase32: 'AA' })).toThrow(
      TypeError,
    );
  });
});
