import { authorize as authorizeAccess, type AccessRequest } from '../domain/authorization.js';
import type { Deps } from '../domain/context.js';
import type { Principal } from '../domain/principal.js';

export type AuthorizationRequest = AccessRequest;

/**
 * The pipeline's authorize step: the principal's identity policies decide (explicit deny, then
 * allow, else implicit deny; the root user may do everything), and a refusal is AccessDenied in
 * AWS's words. The evaluation itself is the domain's, shared with every other door.
 */
export function authorize(
  deps: Deps,
  principal: Principal,
  request: AuthorizationRequest,
): Promise<void> {
  return authorizeAccess(deps, principal, request);
}
