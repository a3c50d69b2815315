import type { FastifyReply, FastifyRequest } from 'fastify';

import { newToken } from '../core/crypto/index.js';
import { PRESESSION_COOKIE, readCookie, setCookie } from './cookies.js';
import { crossSiteRequest, csrfToken, csrfValid, CSRF_FIELD } from './csrf.js';
import { signedInView, type Console, type SignedIn } from './context.js';
import { readForm } from './form.js';
import { loadSession, type ConsoleSession } from './session.js';
import { formExpired } from './respond.js';

/** What the guards found out about a request, for its handler. */
interface Checked {
  form: Map<string, string>;
  csrf: string;
  session?: ConsoleSession;
  signedIn?: SignedIn;
}

const checked = new WeakMap<FastifyRequest, Checked>();

type PreHandler = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

/**
 * For the sign-in pages: gives the browser a pre-session cookie to bind the form's CSRF token
 * to, and checks that token on submission (so another site cannot sign a victim in).
 */
export function presession(c: Console): PreHandler {
  return async (request, reply) => {
    let binding = readCookie(request, PRESESSION_COOKIE);
    if (request.method === 'POST') return checkForm(c, request, reply, binding, {});

    if (binding === undefined) {
      binding = newToken(c.deps.random);
      setCookie(reply, PRESESSION_COOKIE, binding, 60 * 60);
    }
    checked.set(request, { form: new Map(), csrf: csrfToken(binding) });
    return undefined;
  };
}

/**
 * Admits only sessions at `stage`. A session waiting for its MFA code is sent to the prompt and
 * opens nothing else; anyone without a session is sent to sign in. Sign-out takes either stage.
 */
export function requireStage(c: Console, stage: Stage | 'any'): PreHandler {
  return async (request, reply) => {
    const session = await loadSession(c.deps, request);
    if (!session) return reply.redirect('/console/signin', 303);

    const actual = session.record.stage;
    if (stage !== 'any' && actual !== stage) {
      return reply.redirect(stage === 'signed-in' ? '/console/mfa' : '/console/home', 303);
    }
    if (stage === 'signed-in' && session.mustChangePassword && !PASSWORD_PATHS.has(request.url)) {
      return reply.redirect('/console/password', 303);
    }

    const signedIn = actual === 'signed-in' ? await signedInView(c, request, session) : undefined;
    if (request.method === 'POST') {
      return checkForm(c, request, reply, session.token, { session, signedIn });
    }
    checked.set(request, { form: new Map(), csrf: csrfToken(session.token), session, signedIn });
    return undefined;
  };
}

type Stage = 'awaiting-mfa' | 'signed-in';

/** Where a user whose password must be replaced may still go. */
const PASSWORD_PATHS = new Set(['/console/password', '/console/signout']);

async function checkForm(
  c: Console,
  request: FastifyRequest,
  reply: FastifyReply,
  binding: string | undefined,
  found: Pick<Checked, 'session' | 'signedIn'>,
): Promise<unknown> {
  const form = readForm(request);
  if (crossSiteRequest(request) || !csrfValid(binding, form.get(CSRF_FIELD))) {
    c.logger.info(
      { event: 'console.csrf_rejected', path: request.routeOptions.url, sourceIp: request.ip },
      'console form refused',
    );
    return formExpired(reply);
  }

  checked.set(request, { form, csrf: csrfToken(binding!), ...found });
  return undefined;
}

export function checkedOf(request: FastifyRequest): Checked {
  const found = checked.get(request);
  if (!found) throw new TypeError('console route registered without its guard');
  return found;
}

/** The signed-in view, if the guard admitted one (error pages then keep the header). */
export function signedInIfAny(request: FastifyRequest): SignedIn | undefined {
  return checked.get(request)?.signedIn;
}

export function signedInOf(request: FastifyRequest): SignedIn {
  const found = checkedOf(request).signedIn;
  if (!found) throw new TypeError('console route needs requireStage(c, "signed-in")');
  return found;
}

export function sessionOf(request: FastifyRequest): ConsoleSession {
  const found = checkedOf(request).session;
  if (!found) throw new TypeError('console route needs requireStage');
  return found;
}
