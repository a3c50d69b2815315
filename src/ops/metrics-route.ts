import type { FastifyInstance } from 'fastify';

import { safeEqual, sha256Hex } from '../core/crypto/index.js';
import type { Deps } from '../domain/context.js';
import type { Metrics } from './metrics.js';
import { CONTENT_TYPE } from './prometheus.js';

/**
 * GET /metrics. Loopback clients (a node exporter, a local agent) may always read it; any other
 * address needs `Authorization: Bearer <TESSERA_METRICS_TOKEN>`, and without a configured token
 * the endpoint is closed to them. Behind a reverse proxy on the same host every client looks
 * like loopback, so such a proxy must not forward /metrics.
 */
export function registerMetricsRoute(
  app: FastifyInstance,
  deps: Deps,
  metrics: Metrics,
  token: string | undefined,
): void {
  app.get('/metrics', async (request, reply) => {
    const status = metricsAccess(request.ip, request.headers.authorization, token);
    if (status === 403) return reply.status(403).type('text/plain').send('Forbidden\n');
    if (status === 401) {
      return reply
        .status(401)
        .header('www-authenticate', 'Bearer realm="tessera-metrics"')
        .type('text/plain')
        .send('Unauthorized\n');
    }
    return reply.type(CONTENT_TYPE).send(await metrics.render(deps));
  });
}

export function metricsAccess(
  ip: string,
  authorization: string | undefined,
  token: string | undefined,
): 200 | 401 | 403 {
  if (isLoopback(ip)) return 200;
  if (token === undefined || token === '') return 403;

  const given = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1] ?? '';
  // Comparing digests keeps the comparison constant-time and says nothing about the length.
  return safeEqual(sha256Hex(given), sha256Hex(token)) ? 200 : 401;
}

export function isLoopback(ip: string): boolean {
  return /^127\./.test(ip) || ip === '::1' || /^::ffff:127\./i.test(ip);
}
