import { randomUUID } from 'node:crypto';

import Fastify, {
  LogController,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import type { Logger } from 'pino';

import { handleQuery, type QueryOutcome } from './api/pipeline.js';
import { registerConsole } from './console/index.js';
import { hasSigV4, SigningKeyCache } from './core/sigv4/index.js';
import type { Deps } from './domain/context.js';
import { clientErrorHandler } from './http/client-errors.js';
import { BODY_LIMIT } from './http/limits.js';
import { refuseOversizedBody } from './http/oversized-body.js';
import { httpErrorHandler, notFoundHandler } from './http/refusals.js';
import { Metrics } from './ops/metrics.js';
import { registerMetricsRoute } from './ops/metrics-route.js';

/** How long a client may take: a slow sender is cut off instead of holding a connection. */
export interface Timeouts {
  /** Until the request's headers are complete. */
  headersMs: number;
  /** Until the whole request, body included, is in. */
  requestMs: number;
  /** How often open connections are held against those two limits. */
  checkEveryMs: number;
}

export const TIMEOUTS: Timeouts = { headersMs: 10_000, requestMs: 30_000, checkEveryMs: 1_000 };

export type QueryListener = (
  outcome: QueryOutcome,
  request: FastifyRequest,
  ms: number,
) => void | Promise<void>;

export interface ServerOptions {
  logger: Logger;
  https?: { cert: Buffer; key: Buffer };
  /** Called once per Query API request, after the response is decided (audit, metrics). */
  onQuery?: QueryListener[];
  /** Lets clients other than loopback read /metrics (TESSERA_METRICS_TOKEN). */
  metricsToken?: string;
  timeouts?: Partial<Timeouts>;
}

/** The HTTP shell: routes, body handling and logging around the Query pipeline. */
export function buildServer(deps: Deps, options: ServerOptions): FastifyInstance {
  const timeouts = { ...TIMEOUTS, ...options.timeouts };
  const limits = {
    headersTimeout: timeouts.headersMs,
    requestTimeout: timeouts.requestMs,
    connectionsCheckingInterval: timeouts.checkEveryMs,
  };
  const metrics = new Metrics();
  const onHttpError = httpErrorHandler(metrics);
  const app = Fastify({
    loggerInstance: options.logger,
    // A UUID, as AWS request ids are, on every answer Fastify gives as well as the API's own.
    genReqId: () => randomUUID(),
    // Unparseable requests and Fastify's own refusals answer in AWS XML too, never JSON.
    clientErrorHandler: clientErrorHandler(options.logger, metrics),
    frameworkErrors: onHttpError,
    // Fastify's own request lines would log URLs, and a presigned URL carries its signature.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT,
    requestTimeout: timeouts.requestMs,
    connectionTimeout: 60_000,
    keepAliveTimeout: 5_000,
    trustProxy: false,
    ...(options.https ? { https: { ...options.https, ...limits } } : { http: limits }),
  }) as unknown as FastifyInstance;

  // Every route below, the console's too, counts its MFA code checks through these deps.
  deps = metrics.observe(deps);
  app.addHook('onClose', async () => metrics.process.stop());
  const listeners: QueryListener[] = [
    (outcome, _request, ms) => metrics.observeRequest(outcome, ms),
    ...(options.onQuery ?? []),
  ];

  // The API needs the exact bytes that were signed, so every body is kept raw.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  app.addHook('onRequest', refuseOversizedBody);

  const keys = new SigningKeyCache();
  const queryHandler = (request: FastifyRequest, reply: FastifyReply) =>
    serveQuery(deps, keys, listeners, request, reply);

  app.get('/health', async () => ({ status: 'ok', accountId: deps.settings.accountId }));
  app.post('/', queryHandler);
  app.get('/', (request, reply) => {
    if (isApiRequest(request)) return queryHandler(request, reply);
    return reply.redirect('/console/signin');
  });
  registerConsole(app, deps, options.logger);
  registerMetricsRoute(app, deps, metrics, options.metricsToken);

  app.setErrorHandler(onHttpError);
  app.setNotFoundHandler(notFoundHandler(metrics, isApiRequest));

  return app;
}

function isApiRequest(request: FastifyRequest): boolean {
  const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
  return /(^|&)Action=/.test(query) || hasSigV4(signedPart(request, query));
}

function signedPart(request: FastifyRequest, query: string) {
  return {
    method: request.method,
    path: request.url.split('?')[0] ?? '/',
    query,
    // Repeated headers stay separate, so the canonical request joins them as SigV4 says.
    headers: request.raw.headersDistinct ?? request.headers,
    body: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
  };
}

async function serveQuery(
  deps: Deps,
  keys: SigningKeyCache,
  listeners: QueryListener[],
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  const started = performance.now();
  const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
  const outcome = await handleQuery(deps, keys, {
    ...signedPart(request, query),
    requestId: request.id,
    sourceIp: request.ip,
    secure: request.protocol === 'https',
  });

  const ms = performance.now() - started;
  logOutcome(request, outcome, ms);
  for (const listener of listeners) await listener(outcome, request, ms);

  void reply
    .status(outcome.status)
    .header('x-amzn-RequestId', outcome.requestId)
    .type('text/xml')
    .send(outcome.body);
}

/** One event per API call: names and ids only, never a parameter value, header or secret. */
function logOutcome(request: FastifyRequest, outcome: QueryOutcome, ms: number): void {
  const fields = {
    event: 'api.request',
    requestId: outcome.requestId,
    service: outcome.service,
    action: outcome.action,
    status: outcome.status,
    errorCode: outcome.error?.code,
    principal: outcome.principal?.arn,
    accessKeyId: outcome.principal?.accessKeyId,
    sourceIp: request.ip,
    ms: Math.round(ms * 10) / 10,
  };
  if (outcome.fault) request.log.error({ ...fields, err: outcome.fault }, 'request failed');
  else request.log.info(fields, 'api request');
  if (outcome.auditFault) {
    const failed = {
      event: 'audit.write_failed',
      requestId: outcome.requestId,
      err: outcome.auditFault,
    };
    request.log.error(failed, 'the audit event of a request could not be written');
  }
}
