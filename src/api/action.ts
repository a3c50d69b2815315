import type { Deps } from '../domain/context.js';
import type { Principal } from '../domain/principal.js';
import type { Params } from './params.js';
import type { XmlValue } from './xml.js';

/** What an action sees of the request it serves. */
export interface ActionContext {
  deps: Deps;
  principal: Principal;
  requestId: string;
  sourceIp: string;
  secure: boolean;
  userAgent: string | undefined;
}

/**
 * One Query API operation. `read` turns raw parameters into typed input (validated against the
 * AWS shapes); `resource` names the ARN the action is authorized against, or is absent for the
 * authentication steps that no policy may govern (STS GetSessionToken, GetCallerIdentity);
 * `run` calls the domain and returns the result element's content (undefined for none).
 */
export interface Action<Input> {
  service: 'iam' | 'sts';
  name: string;
  read(params: Params, ctx: ActionContext): Input;
  /**
   * Slow work that needs no database (hashing a new password), done before the request's
   * transaction opens: SQLite runs one transaction at a time, and none should wait on scrypt.
   */
  prepare?: (ctx: ActionContext, input: Input) => Promise<Input>;
  resource?: (ctx: ActionContext, input: Input) => string | Promise<string>;
  run(ctx: ActionContext, input: Input): Promise<XmlValue>;
}

export function defineAction<Input>(action: Action<Input>): Action<Input> {
  return action;
}
