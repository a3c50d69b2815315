/** The shapes of a parsed identity policy and of the request it is evaluated against. */

export type PolicyVersion = '2012-10-17' | '2008-10-17';

/** How a condition treats a multivalued context key (ForAnyValue:/ForAllValues: prefixes). */
export type SetOperator = 'ForAnyValue' | 'ForAllValues';

export interface Condition {
  /** The operator without set prefix or IfExists suffix, e.g. "StringEquals". */
  operator: string;
  ifExists: boolean;
  /** Present only when the operator was written with a ForAnyValue: or ForAllValues: prefix. */
  setOperator?: SetOperator;
  /** The condition key as written; it is compared case-insensitively. */
  key: string;
  /** Policy values as strings; JSON numbers and booleans are turned into their text. */
  values: string[];
}

export interface PolicyStatement {
  sid?: string;
  effect: 'Allow' | 'Deny';
  actions?: string[];
  notActions?: string[];
  resources?: string[];
  notResources?: string[];
  conditions: Condition[];
}

export interface PolicyDocument {
  /** "2008-10-17" when the document has no Version element, as AWS assumes. */
  version: PolicyVersion;
  statements: PolicyStatement[];
}

export type ContextValue = string | string[];

export interface RequestContext {
  /** The action as the service names it, e.g. "iam:ListUsers". */
  action: string;
  /** The ARN the action acts on, or "*" for actions without a resource. */
  resource: string;
  /** Condition context keys, looked up case-insensitively; an absent key is undefined. */
  keys: Record<string, ContextValue | undefined>;
}

export type Decision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

export interface Evaluation {
  decision: Decision;
  /** The Sid of the deciding statement, when it has one. */
  matchedSid?: string;
}
