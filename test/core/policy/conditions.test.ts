import { describe, expect, it } from 'vitest';

import type { ContextValue } from '../../../src/core/policy/index.js';
import { decide, policyOf } from './helpers.js';

type Keys = Record<string, ContextValue | undefined>;
type PolicyValue = string | number | boolean | (string | number | boolean)[];

/** [title, operator as written, key, policy value(s), request context keys, condition holds] */
type Row = [string, string, string, PolicyValue, Keys, boolean];

/** Whether a single condition holds, seen through an Allow statement that carries it. */
function holds(operator: string, key: string, value: PolicyValue, keys: Keys): boolean {
  const policy = policyOf({
    Effect: 'Allow',
    Action: 'iam:GetUser',
    Resource: '*',
    Condition: { [operator]: { [key]: value } },
  });

  return decide([policy], 'iam:GetUser', '*', keys) === 'Allow';
}

function table(family: string, rows: Row[]): void {
  describe(family, () => {
    for (const [title, operator, key, value, keys, expected] of rows) {
      it(`${title}: ${operator} ${JSON.stringify(value)} -> ${expected}`, () => {
        expect(holds(operator, key, value, keys)).toBe(expected);
      });
    }
  });
}

const user = 'aws:username';
const alice = { [user]: 'alice' };

table('string operators', [
  ['match', 'StringEquals', user, 'alice', alice, true],
  ['case matters', 'StringEquals', user, 'Alice', alice, false],
  ['values are ORed', 'StringEquals', user, ['bob', 'alice'], alice, true],
  ['no match', 'StringEquals', user, 'bob', alice, false],
  ['absent key', 'StringEquals', user, 'alice', {}, false],
  ['* is literal', 'StringEquals', user, 'al*', alice, false],
  ['IfExists, absent', 'StringEqualsIfExists', user, 'bob', {}, true],
  ['IfExists, present', 'StringEqualsIfExists', user, 'bob', alice, false],
  ['negation, unlisted', 'StringNotEquals', user, 'bob', alice, true],
  ['negation is NOR', 'StringNotEquals', user, ['bob', 'alice'], alice, false],
  ['negation, absent key', 'StringNotEquals', user, 'bob', {}, true],
  ['ignoring case', 'StringEqualsIgnoreCase', user, 'ALICE', alice, true],
  ['ignoring case, no match', 'StringEqualsIgnoreCase', user, 'BOB', alice, false],
  ['ignoring case, absent', 'StringEqualsIgnoreCase', user, 'ALICE', {}, false],
  ['negation ignoring case', 'StringNotEqualsIgnoreCase', user, 'ALICE', alice, false],
  ['negation ignoring case', 'StringNotEqualsIgnoreCase', user, 'BOB', alice, true],
  ['negation ignoring case, absent', 'StringNotEqualsIgnoreCase', user, 'BOB', {}, true],
  ['* wildcard', 'StringLike', user, 'al*', alice, true],
  ['? wildcard', 'StringLike', user, 'al?ce', alice, true],
  ['? is one character', 'StringLike', user, 'al?e', alice, false],
  ['no match', 'StringLike', user, 'bo*', alice, false],
  ['case matters', 'StringLike', user, 'AL*', alice, false],
  ['. is not a regex', 'StringLike', user, 'a.ice', alice, false],
  ['absent key', 'StringLike', user, '*', {}, false],
  ['IfExists, absent', 'StringLikeIfExists', user, 'bo*', {}, true],
  ['negation, no match', 'StringNotLike', user, 'bo*', alice, true],
  ['negation, match', 'StringNotLike', user, ['bo*', 'al*'], alice, false],
  ['negation, absent key', 'StringNotLike', user, 'al*', {}, true],
  ['negated IfExists, present', 'StringNotLikeIfExists', user, 'al*', alice, false],
]);

const age = 'aws:MultiFactorAuthAge';

table('numeric operators', [
  ['JSON number', 'NumericEquals', age, 10, { [age]: '10' }, true],
  ['decimal text', 'NumericEquals', age, '10', { [age]: '10.0' }, true],
  ['no match', 'NumericEquals', age, 10, { [age]: '11' }, false],
  ['not a number', 'NumericEquals', age, 10, { [age]: 'ten' }, false],
  ['absent key', 'NumericEquals', age, 10, {}, false],
  ['IfExists, absent', 'NumericEqualsIfExists', age, 10, {}, true],
  ['negation', 'NumericNotEquals', age, 10, { [age]: '11' }, true],
  ['negation is NOR', 'NumericNotEquals', age, [11, 10], { [age]: '10' }, false],
  ['negation, absent key', 'NumericNotEquals', age, 10, {}, true],
  ['less', 'NumericLessThan', age, 3600, { [age]: '3599' }, true],
  ['not less when equal', 'NumericLessThan', age, 3600, { [age]: '3600' }, false],
  ['absent key', 'NumericLessThan', age, 3600, {}, false],
  ['IfExists, present', 'NumericLessThanIfExists', age, 3600, { [age]: '4000' }, false],
  ['IfExists, absent', 'NumericLessThanIfExists', age, 3600, {}, true],
  ['equal', 'NumericLessThanEquals', age, 3600, { [age]: '3600' }, true],
  ['greater', 'NumericLessThanEquals', age, 3600, { [age]: '3601' }, false],
  ['greater', 'NumericGreaterThan', age, 5, { [age]: '6' }, true],
  ['equal', 'NumericGreaterThan', age, 5, { [age]: '5' }, false],
  ['equal', 'NumericGreaterThanEquals', age, 5, { [age]: '5' }, true],
  ['less', 'NumericGreaterThanEquals', age, 5, { [age]: '4' }, false],
]);

const time = 'aws:CurrentTime';
const newYear = '2024-01-01T00:00:00Z';

table('date operators', [
  ['same instant', 'DateEquals', time, newYear, { [time]: newYear }, true],
  ['epoch seconds', 'DateEquals', time, newYear, { [time]: '1704067200' }, true],
  ['zone offset', 'DateEquals', time, newYear, { [time]: '2024-01-01T01:00:00+01:00' }, true],
  ['date only', 'DateEquals', time, newYear, { [time]: '2024-01-01' }, true],
  ['no zone is UTC', 'DateEquals', time, '2024-01-01T00:00:00', { [time]: '1704067200' }, true],
  ['a second later', 'DateEquals', time, newYear, { [time]: '2024-01-01T00:00:01Z' }, false],
  ['not a date', 'DateEquals', time, newYear, { [time]: 'yesterday' }, false],
  ['absent key', 'DateEquals', time, newYear, {}, false],
  ['negation', 'DateNotEquals', time, newYear, { [time]: '2024-06-01T00:00:00Z' }, true],
  ['negation, same', 'DateNotEquals', time, newYear, { [time]: '1704067200' }, false],
  ['negation, absent key', 'DateNotEquals', time, newYear, {}, true],
  ['earlier', 'DateLessThan', time, '2030-01-01T00:00:00Z', { [time]: newYear }, true],
  ['later', 'DateLessThan', time, '2020-01-01T00:00:00Z', { [time]: newYear }, false],
  ['absent key', 'DateLessThan', time, '2030-01-01T00:00:00Z', {}, false],
  ['equal', 'DateLessThanEquals', time, newYear, { [time]: newYear }, true],
  ['later', 'DateGreaterThan', time, '2020-01-01T00:00:00Z', { [time]: newYear }, true],
  ['earlier', 'DateGreaterThan', time, newYear, { [time]: '2023-12-31T23:59:59Z' }, false],
  ['equal', 'DateGreaterThanEquals', time, '1704067200', { [time]: newYear }, true],
  ['IfExists, absent', 'DateGreaterThanIfExists', time, newYear, {}, true],
]);

const mfa = 'aws:MultiFactorAuthPresent';

table('Bool', [
  ['match', 'Bool', mfa, 'true', { [mfa]: 'true' }, true],
  ['JSON boolean', 'Bool', mfa, true, { [mfa]: 'true' }, true],
  ['no match', 'Bool', mfa, 'true', { [mfa]: 'false' }, false],
  ['false never matches an absent key', 'Bool', mfa, 'false', {}, false],
  ['IfExists, absent', 'BoolIfExists', mfa, 'false', {}, true],
  ['IfExists, present', 'BoolIfExists', mfa, 'false', { [mfa]: 'true' }, false],
]);

const blob = 'iam:Blob';

table('BinaryEquals', [
  ['match', 'BinaryEquals', blob, 'QmluYXJ5VmFsdWU=', { [blob]: 'QmluYXJ5VmFsdWU=' }, true],
  ['no match', 'BinaryEquals', blob, 'QmluYXJ5VmFsdWU=', { [blob]: 'T3RoZXI=' }, false],
  ['absent key', 'BinaryEquals', blob, 'QmluYXJ5VmFsdWU=', {}, false],
  ['IfExists, absent', 'BinaryEqualsIfExists', blob, 'QmluYXJ5VmFsdWU=', {}, true],
]);

const ip = 'aws:SourceIp';

table('IP address operators', [
  ['inside IPv4 block', 'IpAddress', ip, '203.0.113.0/24', { [ip]: '203.0.113.7' }, true],
  ['outside IPv4 block', 'IpAddress', ip, '203.0.113.0/24', { [ip]: '203.0.114.7' }, false],
  ['single address', 'IpAddress', ip, '203.0.113.7', { [ip]: '203.0.113.7' }, true],
  ['single address, other', 'IpAddress', ip, '203.0.113.7', { [ip]: '203.0.113.8' }, false],
  ['inside IPv6 block', 'IpAddress', ip, '2001:DB8::/32', { [ip]: '2001:db8:1::1' }, true],
  ['outside IPv6 block', 'IpAddress', ip, '2001:db8::/32', { [ip]: '2001:db9::1' }, false],
  ['IPv6 address, IPv4 block', 'IpAddress', ip, '203.0.113.0/24', { [ip]: '2001:db8::1' }, false],
  ['not an address', 'IpAddress', ip, '0.0.0.0/0', { [ip]: 'localhost' }, false],
  ['absent key', 'IpAddress', ip, '0.0.0.0/0', {}, false],
  ['IfExists, absent', 'IpAddressIfExists', ip, '203.0.113.0/24', {}, true],
  ['negation, outside', 'NotIpAddress', ip, '203.0.113.0/24', { [ip]: '198.51.100.1' }, true],
  ['negation, inside', 'NotIpAddress', ip, '203.0.113.0/24', { [ip]: '203.0.113.7' }, false],
  ['negation, absent key', 'NotIpAddress', ip, '203.0.113.0/24', {}, true],
]);

const principal = 'aws:PrincipalArn';
const aliceArn = { [principal]: 'arn:aws:iam::123456789012:user/alice' };
const anyUser = 'arn:aws:iam::*:user/*';

table('ARN operators', [
  ['wildcards', 'ArnLike', principal, anyUser, aliceArn, true],
  [
    'other resource type',
    'ArnLike',
    principal,
    anyUser,
    { [principal]: 'arn:aws:iam::1:role/a' },
    false,
  ],
  ['case matters', 'ArnLike', principal, 'arn:aws:iam::*:USER/*', aliceArn, false],
  ['absent key', 'ArnLike', principal, anyUser, {}, false],
  ['IfExists, absent', 'ArnLikeIfExists', principal, anyUser, {}, true],
  ['exact', 'ArnEquals', principal, 'arn:aws:iam::123456789012:user/alice', aliceArn, true],
  ['ArnEquals takes wildcards too', 'ArnEquals', principal, anyUser, aliceArn, true],
  ['no match', 'ArnEquals', principal, 'arn:aws:iam::123456789012:user/bob', aliceArn, false],
  ['negation, match', 'ArnNotEquals', principal, anyUser, aliceArn, false],
  ['negation, no match', 'ArnNotEquals', principal, 'arn:aws:iam::*:role/*', aliceArn, true],
  ['negation, absent key', 'ArnNotEquals', principal, anyUser, {}, true],
  ['negation, match', 'ArnNotLike', principal, anyUser, aliceArn, false],
  ['negation, absent key', 'ArnNotLike', principal, anyUser, {}, true],
]);

table('Null', [
  ['true: key absent', 'Null', mfa, 'true', {}, true],
  ['true: key present', 'Null', mfa, 'true', { [mfa]: 'false' }, false],
  ['false: key present', 'Null', mfa, 'false', { [mfa]: 'false' }, true],
  ['false: key absent', 'Null', mfa, 'false', {}, false],
  ['JSON boolean', 'Null', mfa, true, {}, true],
  ['empty list counts as absent', 'Null', 'aws:TagKeys', true, { 'aws:TagKeys': [] }, true],
]);

const tags = 'aws:TagKeys';

table('set operators on multivalued keys', [
  ['one value listed', 'ForAnyValue:StringEquals', tags, ['a', 'b'], { [tags]: ['x', 'b'] }, true],
  ['none listed', 'ForAnyValue:StringEquals', tags, ['a', 'b'], { [tags]: ['x', 'y'] }, false],
  ['absent key', 'ForAnyValue:StringEquals', tags, ['a', 'b'], {}, false],
  ['single value', 'ForAnyValue:StringEquals', tags, ['a', 'b'], { [tags]: 'a' }, true],
  ['IfExists, absent', 'ForAnyValue:StringLikeIfExists', tags, 'a*', {}, true],
  ['some not listed', 'ForAnyValue:StringNotEquals', tags, 'a', { [tags]: ['a', 'b'] }, true],
  ['all listed', 'ForAnyValue:StringNotEquals', tags, 'a', { [tags]: ['a'] }, false],
  ['all listed', 'ForAllValues:StringEquals', tags, ['a', 'b'], { [tags]: ['b', 'a'] }, true],
  ['one not listed', 'ForAllValues:StringEquals', tags, ['a', 'b'], { [tags]: ['a', 'c'] }, false],
  ['absent key', 'ForAllValues:StringEquals', tags, ['a', 'b'], {}, true],
  ['empty list', 'ForAllValues:StringEquals', tags, ['a', 'b'], { [tags]: [] }, true],
  ['wildcards', 'ForAllValues:StringLike', tags, 'team-*', { [tags]: ['team-a', 'team-b'] }, true],
  ['none listed', 'ForAllValues:StringNotEquals', tags, 'a', { [tags]: ['b', 'c'] }, true],
  ['one listed', 'ForAllValues:StringNotEquals', tags, 'a', { [tags]: ['a', 'b'] }, false],
  ['no set operator reads as any', 'StringEquals', tags, 'b', { [tags]: ['a', 'b'] }, true],
]);

describe('condition logic', () => {
  const both = (keys: Keys): boolean =>
    decide(
      [
        policyOf({
          Effect: 'Allow',
          Action: 'iam:GetUser',
          Resource: '*',
          Condition: {
            Bool: { 'aws:MultiFactorAuthPresent': 'true' },
            NumericLessThan: { 'aws:MultiFactorAuthAge': 3600 },
            StringEquals: { 'aws:username': 'alice', 'aws:PrincipalType': 'User' },
          },
        }),
      ],
      'iam:GetUser',
      '*',
      keys,
    ) === 'Allow';
  const all = {
    'aws:MultiFactorAuthPresent': 'true',
    'aws:MultiFactorAuthAge': '60',
    'aws:username': 'alice',
    'aws:PrincipalType': 'User',
  };

  it('holds when every operator and every key holds', () => {
    expect(both(all)).toBe(true);
  });

  it('ANDs the operators: one failing operator fails the statement', () => {
    expect(both({ ...all, 'aws:MultiFactorAuthAge': '7200' })).toBe(false);
  });

  it('ANDs the keys under one operator', () => {
    expect(both({ ...all, 'aws:PrincipalType': 'AssumedRole' })).toBe(false);
  });

  it('compares key names without regard to case, in the policy and in the context', () => {
    expect(holds('StringEquals', 'AWS:USERNAME', 'alice', { 'Aws:UserName': 'alice' })).toBe(true);
  });
});
