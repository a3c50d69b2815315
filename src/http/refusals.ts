import { STATUS_CODES } from 'node:http';

import type { FastifyReply, FastifyRequest } from 'fastify';

import { errorXml } from '../api/xml.js';
import type { Metrics } from '../ops/metrics.js';
import { BODY_LIMIT } from './limits.js';

/** An AWS error that the HTTP shell answers itself, before or instead of the Query API. */
export interface Refusal {
  status: number;
  code: string;
  message: string;
  /** For a 405: the methods the address does take. */
  allow?: string;
}

type Named = Pick<Refusal, 'code' | 'message'>;

/** AWS's names for the statuses the HTTP layer answers; any other 4xx is an InvalidRequest. */
const BY_STATUS: Record<number, Named> = {
  400: { code: 'MalformedHTTPRequest', message: 'The HTTP request is malformed.' },
  408: { code: 'RequestTimeout', message: 'The request was not received in time.' },
  413: {
    code: 'RequestEntityTooLarge',
    message: `Request body is larger than ${BODY_LIMIT} bytes.`,
  },
  431: {
    code: 'RequestHeaderSectionTooLarge',
    message: 'The request line and headers are larger than the server accepts.',
  },
};
const UNREADABLE: Named = { code: 'InvalidRequest', message: 'The request could not be read.' };
const INTERNAL: Named = {
  code: 'InternalFailure',
  message: 'The request processing has failed because of an unknown error.',
};

export function refusalFor(status: number): Refusal {
  if (status >= 500) return { status, ...INTERNAL };
  return { status, ...(BY_STATUS[status] ?? UNREADABLE) };
}

/** The refusal for a request meant for the Query API that no route takes. */
export function missedApi(method: string, path: string): Refusal {
  if (path === '/') {
    const message = `The Query API does not take ${method} requests.`;
    return { status: 405, code: 'InvalidAction', message, allow: 'GET, HEAD, POST' };
  }
  const message = 'There is no operation at this path: the Query API is served at /.';
  return { status: 404, code: 'InvalidAction', message };
}

function refusalXml(refusal: Refusal, requestId: string): string {
  const sender = refusal.status < 500;
  return errorXml('iam', { code: refusal.code, message: refusal.message, sender }, requestId);
}

/** Sends a refusal as AWS error XML, with the request's id in both the header and the body. */
export function sendRefusal(
  request: FastifyRequest,
  reply: FastifyReply,
  refusal: Refusal,
): FastifyReply {
  if (refusal.allow !== undefined) void reply.header('allow', refusal.allow);
  return reply
    .status(refusal.status)
    .header('x-amzn-RequestId', request.id)
    .type('text/xml')
    .send(refusalXml(refusal, request.id));
}

/** The same answer as raw HTTP/1.1, for a connection that Fastify never made a request of. */
export function rawRefusal(refusal: Refusal, requestId: string): string {
  const body = refusalXml(refusal, requestId);
  return (
    `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status] ?? ''}\r\n` +
    `Content-Type: text/xml\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
    `x-amzn-RequestId: ${requestId}\r\nConnection: close\r\n\r\n${body}`
  );
}

type ErrorHandler = (
  error: Error & { statusCode?: number },
  request: FastifyRequest,
  reply: FastifyReply,
) => void;

/**
 * Errors outside the console and the Query pipeline (body too large, unreadable Content-Type, a
 * path that is not valid percent-encoding): all as AWS XML, anything unexpected as an internal
 * failure that says nothing about its cause.
 */
export function httpErrorHandler(metrics: Metrics): ErrorHandler {
  return (error, request, reply) => {
    const given = error.statusCode ?? 500;
    const status = given >= 400 && given < 500 ? given : 500;
    metrics.httpRejections.inc({ status: String(status) });
    if (status >= 500) request.log.error({ event: 'http.fault', err: error }, 'unhandled error');
    void sendRefusal(request, reply, refusalFor(status));
  };
}

/**
 * Requests that no route takes. One meant for the Query API (signed, or naming an Action) is
 * answered in AWS XML so that an SDK can read it; anything else gets a plain 404.
 */
export function notFoundHandler(
  metrics: Metrics,
  isApiRequest: (request: FastifyRequest) => boolean,
): (request: FastifyRequest, reply: FastifyReply) => FastifyReply {
  return (request, reply) => {
    if (!isApiRequest(request) && !namesAction(request.body)) {
      return reply.status(404).type('text/plain').send('Not found\n');
    }
    const refusal = missedApi(request.method, request.url.split('?')[0] ?? '/');
    metrics.httpRejections.inc({ status: String(refusal.status) });
    return sendRefusal(request, reply, refusal);
  };
}

function namesAction(body: unknown): boolean {
  return Buffer.isBuffer(body) && /(^|&)Action=/.test(body.toString('latin1'));
}
