import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

import type { Logger } from 'pino';

import type { Metrics } from '../ops/metrics.js';
import { rawRefusal, refusalFor, type Refusal } from './refusals.js';

/**
 * Node's 'clientError' listener (Fastify's clientErrorHandler option): requests that cannot be
 * parsed, whose head is too large, or that are not in before the deadline. No Fastify request
 * exists for them, so the answer is written to the socket by hand, in the same AWS error XML as
 * every other refusal, and the connection is closed as Node itself does.
 */
export function clientErrorHandler(
  logger: Logger,
  metrics: Metrics,
): (error: NodeJS.ErrnoException, socket: Socket) => void {
  return (error, socket) => {
    // A reset connection has nobody left to answer.
    if (error.code === 'ECONNRESET' || socket.destroyed) return;

    const refusal = clientRefusal(error.code);
    if (refusal !== undefined) {
      const requestId = randomUUID();
      metrics.httpRejections.inc({ status: String(refusal.status) });
      // Only the parser's code: its error also holds the raw bytes, headers and all.
      const event = {
        event: 'http.refused',
        requestId,
        status: refusal.status,
        reason: error.code,
      };
      logger.info(event, 'unreadable request refused');
      if (socket.writable && !answerStarted(socket)) socket.write(rawRefusal(refusal, requestId));
    }
    socket.destroy(error);
  };
}

/** The answer to a parser error or a timeout; other socket errors get none. */
function clientRefusal(code: string | undefined): Refusal | undefined {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return refusalFor(408);
  if (code === 'HPE_HEADER_OVERFLOW') return refusalFor(431);
  if (code?.startsWith('HPE_')) return refusalFor(400);
  return undefined;
}

/** A response already under way must not get a second status line in its middle. */
function answerStarted(socket: Socket): boolean {
  const current = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
  return current?.headersSent === true;
}
