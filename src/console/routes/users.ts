import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { userArn } from '../../domain/arn.js';
import { AwsError } from '../../domain/errors.js';
import { createLoginProfile } from '../../domain/login-profiles.js';
import { checkPassword } from '../../domain/password-policy.js';
import { createUser, listUsers } from '../../domain/users.js';
import { mustBeAllowed, type Console, type SignedIn } from '../context.js';
import { field } from '../form.js';
import { checkedOf, requireStage, signedInOf } from '../guard.js';
import { html } from '../html.js';
import { checkName } from '../names.js';
import { seeOther, sendPage } from '../respond.js';
import { button, checkbox, csrfInput, input, when } from '../widgets.js';

/** The users list and "Create user", for root and anyone a policy lets do it. */
export function registerUsers(app: FastifyInstance, c: Console): void {
  const guard = { preHandler: requireStage(c, 'signed-in') };

  app.get('/users', guard, async (request, reply) => {
    const { nav, principal } = signedInOf(request);
    await mustBeAllowed(c, request, principal, 'iam:ListUsers', '*');

    const marker = (request.query as Record<string, string | undefined>).marker;
    const page = await listUsers(c.deps, { pathPrefix: '/', marker, maxItems: 50 });
    const rows = page.items.map(
      (u) =>
        html`<tr>
          <td><a href="/console/users/${encodeURIComponent(u.userName)}">${u.userName}</a></td>
          <td class="optional">${when(u.createdAt)}</td>
          <td>${when(u.passwordLastUsed)}</td>
        </tr>`,
    );
    const more = page.marker
      ? html`<p>
          <a href="/console/users?marker=${encodeURIComponent(page.marker)}">Next page</a>
        </p>`
      : '';

    const body = html`<p><a class="button" href="/console/users/new">Create user</a></p>
      <table>
        <thead>
          <tr>
            <th scope="col">User name</th>
            <th scope="col" class="optional">Created</th>
            <th scope="col">Console last sign-in</th>
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
      </table>
      ${more}`;
    return sendPage(reply, { title: 'Users', body, nav });
  });

  app.get('/users/new', guard, async (request, reply) => showCreate(reply, signedInOf(request)));

  app.post('/users', guard, async (request, reply) => {
    const signedIn = signedInOf(request);
    const { form } = checkedOf(request);
    const input = {
      userName: field(form, 'username'),
      password: field(form, 'password', true),
      resetRequired: form.get('reset') === '1',
    };

    try {
      await create(c, request, signedIn, input);
    } catch (error) {
      if (!(error instanceof AwsError) || error.status >= 500) throw error;
      return showCreate(reply, signedIn, input.userName, error.message, error.status);
    }
    return seeOther(reply, `/console/users/${encodeURIComponent(input.userName)}?notice=created`);
  });
}

/** Every check comes before the first write, so a refused password leaves no user behind. */
async function create(
  c: Console,
  request: FastifyRequest,
  signedIn: SignedIn,
  input: { userName: string; password: string; resetRequired: boolean },
): Promise<void> {
  const { userName, password } = input;
  checkName(userName, 'user name', 64);
  if (password) checkPassword(password, userName);
  const arn = userArn(c.deps.settings.accountId, '/', userName);
  await mustBeAllowed(c, request, signedIn.principal, 'iam:CreateUser', arn);
  if (password) await mustBeAllowed(c, request, signedIn.principal, 'iam:CreateLoginProfile', arn);

  await createUser(c.deps, { userName, path: '/', tags: [] });
  if (password) {
    await createLoginProfile(c.deps, {
      userName,
      password,
      passwordResetRequired: input.resetRequired,
    });
  }
  c.logger.info(
    {
      event: 'user.created',
      userName,
      consoleAccess: Boolean(password),
      by: signedIn.principal.arn,
    },
    'user created in the console',
  );
}

function showCreate(
  reply: FastifyReply,
  signedIn: SignedIn,
  userName = '',
  error?: string,
  status = 200,
): FastifyReply {
  const body = html`<form method="post" action="/console/users">
    ${csrfInput(signedIn.csrf)}
    ${input({ label: 'User name', name: 'username', value: userName, autocomplete: 'off' })}
    ${input({
      label: 'Console password',
      name: 'password',
      type: 'password',
      autocomplete: 'new-password',
      required: false,
      hint: 'Leave empty for a user without console access.',
    })}
    ${checkbox('User must create a new password at next sign-in', 'reset')}
    <div class="actions">${button('Create user')}<a href="/console/users">Cancel</a></div>
  </form>`;
  return sendPage(reply, { title: 'Create user', body, nav: signedIn.nav, error }, status);
}
