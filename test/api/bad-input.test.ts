import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startInProcess, type InProcessTessera } from '../support/in-process.js';
import { signedHeaders } from '../support/query.js';

/**
 * Malformed requests get AWS error XML with a 4xx status and the right code: never a 500, a stack
 * trace or JSON. Requests are signed by hand so that the body can be anything.
 */
describe('bad input on the Query API', () => {
  let tessera: InProcessTessera;

  beforeAll(async () => {
    tessera = await startInProcess();
  });

  afterAll(async () => {
    await tessera?.close();
  });

  async function send(
    body: string | Buffer,
    extraHeaders: Record<string, string> = {},
  ): Promise<{ status: number; text: string }> {
    const headers = await signedHeaders(tessera.url, tessera.root, { headers: extraHeaders, body });
    const payload = typeof body === 'string' ? body : new Uint8Array(body);
    const response = await fetch(tessera.url, {
      method: 'POST',
      headers,
      body: payload,
    });
    return { status: response.status, text: await response.text() };
  }

  function code(text: string): string | undefined {
    return /<Code>([^<]+)<\/Code>/.exec(text)?.[1];
  }

  it('an unknown action: InvalidAction', async () => {
    const { status, text } = await send('Action=FlyToTheMoon&Version=2010-05-08');
    expect(status).toBe(400);
    expect(code(text)).toBe('InvalidAction');
    expect(text).toMatch(/^<ErrorResponse xmlns="https:\/\/iam.amazonaws.com\/doc\/2010-05-08\/">/);
  });

  it('no action: MissingAction', async () => {
    const { status, text } = await send('Version=2010-05-08');
    expect([status, code(text)]).toEqual([400, 'MissingAction']);
  });

  it('a bad percent-encoding or invalid UTF-8: MalformedQueryString', async () => {
    expect(code((await send('Action=GetUser&UserName=%E0%A4')).text)).toBe('MalformedQueryString');
    expect(code((await send('Action=GetUser&UserName=%zz')).text)).toBe('MalformedQueryString');
    const raw = Buffer.concat([Buffer.from('Action=GetUser&UserName='), Buffer.from([0xff, 0xfe])]);
    expect(code((await send(raw)).text)).toBe('MalformedQueryString');
  });

  it('a parameter given twice: MalformedQueryString', async () => {
    const { status, text } = await send('Action=GetUser&UserName=a&UserName=b');
    expect([status, code(text)]).toEqual([400, 'MalformedQueryString']);
  });

  it('constraint violations: one ValidationError naming every member, in AWS wording', async () => {
    const { status, text } = await send(
      'Action=EnableMFADevice&Version=2010-05-08&UserName=bad%20name&SerialNumber=short' +
        '&AuthenticationCode1=12345&AuthenticationCode2=abcdef',
    );
    expect(status).toBe(400);
    expect(code(text)).toBe('ValidationError');
    expect(text).toContain('4 validation errors detected:');
    expect(text).toContain(
      "Value 'bad name' at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+",
    );
    expect(text).toContain(
      "at 'serialNumber' failed to satisfy constraint: Member must have length greater than or equal to 9",
    );
    expect(text).toContain("at 'authenticationCode1' failed to satisfy constraint");
  });

  it('codes and passwords are never echoed in errors', async () => {
    const { text } = await send(
      'Action=EnableMFADevice&Version=2010-05-08&UserName=a&SerialNumber=arn:aws:iam::1:mfa/a&AuthenticationCode1=98765&AuthenticationCode2=1234567',
    );
    expect(text).not.toContain('98765');
    expect(text).not.toContain('1234567');
    const pw = await send(
      'Action=CreateLoginProfile&Version=2010-05-08&UserName=a&Password=' + 'S3cret!'.repeat(30),
    );
    expect(code(pw.text)).toBe('ValidationError');
    expect(pw.text).not.toContain('S3cret!');
  });

  it('a missing required member: ValidationError "must not be null"', async () => {
    const { text } = await send('Action=CreateUser&Version=2010-05-08');
    expect(text).toContain(
      "Value null at 'userName' failed to satisfy constraint: Member must not be null",
    );
  });

  it('out-of-range numbers: ValidationError', async () => {
    const { text } = await send('Action=ListUsers&Version=2010-05-08&MaxItems=1001');
    expect(text).toContain(
      "at 'maxItems' failed to satisfy constraint: Member must have value less than or equal to 1000",
    );
    expect(code((await send('Action=ListUsers&Version=2010-05-08&MaxItems=ten')).text)).toBe(
      'ValidationError',
    );
  });

  it('a marker that Tessera did not issue: InvalidInput', async () => {
    const { status, text } = await send('Action=ListUsers&Version=2010-05-08&Marker=garbage');
    expect([status, code(text)]).toEqual([400, 'InvalidInput']);
  });

  it('a body over the limit: 413 in AWS XML, not a dropped connection', async () => {
    const response = await fetch(tessera.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=ListUsers&x=' + 'a'.repeat(2 * 1024 * 1024),
    });
    expect(response.status).toBe(413);
    expect(await response.text()).toContain('<Code>RequestEntityTooLarge</Code>');
  });

  it('no signature: MissingAuthenticationToken; an unknown key: InvalidClientTokenId', async () => {
    const anonymous = await fetch(tessera.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=ListUsers&Version=2010-05-08',
    });
    expect(anonymous.status).toBe(403);
    expect(await anonymous.text()).toContain('<Code>MissingAuthenticationToken</Code>');

    const unknown = await fetch(tessera.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-amz-date': '20260101T000000Z',
        authorization:
          'AWS4-HMAC-SHA256 Credential=AKIAUNKNOWNUNKNOWN12/20260101/us-east-1/iam/aws4_request, ' +
          `SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`,
      },
      body: 'Action=ListUsers&Version=2010-05-08',
    });
    expect(unknown.status).toBe(403);
    expect(await unknown.text()).toContain('<Code>InvalidClientTokenId</Code>');
  });

  it('control characters in echoed values still make well-formed XML', async () => {
    const { text } = await send('Action=GetUser&Version=2010-05-08&UserName=%01%02%3Cx%3E');
    expect(code(text)).toBe('ValidationError');
    expect(text).not.toMatch(/[\u0001\u0002]/);
    expect(text).toContain('&lt;x&gt;');
  });
});
