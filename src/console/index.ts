import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';

import type { Deps } from '../domain/context.js';
import type { Console } from './context.js';
import { consoleErrors } from './faults.js';
import { securityHeaders } from './headers.js';
import { messagePage } from './respond.js';
import { registerAssignMfa } from './routes/assign-mfa.js';
import { registerHome } from './routes/home.js';
import { registerMfaPrompt } from './routes/mfa-prompt.js';
import { registerMfaResync } from './routes/mfa-resync.js';
import { registerPassword } from './routes/password.js';
import { registerRemoveMfa } from './routes/remove-mfa.js';
import { registerSecurityCredentials } from './routes/security-credentials.js';
import { registerSignIn } from './routes/signin.js';
import { registerRootSignIn } from './routes/signin-root.js';
import { registerSignOut } from './routes/signout.js';
import { registerFavicon, registerStatic } from './routes/static.js';
import { registerUserDetail } from './routes/user-detail.js';
import { registerUsers } from './routes/users.js';
import { sweepSessions } from './session.js';

/** How often an instance clears out ended sessions (any instance may; the result is the same). */
const SWEEP_EVERY_MS = 10 * 60_000;

/**
 * The web console under /console: server-rendered pages over the same domain services as the
 * API, with its own error pages and security headers. Nothing here answers an API request.
 */
export function registerConsole(app: FastifyInstance, deps: Deps, logger: Logger): void {
  const c: Console = { deps, logger };

  void app.register(
    async (scope) => {
      scope.addHook('onSend', securityHeaders);
      scope.setErrorHandler(consoleErrors(c));
      scope.setNotFoundHandler((_request, reply) =>
        messagePage(reply, 404, 'Not found', 'There is no console page at this address.'),
      );

      registerStatic(scope);
      registerSignIn(scope, c);
      registerRootSignIn(scope, c);
      registerMfaPrompt(scope, c);
      registerMfaResync(scope, c);
      registerSignOut(scope, c);
      registerHome(scope, c);
      registerSecurityCredentials(scope, c);
      registerAssignMfa(scope, c);
      registerRemoveMfa(scope, c);
      registerPassword(scope, c);
      registerUsers(scope, c);
      registerUserDetail(scope, c);
    },
    { prefix: '/console' },
  );
  // Outside /console, where browsers look for it.
  registerFavicon(app);

  const sweeper = setInterval(() => {
    sweepSessions(deps).catch((err: unknown) =>
      logger.warn({ event: 'console.sweep_failed', err }, 'could not clear ended console sessions'),
    );
  }, SWEEP_EVERY_MS);
  sweeper.unref();
  app.addHook('onClose', async () => clearInterval(sweeper));
}
