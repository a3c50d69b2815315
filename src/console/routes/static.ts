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
