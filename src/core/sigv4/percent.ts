/**
 * Percent-encoding as SigV4 defines it (RFC 3986): only A-Z a-z 0-9 - _ . ~ stay bare, every
 * other byte becomes %XX in upper case. Written as plain loops over char codes because this runs
 * on every parameter of every request and must not depend on regular expressions.
 */

const HEX = '0123456789ABCDEF';

/** 1 for the unreserved ASCII characters, indexed by char code. */
const UNRESERVED = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  const alnum = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
  UNRESERVED[c] = alnum || ch === '-' || ch === '_' || ch === '.' || ch === '~' ? 1 : 0;
}

function escapeByte(byte: number): string {
  return '%' + HEX[byte >> 4] + HEX[byte & 15];
}

function hexDigit(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 70) return code - 55;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}

/** Length of the leading run that needs no encoding at all, so callers can return it as is. */
function bareRun(text: string, keepSlash: boolean): number {
  let i = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || (UNRESERVED[c] === 0 && !(keepSlash && c === 47))) break;
  }
  return i;
}

/**
 * UTF-8 escapes for the non-ASCII character at `i`. Node never hands over such characters in a
 * URL (its parser refuses them), so this only serves callers that build requests by hand.
 */
function escapeCodePoint(text: string, i: number): { escaped: string; width: number } {
  const point = text.codePointAt(i)!;
  const width = point > 0xffff ? 2 : 1;
  let escaped = '';
  for (const byte of Buffer.from(text.slice(i, i + width), 'utf8')) escaped += escapeByte(byte);
  return { escaped, width };
}

/**
 * Encodes every character of `text` that is not unreserved, '%' included: SigV4's canonical
 * path is the path as sent, encoded once more (`a%20b` becomes `a%2520b`).
 */
export function encodePath(text: string): string {
  let i = bareRun(text, true);
  if (i === text.length) return text;

  let out = text.slice(0, i);
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      out += UNRESERVED[c] === 1 || c === 47 ? text[i] : escapeByte(c);
      i++;
      continue;
    }

    const { escaped, width } = escapeCodePoint(text, i);
    out += escaped;
    i += width;
  }
  return out;
}

/**
 * Decodes one form-encoded query component the way the client meant it, then encodes it the one
 * way SigV4 accepts. Works byte by byte, so it never needs the bytes to be valid UTF-8.
 * `+` is a space, as the Query API reads it: treating it as a literal plus would let `%2B` and
 * `+` share a canonical form while the API reads them differently.
 * A '%' without two hex digits after it is a literal '%', as in URLSearchParams.
 */
export function recodeComponent(raw: string): string {
  let i = bareRun(raw, false);
  if (i === raw.length) return raw;

  let out = raw.slice(0, i);
  while (i < raw.length) {
    const c = raw.charCodeAt(i);
    const byte = c === 37 ? hexPair(raw, i + 1) : -1;
    if (byte >= 0) {
      out += byte < 128 && UNRESERVED[byte] === 1 ? String.fromCharCode(byte) : escapeByte(byte);
      i += 3;
    } else if (c === 43) {
      out += '%20';
      i++;
    } else if (c < 128) {
      out += UNRESERVED[c] === 1 ? raw[i] : escapeByte(c);
      i++;
    } else {
      const { escaped, width } = escapeCodePoint(raw, i);
      out += escaped;
      i += width;
    }
  }
  return out;
}

function hexPair(text: string, at: number): number {
  if (at + 1 >= text.length) return -1;
  const high = hexDigit(text.charCodeAt(at));
  const low = hexDigit(text.charCodeAt(at + 1));
  return high < 0 || low < 0 ? -1 : high * 16 + low;
}

/**
 * Decodes a form-encoded component to text, for the few X-Amz-* parameters the parser reads.
 * Bytes that are not UTF-8 become U+FFFD; such a value can only fail the checks that follow.
 */
export function decodeComponent(raw: string): string {
  let i = 0;
  for (; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 37 || c === 43 || c >= 128) break;
  }
  if (i === raw.length) return raw;

  const bytes: number[] = [];
  for (let j = 0; j < i; j++) bytes.push(raw.charCodeAt(j));
  while (i < raw.length) {
    const c = raw.charCodeAt(i);
    const byte = c === 37 ? hexPair(raw, i + 1) : -1;
    if (byte >= 0) {
      bytes.push(byte);
      i += 3;
    } else if (c === 43) {
      bytes.push(32);
      i++;
    } else if (c < 128) {
      bytes.push(c);
      i++;
    } else {
      const width = raw.codePointAt(i)! > 0xffff ? 2 : 1;
      for (const b of Buffer.from(raw.slice(i, i + width), 'utf8')) bytes.push(b);
      i += width;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
