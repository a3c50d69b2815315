import Fastify, {
  LogController,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import type { Logger } from 'pino';

import { handleQuery, type QueryOutcome } from './api/pipeline.js';
import { errorXml } from './api/xml.js';
import { hasSigV4, SigningKeyCache } from './core/sigv4/index.js';
import type { Deps } from './domain/context.js';

/** Bodies above this are refused before they are read: the largest IAM input fits easily. */
export const BODY_LIMIT = 1024 * 1024;

export interface ServerOptions {
  logger: Logger;
  https?: { cert: Buffer; key: Buffer };
  /** Called once per Query API request, after the response is decided (audit, metrics). */
  onQuery?: Array<(outcome: QueryOutcome, request: FastifyRequest) => void | Promise<void>>;
}

/** The HTTP shell: routes, body handling and logging around the Query pipeline. */
export function buildServer(deps: Deps, options: ServerOptions): FastifyInstance {
  const app = Fastify({
    loggerInstance: options.logger,
    // Fastify's own request lines would log URLs, and a presigned URL carries its signature.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT,
    requestTimeout: 30_000,
    connectionTimeout: 60_000,
    keepAliveTimeout: 5_000,
    trustProxy: false,
    ...(options.https ? { https: options.https } : {}),
  }) as unknown as FastifyInstance;

  // The API needs the exact bytes that were signed, so every body is kept raw.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  const keys = new SigningKeyCache();
  const queryHandler = (request: FastifyRequest, reply: FastifyReply) =>
    serveQuery(deps, keys, options, request, reply);

  app.get('/health', async () => ({ status: 'ok', accountId: deps.settings.accountId }));
  app.post('/', queryHandler);
  app.get('/', (request, reply) => {
    if (isApiRequest(request)) return queryHandler(request, reply);
    return reply.redirect('/console/signin');
  });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ event: 'http.fault', err: error }, 'unhandled error');
    const code =
      status === 413
        ? 'RequestEntityTooLarge'
        : status >= 500
          ? 'InternalFailure'
          : 'InvalidRequest';
    const message =
      status === 413
        ? `Request body is larger than ${BODY_LIMIT} bytes.`
        : status >= 500
          ? 'The request processing has failed because of an unknown error.'
          : 'The request could not be read.';
    void reply
      .status(status)
      .type('text/xml')
      .send(errorXml('iam', { code, message, sender: status < 500 }, request.id));
  });

  app.setNotFoundHandler((_request, reply) => {
    void reply.status(404).type('text/plain').send('Not found\n');
  });

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
    headers: request.headers,
    body: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
  };
}

async function serveQuery(
  deps: Deps,
  keys: SigningKeyCache,
  options: ServerOptions,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  const started = performance.now();
  const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
  const outcome = await handleQuery(deps, keys, {
    ...signedPart(request, query),
    sourceIp: request.ip,
    secure: request.protocol === 'https',
  });

  logOutcome(request, outcome, performance.now() - started);
  for (const listener of options.onQuery ?? []) await listener(outcome, request);

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
}
