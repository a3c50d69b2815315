import type { FastifyInstance } from 'fastify';

import { CONSOLE_CSS } from '../style.js';

export function registerStatic(app: FastifyInstance): void {
  app.get('/static/console.css', async (_request, reply) =>
    reply
      .type('text/css; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(CONSOLE_CSS),
  );
}

/**
 * Browsers ask every site for /favicon.ico, and a 404 shows as an error in the console of every
 * page. An empty answer they may keep for a year ends that; the console has no icon to show.
 */
export function registerFavicon(app: FastifyInstance): void {
  app.get('/favicon.ico', async (_request, reply) =>
    reply.status(204).header('cache-control', 'public, max-age=31536000, immutable').send(),
  );
}
