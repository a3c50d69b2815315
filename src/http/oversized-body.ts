import type { IncomingMessage } from 'node:http';

import {
  errorCodes,
  type FastifyReply,
  type FastifyRequest,
  type HookHandlerDoneFunction,
} from 'fastify';

import { BODY_LIMIT, DRAIN_LIMIT } from './limits.js';

/**
 * An onRequest hook that refuses a body whose declared length is over the limit with a 413 and
 * a closed connection. Up to DRAIN_LIMIT the body is first read and discarded, never kept, so a
 * client still writing it reads the answer instead of a reset; the request timeout bounds how
 * long that can take. (A chunked body that grows too large is Fastify's to refuse as it reads.)
 */
export function refuseOversizedBody(
  request: FastifyRequest,
  reply: FastifyReply,
  done: HookHandlerDoneFunction,
): void {
  const declared = Number(request.headers['content-length'] ?? 0);
  // Every request passes here: the common case answers at once, without an async hook's promise.
  if (!(declared > BODY_LIMIT)) return done();
  refuse(request, reply).then(() => done(), done);
}

async function refuse(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  void reply.header('connection', 'close');
  if (Number(request.headers['content-length']) <= DRAIN_LIMIT) await discardBody(request.raw);
  // Cut off while draining: the timeout's own answer has gone out already.
  if (request.raw.socket.destroyed) {
    reply.hijack();
    return;
  }
  throw new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE();
}

/** Reads the rest of the body into nothing; settles once it is all in or the request is gone. */
function discardBody(raw: IncomingMessage): Promise<void> {
  if (raw.readableEnded || raw.destroyed) return Promise.resolve();
  return new Promise((done) => {
    raw.on('end', done);
    raw.on('close', done);
    raw.on('error', done);
    raw.resume();
  });
}
