import { randomUUID } from 'node:crypto';

import {
  parseSigV4,
  SigV4Error,
  verifySigV4,
  type SignedRequest,
  type SigningKeyCache,
} from '../core/sigv4/index.js';
import type { Deps } from '../domain/context.js';
import { resolveSigningIdentity } from '../domain/credentials.js';
import {
  AwsError,
  InternalFailure,
  InvalidAction,
  InvalidClientTokenId,
  MissingAction,
} from '../domain/errors.js';
import type { Principal } from '../domain/principal.js';
import type { Action, ActionContext } from './action.js';
import { findAction } from './actions.js';
import { changesNothing } from './audit/api-event.js';
import { plausibleKeyId, recordApiCall } from './audit/record.js';
import { authorize } from './authorize.js';
import { Params } from './params.js';
import { bodyText, parseForm } from './query-string.js';
import { errorXml, successXml, VERSIONS, type NAMESPACES, type XmlValue } from './xml.js';

export interface QueryRequest extends SignedRequest {
  /** The HTTP layer's id for the request, so its logs and the answer name the same one. */
  requestId?: string;
  sourceIp: string;
  secure: boolean;
}

/** What happened, for logs, metrics and the audit trail. Never holds a secret. */
export interface QueryOutcome {
  status: number;
  body: string;
  requestId: string;
  service: keyof typeof NAMESPACES;
  action?: string;
  principal?: Principal;
  params?: Map<string, string>;
  error?: AwsError;
  /**
   * Set when the failure was not an AwsError (a bug), or was a 5xx such as ServiceUnavailable (then
   * the database error behind it): logged at error level.
   */
  fault?: unknown;
  /** Set when the call's audit event could not be written (logged at error level). */
  auditFault?: unknown;
}

interface State {
  requestId: string;
  service: keyof typeof NAMESPACES;
  params?: Map<string, string>;
  principal?: Principal;
  /** The access key id the request was signed with, kept for the event of a refused request. */
  claimedAccessKeyId?: string;
  action?: Action<unknown>;
  /** Set once the call's audit event has committed (or been queued, for a read-only call). */
  recorded?: boolean;
  /** The error that lost an earlier batch of queued read-only events, reported with this call. */
  auditFault?: unknown;
}

/**
 * The Query API, in the order its security steps run. Nothing acts before it is authenticated
 * and authorized; each step is a small function below, and any failure ends the list. The
 * steps that read or change data, authorize and run, share one transaction with the call's audit
 * event (see act); a call refused before them gets its event written on its own.
 */
export async function handleQuery(
  deps: Deps,
  keys: SigningKeyCache,
  request: QueryRequest,
): Promise<QueryOutcome> {
  const state: State = { requestId: request.requestId ?? randomUUID(), service: 'iam' };

  try {
    state.params = readParameters(request);
    state.service = guessService(state.params);
    state.principal = await authenticate(deps, keys, request, state);
    state.action = resolveAction(state);
    const ctx = contextFor(deps, request, state);
    const input = await prepare(state.action, readInput(state.action, state.params, ctx), ctx);
    const result = await act(deps, request, state, input);

    const body = successXml(state.service, state.action.name, result, state.requestId);
    return { status: 200, body, ...describe(state) };
  } catch (error) {
    const outcome = failure(state, error);
    if (!state.recorded) {
      outcome.auditFault = (await recordAlone(deps, request, state, outcome)) ?? state.auditFault;
    }
    return outcome;
  }
}

function readParameters(request: QueryRequest): Map<string, string> {
  const params = parseForm(rawQueryParams(request.query));
  if (request.body.length > 0) parseForm(bodyText(request.body), params);
  return params;
}

/** Presigned-URL parameters belong to the signature, not to the operation. */
function rawQueryParams(query: string): string {
  return query
    .split('&')
    .filter((pair) => !/^X-Amz-/i.test(pair))
    .join('&');
}

function guessService(params: Map<string, string>): State['service'] {
  return params.get('Version') === VERSIONS.sts ? 'sts' : 'iam';
}

async function authenticate(
  deps: Deps,
  keys: SigningKeyCache,
  request: QueryRequest,
  state: State,
): Promise<Principal> {
  const claim = parseSigV4(request);
  state.claimedAccessKeyId = plausibleKeyId(claim.credential.accessKeyId);
  // One endpoint serves both APIs: the signature's scope says which one a request is for.
  const service = claim.credential.service;
  if (service !== 'iam' && service !== 'sts') {
    throw new SigV4Error(
      'SignatureDoesNotMatch',
      `Credential should be scoped to correct service: '${state.service}'. `,
    );
  }
  state.service = service;

  const identity = await resolveSigningIdentity(
    deps,
    claim.credential.accessKeyId,
    claim.securityToken,
  );
  verifySigV4(request, claim, keys.get(identity.secret, claim.credential), new Date(deps.clock()));
  return identity.principal;
}

function resolveAction(state: State): Action<unknown> {
  const name = state.params!.get('Action');
  if (name === undefined || name === '') throw new MissingAction('Action is required.');

  // Some SDK paths leave Version out, so only a Version that is there and wrong is refused.
  const version = state.params!.get('Version');
  const action = findAction(state.service, name);
  if (!action || (version !== undefined && version !== VERSIONS[state.service])) {
    throw new InvalidAction(
      `Could not find operation ${name.slice(0, 64)} for version ${(version ?? '').slice(0, 64)}`,
    );
  }

  // STS session credentials without MFA are not accepted by IAM at all (AWS answers this way
  // before any policy is looked at).
  const session = state.principal!.session;
  if (action.service === 'iam' && session && !session.mfaAuthenticated) {
    throw new InvalidClientTokenId('The security token included in the request is invalid');
  }
  return action;
}

function contextFor(deps: Deps, request: QueryRequest, state: State): ActionContext {
  return {
    deps,
    principal: state.principal!,
    requestId: state.requestId,
    sourceIp: request.sourceIp,
    secure: request.secure,
    userAgent: userAgentOf(request),
  };
}

function readInput(action: Action<unknown>, raw: Map<string, string>, ctx: ActionContext): unknown {
  const params = new Params(raw);
  const input = action.read(params, ctx);
  params.done();
  return input;
}

/** CPU work the action does before its transaction opens (see Action.prepare). */
function prepare(action: Action<unknown>, input: unknown, ctx: ActionContext): Promise<unknown> {
  return action.prepare ? action.prepare(ctx, input) : Promise.resolve(input);
}

type Acted = { result: XmlValue } | { refusal: AwsError };

/**
 * authorize → run → record, in one transaction, so a change commits only with its event. A
 * refusal (an AwsError the caller caused) commits too, with its failure event, because some
 * refusals are changes themselves: a wrong MFA code spends one of the device's attempts. Any
 * other error rolls everything back; its event is then written on its own (recordAlone). Calls
 * that change nothing (Get*, List*) run without one.
 */
async function act(
  deps: Deps,
  request: QueryRequest,
  state: State,
  input: unknown,
): Promise<XmlValue> {
  const work = async (store: Deps['store']): Promise<Acted> => {
    const ctx = contextFor(store === deps.store ? deps : { ...deps, store }, request, state);
    try {
      await authorizeAction(ctx, state.action!, input);
      const result = await state.action!.run(ctx, input);
      await record(ctx.deps, request, state, { result });
      return { result };
    } catch (error) {
      if (!(error instanceof AwsError && error.sender)) throw error;
      await record(ctx.deps, request, state, { error });
      return { refusal: error };
    }
  };

  // A call that changes nothing needs no transaction: its event is queued (see recordApiCall),
  // and each of its reads sees committed rows, as each statement would on PostgreSQL anyway.
  const acted = changesNothing(state.action!.name)
    ? await work(deps.store)
    : await deps.store.transaction(work);

  state.recorded = true;
  if ('refusal' in acted) throw acted.refusal;
  return acted.result;
}

async function record(
  deps: Deps,
  request: QueryRequest,
  state: State,
  outcome: { result?: XmlValue; error?: AwsError },
  action = state.action!.name,
): Promise<void> {
  state.auditFault ??= await recordApiCall(deps, {
    requestId: state.requestId,
    service: state.service,
    action,
    principal: state.principal,
    claimedAccessKeyId: state.claimedAccessKeyId,
    params: state.params ?? new Map(),
    sourceIp: request.sourceIp,
    userAgent: userAgentOf(request),
    ...outcome,
  });
}

/**
 * The event of a call that failed outside a committed transaction: refused before it (bad
 * signature, invalid input) or rolled back by a fault. Requests that name no known operation are
 * not API calls and get none. Returns what went wrong if the event could not be written.
 */
async function recordAlone(
  deps: Deps,
  request: QueryRequest,
  state: State,
  outcome: QueryOutcome,
): Promise<unknown> {
  const name = state.action?.name ?? state.params?.get('Action');
  if (name === undefined || !findAction(state.service, name)) return undefined;

  try {
    await record(deps, request, state, { error: outcome.error }, name);
    return undefined;
  } catch (error) {
    return error;
  }
}

function userAgentOf(request: QueryRequest): string | undefined {
  const agent = request.headers['user-agent'];
  return Array.isArray(agent) ? agent.join(' ') : agent;
}

async function authorizeAction(
  ctx: ActionContext,
  action: Action<unknown>,
  input: unknown,
): Promise<void> {
  if (!action.resource) return;
  const resource = await action.resource(ctx, input);
  await authorize(ctx.deps, ctx.principal, {
    action: `${action.service}:${action.name}`,
    resource,
    sourceIp: ctx.sourceIp,
    secure: ctx.secure,
  });
}

function describe(state: State): Omit<QueryOutcome, 'status' | 'body'> {
  return {
    requestId: state.requestId,
    service: state.service,
    action: state.action?.name ?? state.params?.get('Action'),
    principal: state.principal,
    params: state.params,
    auditFault: state.auditFault,
  };
}

function failure(state: State, error: unknown): QueryOutcome {
  const known =
    error instanceof AwsError ? error : error instanceof SigV4Error ? fromSigV4(error) : undefined;
  const shown = known ?? new InternalFailure();
  return {
    status: shown.status,
    body: errorXml(state.service, shown, state.requestId),
    error: shown,
    fault: !known ? error : known.status >= 500 ? (known.cause ?? known) : undefined,
    ...describe(state),
  };
}

const SIGV4_STATUS: Record<SigV4Error['code'], number> = {
  MissingAuthenticationToken: 403,
  IncompleteSignature: 400,
  SignatureDoesNotMatch: 403,
  InvalidClientTokenId: 403,
};

function fromSigV4(error: SigV4Error): AwsError {
  return new AwsError(error.code, SIGV4_STATUS[error.code], error.message);
}
