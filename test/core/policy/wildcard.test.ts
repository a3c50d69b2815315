import { describe, expect, it } from 'vitest';

import type { VariableSource } from '../../../src/core/policy/context.js';
import { parseTemplate } from '../../../src/core/policy/variables.js';
import {
  compileWildcard,
  escapeRegex,
  type WildcardStyle,
} from '../../../src/core/policy/wildcard.js';
import { decide, policyOf } from './helpers.js';

const noVariables: VariableSource = { variable: () => undefined };

function matches(pattern: string, value: string, style: WildcardStyle): boolean {
  return compileWildcard(parseTemplate(pattern, false), style)(value, noVariables);
}

describe('wildcard patterns are not regular expressions', () => {
  const cases: [string, string, boolean][] = [
    ['iam:List.sers', 'iam:ListUsers', false],
    ['iam:List.sers', 'iam:List.sers', true],
    ['iam:Get+', 'iam:Gettt', false],
    ['iam:Get+', 'iam:Get+', true],
    ['iam:(Get|List)User', 'iam:GetUser', false],
    ['iam:[GL]etUser', 'iam:GetUser', false],
    ['iam:^Get$', 'iam:^Get$', true],
    ['iam:Get\\d', 'iam:Get1', false],
    ['iam:Get{2}', 'iam:Gett', false],
    ['iam:Get?ser', 'iam:GetUser', true],
    ['iam:Get?ser', 'iam:GetUUser', false],
    ['iam:*User*', 'iam:ListUsers', true],
  ];

  for (const [pattern, action, expected] of cases) {
    it(`action ${pattern} ${expected ? 'covers' : 'does not cover'} ${action}`, () => {
      const policy = policyOf({ Effect: 'Allow', Action: pattern, Resource: '*' });

      expect(decide([policy], action, '*')).toBe(expected ? 'Allow' : 'ImplicitDeny');
    });
  }

  it('keeps regex characters in resources literal', () => {
    const resource = 'arn:aws:s3:::bucket.name/a+b(c)';
    const policy = policyOf({ Effect: 'Allow', Action: '*', Resource: resource });

    expect(decide([policy], 's3:GetObject', resource)).toBe('Allow');
    expect(decide([policy], 's3:GetObject', 'arn:aws:s3:::bucketXname/aab(c)')).toBe(
      'ImplicitDeny',
    );
  });

  it('escapes every regex syntax character', () => {
    const text = 'a.b*c+d?e^f$g(h)i[j]k{l}m|n\\o/p';

    expect(new RegExp(`^${escapeRegex(text)}$`, 'u').test(text)).toBe(true);
  });
});

describe('wildcard styles', () => {
  it('ignores case for actions only', () => {
    expect(matches('iam:get*', 'iam:GetUser', 'action')).toBe(true);
    expect(matches('user/Al*', 'user/alice', 'string')).toBe(false);
    expect(matches('arn:aws:iam::1:user/Al*', 'arn:aws:iam::1:user/alice', 'arn')).toBe(false);
  });

  it('keeps an ARN wildcard inside its segment unless it ends the segment', () => {
    expect(matches('arn:aws:s3:::a*z', 'arn:aws:s3:::abcz', 'arn')).toBe(true);
    expect(matches('arn:aws:s3:::a*z', 'arn:aws:s3:::a:z', 'arn')).toBe(false);
    expect(matches('arn:aws:s3:::a*', 'arn:aws:s3:::a:b:c', 'arn')).toBe(true);
    expect(matches('arn:aws:iam::*:user/x', 'arn:aws:iam::123:user/x', 'arn')).toBe(true);
    expect(matches('arn:aws:s3:::a?c', 'arn:aws:s3:::a:c', 'arn')).toBe(false);
  });

  it('lets plain string wildcards cross colons', () => {
    expect(matches('a*z', 'a:b:z', 'string')).toBe(true);
    expect(matches('a?c', 'a:c', 'string')).toBe(true);
  });

  it('matches across line breaks and whole values only', () => {
    expect(matches('a*', 'a\nb', 'string')).toBe(true);
    expect(matches('bc', 'abcd', 'string')).toBe(false);
  });
});
