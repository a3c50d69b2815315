import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Nothing but this origin's stylesheet, inline QR images and forms posting back here: no script
 * runs, no page frames the console, and no URL leaks in a Referer.
 */
const CSP = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

export async function securityHeaders(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): Promise<unknown> {
  reply.header('content-security-policy', CSP);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'no-referrer');
  reply.header('x-frame-options', 'DENY');
  reply.header('cross-origin-opener-policy', 'same-origin');
  reply.header('cross-origin-resource-policy', 'same-origin');
  if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  if (request.protocol === 'https') {
    reply.header('strict-transport-security', 'max-age=31536000');
  }
  return payload;
}
