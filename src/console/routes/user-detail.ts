import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { mfaSerial, userArn } from '../../domain/arn.js';
import { AwsError, NoSuchEntity } from '../../domain/errors.js';
import {
  createLoginProfile,
  getLoginProfile,
  updateLoginProfile,
} from '../../domain/login-profiles.js';
import { deactivateMfaDevice, deleteVirtualMfaDevice } from '../../domain/mfa/devices.js';
import type { User } from '../../domain/types.js';
import { requireUser } from '../../domain/users.js';
import { isAllowed, mustBeAllowed, type Console, type SignedIn } from '../context.js';
import { field } from '../form.js';
import { checkedOf, requireStage, signedInOf } from '../guard.js';
import { seeOther } from '../respond.js';
import { endOtherSessions, rotateSession } from '../session.js';
import { showUser } from './user-detail-view.js';

/** One user, for administrators: console password and MFA devices (deactivate a lost phone). */
export function registerUserDetail(app: FastifyInstance, c: Console): void {
  const guard = { preHandler: requireStage(c, 'signed-in') };

  app.get('/users/:name', guard, async (request, reply) => {
    const signedIn = signedInOf(request);
    const user = await allowedUser(c, request, signedIn, 'iam:GetUser');
    const notice = (request.query as Record<string, string | undefined>).notice;
    return showUser(c, reply, signedIn, user, { notice });
  });

  app.post('/users/:name/password', guard, async (request, reply) => {
    const signedIn = signedInOf(request);
    const user = await allowedUser(c, request, signedIn, 'iam:GetUser');
    const { form } = checkedOf(request);
    try {
      await setPassword(c, request, signedIn, user, {
        password: field(form, 'password', true),
        resetRequired: form.get('reset') === '1',
      });
      const { passwordHash } = (await getLoginProfile(c.deps, user.userName)).profile;
      await endSessionsOf(c, reply, signedIn, user, { passwordHash });
    } catch (error) {
      if (!(error instanceof AwsError) || error.status >= 500) throw error;
      return showUser(c, reply, signedIn, user, { error: error.message }, error.status);
    }
    return seeOther(reply, `${userPath(user)}?notice=password`);
  });

  app.post('/users/:name/mfa/deactivate', guard, async (request, reply) => {
    const signedIn = signedInOf(request);
    const user = await allowedUser(c, request, signedIn, 'iam:DeactivateMFADevice');
    const serialNumber = field(checkedOf(request).form, 'serial');
    await deactivateMfaDevice(c.deps, { userName: user.userName, serialNumber });
    await deleteIfAllowed(c, request, signedIn, serialNumber);

    const current = signedIn.session.record.mfaSerial;
    const mfaSerial = current === serialNumber ? null : current;
    await endSessionsOf(c, reply, signedIn, user, { mfaSerial });
    c.logger.info(
      {
        event: 'mfa_device.deactivated',
        userName: user.userName,
        serialNumber,
        by: signedIn.principal.arn,
      },
      'MFA device deactivated in the console',
    );
    return seeOther(reply, `${userPath(user)}?notice=deactivated`);
  });
}

export function userPath(user: User): string {
  return `/console/users/${encodeURIComponent(user.userName)}`;
}

async function allowedUser(
  c: Console,
  request: FastifyRequest,
  signedIn: SignedIn,
  action: string,
): Promise<User> {
  const name = (request.params as { name: string }).name;
  const user = await c.deps.store.users.findByName(name);
  const arn = userArn(c.deps.settings.accountId, user?.path ?? '/', user?.userName ?? name);
  await mustBeAllowed(c, request, signedIn.principal, action, arn);
  return user ?? requireUser(c.deps, name);
}

async function setPassword(
  c: Console,
  request: FastifyRequest,
  signedIn: SignedIn,
  user: User,
  input: { password: string; resetRequired: boolean },
): Promise<void> {
  const arn = userArn(c.deps.settings.accountId, user.path, user.userName);
  const exists = await getLoginProfile(c.deps, user.userName).then(
    () => true,
    (error: unknown) => (error instanceof NoSuchEntity ? false : Promise.reject(error)),
  );
  const action = exists ? 'iam:UpdateLoginProfile' : 'iam:CreateLoginProfile';
  await mustBeAllowed(c, request, signedIn.principal, action, arn);

  const fields = { userName: user.userName, password: input.password };
  if (exists)
    await updateLoginProfile(c.deps, { ...fields, passwordResetRequired: input.resetRequired });
  else await createLoginProfile(c.deps, { ...fields, passwordResetRequired: input.resetRequired });
}

/**
 * A new password or a lost device signs the user out everywhere. An administrator acting on
 * themself keeps the session they act from, under a new cookie.
 */
async function endSessionsOf(
  c: Console,
  reply: FastifyReply,
  signedIn: SignedIn,
  user: User,
  change: Parameters<typeof rotateSession>[3],
): Promise<void> {
  if (signedIn.session.user?.userId !== user.userId) {
    await endOtherSessions(c.deps, user.userId);
    return;
  }
  const kept = await rotateSession(c.deps, reply, signedIn.session, change);
  await endOtherSessions(c.deps, user.userId, kept);
}

/** The virtual device goes too when allowed, so its name is free for the user's next phone. */
async function deleteIfAllowed(
  c: Console,
  request: FastifyRequest,
  signedIn: SignedIn,
  serialNumber: string,
): Promise<void> {
  const device = await c.deps.store.mfaDevices.find(serialNumber);
  if (!device) return;
  const resource = mfaSerial(c.deps.settings.accountId, device.path, device.name);
  if (await isAllowed(c, request, signedIn.principal, 'iam:DeleteVirtualMFADevice', resource)) {
    await deleteVirtualMfaDevice(c.deps, serialNumber);
  }
}
