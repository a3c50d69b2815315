/**
 * The message of an AccessDenied error, in the wording AWS uses for identity-based policies.
 * AWS says "User:" for every kind of principal, assumed roles included.
 */
export function accessDeniedMessage(
  principalArn: string,
  action: string,
  resource: string,
  decision: 'ExplicitDeny' | 'ImplicitDeny',
): string {
  const subject = `User: ${principalArn} is not authorized to perform: ${action}`;
  const prefix = `${subject} on resource: ${resource}`;

  return decision === 'ExplicitDeny'
    ? `${prefix} with an explicit deny in an identity-based policy`
    : `${prefix} because no identity-based policy allows the ${action} action`;
}
