import type { FastifyRequest } from 'fastify';

import { bodyText, parseForm } from '../api/query-string.js';
import { InvalidInput } from '../domain/errors.js';

/** Reads an urlencoded form from the raw body the server keeps; a repeated field is refused. */
export function readForm(request: FastifyRequest): Map<string, string> {
  const type = String(request.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    throw new InvalidInput('The form could not be read. Reload the page and try again.');
  }

  const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
  return parseForm(bodyText(body));
}

/** A field's value, trimmed unless it is a password (where spaces are part of the secret). */
export function field(form: Map<string, string>, name: string, keepSpaces = false): string {
  const value = form.get(name) ?? '';
  return keepSpaces ? value : value.trim();
}
