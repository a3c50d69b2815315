import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { AwsError, DeleteConflict, NoSuchEntity, ValidationError } from '../../domain/errors.js';
import { createVirtualMfaDevice, deleteVirtualMfaDevice } from '../../domain/mfa/devices.js';
import { enableMfaDevice } from '../../domain/mfa/enable.js';
import { mfaSerial } from '../../domain/arn.js';
import { mustNotBeDenied, type Console, type SignedIn } from '../context.js';
import { field } from '../form.js';
import { checkedOf, requireStage, signedInOf } from '../guard.js';
import { html } from '../html.js';
import { checkName, isSixDigitCode } from '../names.js';
import type { ConsoleSession } from '../session.js';
import { messagePage, seeOther, sendPage } from '../respond.js';
import { button, csrfInput, input } from '../widgets.js';
import { codesForm, qrStep } from './assign-mfa-view.js';

const PATH = '/console/security-credentials/mfa/assign';

/**
 * "Assign MFA device": name it, scan the QR code (or read the secret key), prove the app with two
 * consecutive codes. The device made in step one is bound to this session until it is enabled.
 */
export function registerAssignMfa(app: FastifyInstance, c: Console): void {
  const guard = { preHandler: requireStage(c, 'signed-in') };

  app.get('/security-credentials/mfa/assign', guard, async (request, reply) => {
    const signedIn = signedInOf(request);
    if (!signedIn.session.user) return rootRefused(reply, signedIn);
    return showName(reply, signedIn, signedIn.session.user.userName);
  });

  app.post('/security-credentials/mfa/assign', guard, async (request, reply) => {
    const signedIn = signedInOf(request);
    if (!signedIn.session.user) return rootRefused(reply, signedIn);
    const name = field(checkedOf(request).form, 'name');

    try {
      checkName(name, 'device name', 226);
      const resource = mfaSerial(c.deps.settings.accountId, '/', name);
      await mustNotBeDenied(c, request, signedIn.principal, 'iam:CreateVirtualMFADevice', resource);
      await discardPending(c, signedIn.session);
      const created = await createVirtualMfaDevice(c.deps, { name, path: '/', tags: [] });
      const tokenHash = signedIn.session.record.tokenHash;
      await c.deps.store.consoleSessions.setPendingSerial(tokenHash, created.device.serialNumber);
      return sendPage(reply, {
        title: 'Assign MFA device',
        body: qrStep(signedIn, created),
        nav: signedIn.nav,
      });
    } catch (error) {
      if (!(error instanceof AwsError) || error.status >= 500) throw error;
      return showName(reply, signedIn, name, error.message, error.status);
    }
  });

  app.post('/security-credentials/mfa/enable', guard, async (request, reply) => {
    const signedIn = signedInOf(request);
    const serialNumber = signedIn.session.record.pendingSerial;
    if (!signedIn.session.user || serialNumber === null) return seeOther(reply, PATH);

    const { form } = checkedOf(request);
    const [code1, code2] = [field(form, 'code1'), field(form, 'code2')];
    try {
      if (!isSixDigitCode(code1) || !isSixDigitCode(code2)) {
        throw new ValidationError('Enter two consecutive six-digit codes from your app.');
      }
      const { principal } = signedIn;
      await mustNotBeDenied(c, request, principal, 'iam:EnableMFADevice', principal.arn);
      const userName = signedIn.session.user.userName;
      await enableMfaDevice(c.deps, { userName, serialNumber, code1, code2 });
    } catch (error) {
      if (!(error instanceof AwsError) || error.status >= 500) throw error;
      return showCodesAgain(reply, signedIn, error.message, error.status);
    }

    await c.deps.store.consoleSessions.setPendingSerial(signedIn.session.record.tokenHash, null);
    logEnabled(c, request, signedIn, serialNumber);
    return seeOther(reply, '/console/security-credentials?notice=added');
  });
}

/**
 * A wizard started over, or abandoned by signing out, leaves no orphan: its never-enabled device
 * is deleted (one that got enabled meanwhile is left alone).
 */
export async function discardPending(c: Console, session: ConsoleSession): Promise<void> {
  const serialNumber = session.record.pendingSerial;
  if (serialNumber === null) return;

  await deleteVirtualMfaDevice(c.deps, serialNumber).catch((error: unknown) => {
    if (!(error instanceof NoSuchEntity) && !(error instanceof DeleteConflict)) throw error;
  });
  await c.deps.store.consoleSessions.setPendingSerial(session.record.tokenHash, null);
}

function logEnabled(c: Console, request: FastifyRequest, signedIn: SignedIn, serial: string): void {
  c.logger.info(
    {
      event: 'mfa_device.enabled',
      userName: signedIn.session.user?.userName,
      serialNumber: serial,
      sourceIp: request.ip,
      via: 'console',
    },
    'MFA device enabled',
  );
}

function rootRefused(reply: FastifyReply, signedIn: SignedIn): FastifyReply {
  const message = 'MFA devices belong to IAM users; the root user cannot be given one here.';
  return messagePage(reply, 400, 'Not available for the root user', message, signedIn.nav);
}

function showName(
  reply: FastifyReply,
  signedIn: SignedIn,
  name: string,
  error?: string,
  status = 200,
): FastifyReply {
  const body = html`<form method="post" action="${PATH}">
    ${csrfInput(signedIn.csrf)}
    ${input({
      label: 'Device name',
      name: 'name',
      value: name,
      autocomplete: 'off',
      hint: 'Unique in the account, for example alice-phone. Letters, digits and + = , . @ _ -',
    })}
    <div class="actions">${button('Next')}<a href="/console/security-credentials">Cancel</a></div>
  </form>`;
  return sendPage(reply, { title: 'Assign MFA device', body, nav: signedIn.nav, error }, status);
}

function showCodesAgain(
  reply: FastifyReply,
  signedIn: SignedIn,
  error: string,
  status: number,
): FastifyReply {
  const body = html`<p>The app you set up keeps showing new codes: enter the next two.</p>
    ${codesForm(signedIn.csrf)}
    <p class="muted">Lost the code? <a href="${PATH}">Start over with a new QR code</a></p>`;
  return sendPage(reply, { title: 'Assign MFA device', body, nav: signedIn.nav, error }, status);
}
