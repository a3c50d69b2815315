import type { FastifyInstance } from 'fastify';

import type { Console } from '../context.js';
import { requireStage, signedInOf } from '../guard.js';
import { html } from '../html.js';
import { seeOther, sendPage } from '../respond.js';
import { when } from '../widgets.js';

export function registerHome(app: FastifyInstance, c: Console): void {
  app.get('/', async (_request, reply) => seeOther(reply, '/console/home'));

  app.get('/home', { preHandler: requireStage(c, 'signed-in') }, async (request, reply) => {
    const { nav, principal, session } = signedInOf(request);
    const mfa = session.record.mfaAuthenticatedAt !== null;

    const body = html`<dl class="facts">
        <dt>Signed in as</dt>
        <dd>${principal.arn}</dd>
        <dt>MFA used at sign-in</dt>
        <dd>${mfa ? 'Yes' : 'No'}</dd>
        <dt>Session ends</dt>
        <dd>${when(session.record.expiresAt)} at the latest</dd>
      </dl>
      ${
        principal.kind === 'user' && !mfa
          ? html`<p class="message notice">
              Protect your sign-in with a second factor:
              <a href="/console/security-credentials">set up an MFA device</a>.
            </p>`
          : ''
      }`;
    return sendPage(reply, { title: `Welcome, ${nav.identity}`, body, nav });
  });
}
