import {
  parsePolicyDocument,
  PolicyDocumentError,
  type PolicyDocument,
} from '../../core/policy/index.js';
import { LimitExceeded, MalformedPolicyDocument } from '../errors.js';
import { MANAGED_POLICY_MAX_SIZE, policySize } from './limits.js';

/** Parses a document a caller wants stored; IAM's objections become MalformedPolicyDocument. */
export function validatePolicyDocument(document: string): PolicyDocument {
  try {
    return parsePolicyDocument(document);
  } catch (error) {
    if (error instanceof PolicyDocumentError) throw new MalformedPolicyDocument(error.message);
    throw error;
  }
}

/** A managed policy's document: valid, and within the size IAM allows one version. */
export function validateManagedDocument(document: string): void {
  validatePolicyDocument(document);
  if (policySize(document) > MANAGED_POLICY_MAX_SIZE) {
    throw new LimitExceeded(`Cannot exceed quota for PolicySize: ${MANAGED_POLICY_MAX_SIZE}`);
  }
}
