/**
 * A policy document that IAM would refuse. The message is meant for the caller and is rendered
 * as the text of a MalformedPolicyDocument error, so it names the offending element but never
 * echoes anything beyond the document the caller sent.
 */
export class PolicyDocumentError extends Error {
  override readonly name = 'PolicyDocumentError';
}

/** Throws a PolicyDocumentError; typed `never` so validators read as guard clauses. */
export function malformed(message: string): never {
  throw new PolicyDocumentError(message);
}
