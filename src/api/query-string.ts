import { MalformedQueryString } from '../domain/errors.js';

/** Enough for the largest IAM input (a 131,072-character policy document, percent-encoded). */
export const MAX_PARAMETERS = 1000;

/**
 * Decodes an application/x-www-form-urlencoded string strictly: `+` is a space, every escape must
 * be well formed, the bytes must be UTF-8, and a name may appear once. Written by hand because
 * URLSearchParams silently replaces bad escapes and invalid UTF-8, which would let two different
 * byte strings name the same parameter.
 */
export function parseForm(
  text: string,
  into: Map<string, string> = new Map(),
): Map<string, string> {
  if (text.length === 0) return into;

  for (const pair of text.split('&')) {
    if (pair.length === 0) continue;
    const eq = pair.indexOf('=');
    const name = decodeComponent(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? '' : decodeComponent(pair.slice(eq + 1));

    if (into.has(name))
      throw new MalformedQueryString(`Parameter ${safeName(name)} was given more than once.`);
    into.set(name, value);
    if (into.size > MAX_PARAMETERS) {
      throw new MalformedQueryString(`A request may carry at most ${MAX_PARAMETERS} parameters.`);
    }
  }
  return into;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeComponent(raw: string): string {
  const spaced = raw.includes('+') ? raw.replace(/\+/g, ' ') : raw;
  if (!spaced.includes('%')) return spaced;

  let decoded: string;
  try {
    decoded = decodeURIComponent(spaced);
  } catch {
    throw new MalformedQueryString(
      'The request contains a malformed percent-encoding or invalid UTF-8.',
    );
  }
  return decoded;
}

/** Checks that raw body bytes are UTF-8 before they are read as text. */
export function bodyText(body: Buffer): string {
  try {
    return utf8.decode(body);
  } catch {
    throw new MalformedQueryString('The request body is not valid UTF-8.');
  }
}

/** Parameter names are echoed in errors; keep them short and printable. */
function safeName(name: string): string {
  return name.replace(/[^\x20-\x7e]/g, '?').slice(0, 64);
}
