import { compiledStatements, statementApplies, type CompiledStatement } from './compile.js';
import { ContextKeys } from './context.js';
import type { Decision, Evaluation, PolicyDocument, RequestContext } from './types.js';

/**
 * Evaluates a principal's identity policies (inline, attached and group, in any order) the way
 * AWS does within one account: a statement that denies wins, then one that allows, and with
 * neither the request is implicitly denied.
 */
export function evaluatePolicies(
  policies: readonly PolicyDocument[],
  ctx: RequestContext,
): Evaluation {
  const keys = new ContextKeys(ctx.keys);
  let allowedBy: CompiledStatement | undefined;

  for (const policy of policies) {
    for (const statement of compiledStatements(policy)) {
      // Once something allows, only a deny can still change the outcome.
      if (!statement.deny && allowedBy !== undefined) continue;
      if (!statementApplies(statement, ctx, keys)) continue;

      if (statement.deny) return decided('ExplicitDeny', statement);
      allowedBy = statement;
    }
  }

  return allowedBy ? decided('Allow', allowedBy) : { decision: 'ImplicitDeny' };
}

function decided(decision: Decision, statement: CompiledStatement): Evaluation {
  return statement.sid === undefined ? { decision } : { decision, matchedSid: statement.sid };
}
