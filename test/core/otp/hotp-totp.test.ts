import { describe, expect, it } from 'vitest';

import { findStep, hotp, timeStep, totpAt } from '../../../src/core/otp/index.js';
import rfc4226 from '../../vectors/rfc4226.json' with { type: 'json' };
import rfc6238 from '../../vectors/rfc6238.json' with { type: 'json' };

describe('HOTP (RFC 4226 Appendix D)', () => {
  const key = Buffer.from(rfc4226.secretAscii);

  rfc4226.codes.forEach((code, counter) => {
    it(`counter ${counter} gives ${code}`, () => {
      expect(hotp(key, counter)).toBe(code);
    });
  });

  it('refuses a counter that is not a non-negative safe integer', () => {
    expect(() => hotp(key, -1)).toThrow(TypeError);
    expect(() => hotp(key, 1.5)).toThrow(TypeError);
  });
});

describe('TOTP (RFC 6238 Appendix B)', () => {
  for (const row of rfc6238.rows) {
    for (const algorithm of ['sha1', 'sha256', 'sha512'] as const) {
      it(`T=${row.time} ${algorithm} gives ${row[algorithm]}`, () => {
        const key = Buffer.from(rfc6238.secrets[algorithm]);
        const step = timeStep(row.time * 1000);
        expect(step.toString(16).toUpperCase().padStart(16, '0')).toBe(row.step);
        expect(totpAt(key, step, { period: 30, digits: 8, algorithm })).toBe(row[algorithm]);
      });
    }
  }

  it('six-digit codes are the last six digits and keep their leading zeros', () => {
    const key = Buffer.from(rfc6238.secrets.sha1);
    expect(totpAt(key, timeStep(59_000))).toBe('287082');
    expect(totpAt(key, timeStep(1_111_111_109_000))).toBe('081804');
  });
});

describe('findStep', () => {
  const key = Buffer.from(rfc4226.secretAscii);

  it('finds the step whose code matches within the radius', () => {
    expect(findStep(key, '359152', 3, 1)).toBe(2);
    expect(findStep(key, '969429', 3, 1)).toBe(3);
    expect(findStep(key, '338314', 3, 1)).toBe(4);
  });

  it('does not look past the radius', () => {
    expect(findStep(key, '287082', 3, 1)).toBeNull();
  });

  it('refuses codes that are not six digits, whatever they contain', () => {
    expect(findStep(key, '96942', 3, 1)).toBeNull();
    expect(findStep(key, '9694290', 3, 1)).toBeNull();
    expect(findStep(key, '96942a', 3, 1)).toBeNull();
    expect(findStep(key, ' 969429', 3, 1)).toBeNull();
  });
});
