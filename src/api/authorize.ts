import type { Deps } from '../domain/context.js';
import { AccessDenied } from '../domain/errors.js';
import type { Principal } from '../domain/principal.js';

export interface AuthorizationRequest {
  action: string;
  resource: string;
  sourceIp: string;
  secure: boolean;
}

/**
 * Decides whether a principal may perform an IAM action on a resource. The root user may do
 * everything; an IAM user needs a policy that allows it (default deny, as in AWS).
 */
export async function authorize(
  _deps: Deps,
  principal: Principal,
  request: AuthorizationRequest,
): Promise<void> {
  if (principal.kind === 'root') return;

  throw new AccessDenied(
    `User: ${principal.arn} is not authorized to perform: ${request.action} on resource: ` +
      `${request.resource} because no identity-based policy allows the ${request.action} action`,
  );
}
