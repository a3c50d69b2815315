import { describe, expect, it } from 'vitest';

import { accessDeniedMessage } from '../../../src/core/policy/index.js';

// Wording from AWS responses quoted in the reference, section 7 ("AccessDenied").
describe('accessDeniedMessage', () => {
  const alice = 'arn:aws:iam::123456789012:user/alice';
  const bob = 'arn:aws:iam::123456789012:user/bob';

  it('names the missing allow for an implicit deny', () => {
    expect(accessDeniedMessage(alice, 'iam:CreateUser', bob, 'ImplicitDeny')).toBe(
      'User: arn:aws:iam::123456789012:user/alice is not authorized to perform: iam:CreateUser' +
        ' on resource: arn:aws:iam::123456789012:user/bob' +
        ' because no identity-based policy allows the iam:CreateUser action',
    );
  });

  it('names the explicit deny', () => {
    expect(accessDeniedMessage(alice, 'iam:CreateUser', bob, 'ExplicitDeny')).toBe(
      'User: arn:aws:iam::123456789012:user/alice is not authorized to perform: iam:CreateUser' +
        ' on resource: arn:aws:iam::123456789012:user/bob' +
        ' with an explicit deny in an identity-based policy',
    );
  });
});
