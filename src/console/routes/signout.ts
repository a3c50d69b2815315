import type { FastifyInstance } from 'fastify';

import type { Console } from '../context.js';
import { requireStage, sessionOf } from '../guard.js';
import { seeOther } from '../respond.js';
import { endSession } from '../session.js';
import { discardPending } from './assign-mfa.js';

/** Ends the session in the database (on every instance) and clears the cookie. */
export function registerSignOut(app: FastifyInstance, c: Console): void {
  app.post('/signout', { preHandler: requireStage(c, 'any') }, async (request, reply) => {
    const session = sessionOf(request);
    await discardPending(c, session);
    await endSession(c.deps, reply, session);

    c.logger.info(
      { event: 'signout.succeeded', userName: session.user?.userName ?? 'root' },
      'console sign-out',
    );
    return seeOther(reply, '/console/signin?notice=signed-out');
  });
}
