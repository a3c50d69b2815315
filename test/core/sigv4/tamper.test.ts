import { describe, expect, it } from 'vitest';

import type { SignedRequest } from '../../../src/core/sigv4/index.js';
import {
  authenticate,
  errorOf,
  SIGNATURE_MISMATCH,
  toRequest,
  vector,
  type BotocoreVector,
} from './fixtures.js';

const REFUSED = { code: 'SignatureDoesNotMatch', message: SIGNATURE_MISMATCH };

function attempt(v: BotocoreVector, change: (req: SignedRequest) => void): () => void {
  const req = toRequest(v.request);
  change(req);
  return () => authenticate(req, v.secret, new Date(v.now));
}

function replaceOnce(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`fixture lacks ${from}`);
  return text.replace(from, to);
}

describe('invariant: a change to any signed part of a request is refused', () => {
  const form = vector('iam-tag-user-form-encoding');
  const presigned = vector('iam-presigned-list-users-params');

  it('the body: %2B turned into + (a plus becomes a space for the API)', () => {
    const change = attempt(form, (req) => {
      req.body = Buffer.from(replaceOnce(form.request.body, 'x%2By', 'x+y'));
    });
    expect(errorOf(change)).toEqual(REFUSED);
  });

  it('the body: one byte appended', () => {
    const change = attempt(form, (req) => {
      req.body = Buffer.concat([req.body, Buffer.from('&')]);
    });
    expect(errorOf(change)).toEqual(REFUSED);
  });

  it('a signed header: content-type', () => {
    const change = attempt(form, (req) => {
      req.headers['content-type'] = 'application/x-www-form-urlencoded';
    });
    expect(errorOf(change)).toEqual(REFUSED);
  });

  it('a signed header: the port in Host', () => {
    const change = attempt(form, (req) => {
      req.headers.host = '127.0.0.1:9444';
    });
    expect(errorOf(change)).toEqual(REFUSED);
  });

  it('the method', () => {
    expect(errorOf(attempt(form, (req) => (req.method = 'PUT')))).toEqual(REFUSED);
  });

  it('the path', () => {
    expect(errorOf(attempt(form, (req) => (req.path = '/x')))).toEqual(REFUSED);
  });

  it('a presigned query value', () => {
    const change = attempt(presigned, (req) => {
      req.query = replaceOnce(req.query, 'MaxItems=5', 'MaxItems=6');
    });
    expect(errorOf(change)).toEqual(REFUSED);
  });

  it('a presigned query value: %2B turned into +', () => {
    const change = attempt(presigned, (req) => {
      req.query = replaceOnce(req.query, '%2Bc', '+c');
    });
    expect(errorOf(change)).toEqual(REFUSED);
  });

  it('a parameter added to the query of a header-signed request', () => {
    const change = attempt(form, (req) => (req.query = 'Action=DeleteUser'));
    expect(errorOf(change)).toEqual(REFUSED);
  });

  it('the signature: one hex digit changed', () => {
    const v = vector('sts-get-caller-identity-session-token');
    const change = attempt(v, (req) => {
      const auth = req.headers.authorization as string;
      const last = auth.at(-1) === '0' ? '1' : '0';
      req.headers.authorization = auth.slice(0, -1) + last;
    });
    expect(errorOf(change)).toEqual(REFUSED);
  });

  it('the security token of a session', () => {
    const v = vector('sts-get-caller-identity-session-token');
    const change = attempt(v, (req) => (req.headers['x-amz-security-token'] = 'other'));
    expect(errorOf(change)).toEqual(REFUSED);
  });

  it('a declared payload hash that no longer matches the body', () => {
    const v = vector('declared-payload-hash');
    const change = attempt(v, (req) => (req.body = Buffer.from('Action=DeleteUser')));
    expect(errorOf(change)).toEqual({
      code: 'SignatureDoesNotMatch',
      message: "The provided 'x-amz-content-sha256' header does not match what was computed.",
    });
  });
});

describe('changes that do not alter what was signed are accepted', () => {
  it('unsigned headers: user-agent and the SDK invocation id', () => {
    const v = vector('iam-tag-user-form-encoding');
    const change = attempt(v, (req) => {
      req.headers['user-agent'] = 'something else';
      req.headers['amz-sdk-invocation-id'] = 'another id';
    });
    expect(change).not.toThrow();
  });

  it('a query space sent as %20 instead of + (the same value for the API)', () => {
    const v = vector('iam-get-query-unsorted-repeated');
    const change = attempt(v, (req) => {
      req.query = replaceOnce(req.query, 'Marker=b+a', 'Marker=b%20a');
    });
    expect(change).not.toThrow();
  });

  it('UNSIGNED-PAYLOAD, signed, leaves the body uncovered, as the client asked', () => {
    const v = vector('unsigned-payload');
    const change = attempt(v, (req) => (req.body = Buffer.from('Action=DeleteUser')));
    expect(change).not.toThrow();
  });
});
