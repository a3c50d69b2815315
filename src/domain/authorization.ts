import {
  accessDeniedMessage,
  evaluatePolicies,
  type Evaluation,
  type PolicyDocument,
} from '../core/policy/index.js';
import type { Deps } from './context.js';
import { AccessDenied } from './errors.js';
import { parsedPolicy } from './policies/cache.js';
import type { Principal } from './principal.js';
import { requestContextKeys, type RequestFacts } from './request-context.js';

export interface AccessRequest extends RequestFacts {
  /** The action as policies name it, e.g. "iam:ListUsers". */
  action: string;
  /** The ARN the action acts on, or "*". */
  resource: string;
}

/**
 * Evaluates a request against the principal's identity policies: its inline and attached
 * policies and those of its groups. The root user is allowed everything, as in AWS.
 */
export async function evaluateAccess(
  deps: Deps,
  principal: Principal,
  request: AccessRequest,
): Promise<Evaluation> {
  if (principal.kind === 'root') return { decision: 'Allow' };

  const policies = await policiesOf(deps, principal.userId);
  const keys = requestContextKeys(deps.clock(), principal, request);
  return evaluatePolicies(policies, { action: request.action, resource: request.resource, keys });
}

/** Throws AccessDenied, in AWS's wording, unless the principal may make the request. */
export async function authorize(
  deps: Deps,
  principal: Principal,
  request: AccessRequest,
): Promise<void> {
  const { decision } = await evaluateAccess(deps, principal, request);
  if (decision === 'Allow') return;

  throw new AccessDenied(
    accessDeniedMessage(principal.arn, request.action, request.resource, decision),
  );
}

async function policiesOf(deps: Deps, userId: string): Promise<PolicyDocument[]> {
  const sources = await deps.store.holderPolicies.sourcesFor(userId);
  return sources.map(parsedPolicy);
}
