/**
 * The IAM policy engine: parse and validate identity policies, then evaluate them against a
 * request. Pure: no I/O, no clock, nothing but node: modules.
 */
export { PolicyDocumentError } from './errors.js';
export { evaluatePolicies } from './evaluate.js';
export { accessDeniedMessage } from './messages.js';
export { MAX_POLICY_DOCUMENT_LENGTH, parsePolicyDocument } from './parse.js';
export type {
  Condition,
  ContextValue,
  Decision,
  Evaluation,
  PolicyDocument,
  PolicyStatement,
  PolicyVersion,
  RequestContext,
  SetOperator,
} from './types.js';
