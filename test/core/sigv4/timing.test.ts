import * as crypto from 'node:crypto';

import { describe, expect, it, vi } from 'vitest';

import { errorOf, authenticate, toRequest, vector } from './fixtures.js';

vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:crypto')>();
  return { ...real, timingSafeEqual: vi.fn(real.timingSafeEqual) };
});

describe('signature comparison', () => {
  it('goes through crypto.timingSafeEqual, for right and wrong signatures alike', () => {
    const v = vector('iam-tag-user-form-encoding');
    const now = new Date(v.now);
    const compare = vi.mocked(crypto.timingSafeEqual);
    compare.mockClear();

    authenticate(toRequest(v.request), v.secret, now);
    expect(errorOf(() => authenticate(toRequest(v.request), 'wrong', now)).code).toBe(
      'SignatureDoesNotMatch',
    );
    expect(compare).toHaveBeenCalledTimes(2);
  });
});
