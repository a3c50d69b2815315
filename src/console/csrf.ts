import type { FastifyRequest } from 'fastify';

import { safeEqual, sha256Hex } from '../core/crypto/index.js';

export const CSRF_FIELD = 'csrf';

/**
 * Double-submit bound to the session: the form carries a digest of the secret in the session's
 * HttpOnly cookie (or, before sign-in, of a pre-session cookie). Another site can neither read
 * that cookie nor make the browser send it (SameSite=Strict), and a token from another session,
 * or from before the cookie was replaced, does not match.
 */
export function csrfToken(binding: string): string {
  return sha256Hex(`tessera-console-csrf:${binding}`);
}

export function csrfValid(binding: string | undefined, sent: string | undefined): boolean {
  if (binding === undefined || sent === undefined) return false;
  return safeEqual(csrfToken(binding), sent);
}

/** Browsers say where a request came from; anything but this origin (or a typed URL) is refused. */
export function crossSiteRequest(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  return site !== undefined && site !== 'same-origin' && site !== 'none';
}
