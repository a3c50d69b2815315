import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'tessera_session';
/** Binds the sign-in forms' CSRF token before any session exists. */
export const PRESESSION_COOKIE = 'tessera_presession';

/** Reads one cookie from the Cookie header; a name sent twice counts as absent. */
export function readCookie(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;

  const found = header
    .split(';')
    .map((pair) => pair.trim())
    .filter((pair) => pair.startsWith(`${name}=`))
    .map((pair) => pair.slice(name.length + 1));
  return found.length === 1 && /^[\w-]{16,128}$/.test(found[0]!) ? found[0] : undefined;
}

/**
 * HttpOnly keeps the token from scripts, SameSite=Strict from other sites' requests, and Secure
 * from plain HTTP once the console is served over TLS.
 */
export function setCookie(
  reply: FastifyReply,
  name: string,
  value: string,
  maxAgeSeconds: number,
): void {
  const secure = reply.request.protocol === 'https' ? '; Secure' : '';
  const cookie =
    `${name}=${value}; Path=/; Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}; HttpOnly; ` +
    `SameSite=Strict${secure}`;
  const previous = reply.getHeader('set-cookie');
  const list =
    previous === undefined ? [] : Array.isArray(previous) ? previous : [String(previous)];
  void reply.header('set-cookie', [...list, cookie]);
}

export function clearCookie(reply: FastifyReply, name: string): void {
  setCookie(reply, name, '', 0);
}
