import type { SignedRequest } from './types.js';

/** One header's value; repeats (from `headersDistinct`) joined with ',' as SigV4 joins them. */
export function readHeader(req: SignedRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/** HTTP's optional whitespace: node has already refused CR and LF inside header values. */
function isSpace(code: number): boolean {
  return code === 32 || code === 9;
}

/**
 * SigV4's Trimall: leading and trailing whitespace removed, inner runs collapsed to one space.
 * Returns the value itself, uncopied, when it is already in that form (the usual case).
 */
export function trimAll(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && isSpace(value.charCodeAt(start))) start++;
  while (end > start && isSpace(value.charCodeAt(end - 1))) end--;

  let clean = true;
  for (let i = start; i < end && clean; i++) {
    const c = value.charCodeAt(i);
    clean = !isSpace(c) || (c === 32 && !isSpace(value.charCodeAt(i + 1)));
  }
  if (clean) return start === 0 && end === value.length ? value : value.slice(start, end);

  let out = '';
  let runStart = start;
  for (let i = start; i < end; i++) {
    if (!isSpace(value.charCodeAt(i))) continue;
    out += value.slice(runStart, i) + ' ';
    while (isSpace(value.charCodeAt(i + 1))) i++;
    runStart = i + 1;
  }
  return out + value.slice(runStart, end);
}

/** A signed header's canonical value: each repeat trimmed, then joined with ','. */
export function canonicalHeaderValue(value: string | string[] | undefined): string {
  if (value === undefined) return '';
  if (!Array.isArray(value)) return trimAll(value);

  let out = '';
  for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + trimAll(value[i]!);
  return out;
}
