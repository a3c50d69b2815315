import { compileCondition, type ConditionTest } from './conditions.js';
import type { ContextKeys } from './context.js';
import { malformed } from './errors.js';
import type { PolicyDocument, PolicyStatement, RequestContext } from './types.js';
import { parseTemplate } from './variables.js';
import { compileWildcard, type Matcher } from './wildcard.js';

/** A statement ready for evaluation: every pattern and condition value prepared once. */
export interface CompiledStatement {
  readonly sid: string | undefined;
  readonly deny: boolean;
  readonly actions: readonly Matcher[];
  /** True when the patterns came from NotAction: the statement covers what they miss. */
  readonly notAction: boolean;
  readonly resources: readonly Matcher[];
  readonly notResource: boolean;
  readonly conditions: readonly ConditionTest[];
}

// Documents from parsePolicyDocument are frozen, so their compiled form can never go stale.
const compiledDocuments = new WeakMap<PolicyDocument, readonly CompiledStatement[]>();

/** Compiles a document and keeps the result for later evaluations of the same object. */
export function compileAndRemember(document: PolicyDocument): void {
  compiledDocuments.set(document, compileDocument(document));
}

/**
 * The compiled statements of a document. One not made by parsePolicyDocument is compiled on
 * every call and not cached, because the caller may still change it.
 */
export function compiledStatements(document: PolicyDocument): readonly CompiledStatement[] {
  return compiledDocuments.get(document) ?? compileDocument(document);
}

function compileDocument(document: PolicyDocument): readonly CompiledStatement[] {
  const variables = document.version === '2012-10-17';
  return document.statements.map((statement) => compileStatement(statement, variables));
}

function compileStatement(statement: PolicyStatement, variables: boolean): CompiledStatement {
  const actions = statement.actions ?? statement.notActions;
  if (!actions?.length) malformed('Policy statement must contain actions.');

  const resources = statement.resources ?? statement.notResources;
  if (!resources?.length) malformed('Policy statement must contain resources.');

  return {
    sid: statement.sid,
    deny: statement.effect === 'Deny',
    // AWS expands variables in resources and condition values, never in action names.
    actions: actions.map((action) => compileWildcard(parseTemplate(action, false), 'action')),
    notAction: statement.actions === undefined,
    resources: resources.map((resource) =>
      compileWildcard(parseTemplate(resource, variables), 'arn'),
    ),
    notResource: statement.resources === undefined,
    conditions: statement.conditions.map((condition) => compileCondition(condition, variables)),
  };
}

/** Whether a statement covers the request: action, then resource, then every condition. */
export function statementApplies(
  statement: CompiledStatement,
  request: RequestContext,
  keys: ContextKeys,
): boolean {
  const actionListed = statement.actions.some((matches) => matches(request.action, keys));
  if (actionListed === statement.notAction) return false;

  const resourceListed = statement.resources.some((matches) => matches(request.resource, keys));
  if (resourceListed === statement.notResource) return false;

  return statement.conditions.every((holds) => holds(keys));
}
