import {
  evaluatePolicies,
  parsePolicyDocument,
  type ContextValue,
  type Decision,
  type PolicyDocument,
} from '../../../src/core/policy/index.js';

export const ACCOUNT = '123456789012';
export const ALICE_ARN = `arn:aws:iam::${ACCOUNT}:user/alice`;

/** Parses a 2012-10-17 policy made of the given statement objects. */
export function policyOf(...statements: object[]): PolicyDocument {
  return parsePolicyDocument(JSON.stringify({ Version: '2012-10-17', Statement: statements }));
}

/** The decision alone, for tables that do not care which statement decided. */
export function decide(
  policies: PolicyDocument[],
  action: string,
  resource: string,
  keys: Record<string, ContextValue | undefined> = {},
): Decision {
  return evaluatePolicies(policies, { action, resource, keys }).decision;
}
