import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startInProcess, type InProcessTessera } from '../support/in-process.js';
import { formOf, query } from '../support/query.js';

/** Each service speaks one API version; naming another names no operation, as in AWS. */
describe('the Version parameter', () => {
  let tessera: InProcessTessera;

  beforeAll(async () => {
    tessera = await startInProcess();
  });

  afterAll(async () => {
    await tessera?.close();
  });

  function send(service: 'iam' | 'sts', params: Record<string, string>) {
    return query(
      tessera.url,
      tessera.root,
      params.Action ?? '',
      {},
      {
        service,
        body: formOf(params),
      },
    );
  }

  it('an unknown version: InvalidAction, in AWS wording', async () => {
    const response = await send('iam', { Action: 'ListUsers', Version: '1999-01-01' });

    expect([response.status, response.code]).toEqual([400, 'InvalidAction']);
    expect(response.text).toContain(
      '<Message>Could not find operation ListUsers for version 1999-01-01</Message>',
    );
  });

  it("STS's version on an IAM-scoped request, and IAM's on an STS one: InvalidAction", async () => {
    const iam = await send('iam', { Action: 'ListUsers', Version: '2011-06-15' });
    expect([iam.status, iam.code]).toEqual([400, 'InvalidAction']);

    const sts = await send('sts', { Action: 'GetCallerIdentity', Version: '2010-05-08' });
    expect([sts.status, sts.code]).toEqual([400, 'InvalidAction']);
    expect(sts.text).toMatch(/^<ErrorResponse xmlns="https:\/\/sts\.amazonaws\.com/);
  });

  it('an empty version is a wrong one', async () => {
    const response = await send('iam', { Action: 'ListUsers', Version: '' });
    expect(response.code).toBe('InvalidAction');
  });

  it('a long version is cut short in the message', async () => {
    const response = await send('iam', { Action: 'ListUsers', Version: 'v'.repeat(5000) });
    expect(response.code).toBe('InvalidAction');
    expect(response.text.length).toBeLessThan(1000);
  });

  it('the right version, or none at all, is served', async () => {
    expect((await send('iam', { Action: 'ListUsers', Version: '2010-05-08' })).status).toBe(200);
    expect((await send('iam', { Action: 'ListUsers' })).status).toBe(200);
    const sts = await send('sts', { Action: 'GetCallerIdentity', Version: '2011-06-15' });
    expect(sts.status).toBe(200);
    expect((await send('sts', { Action: 'GetCallerIdentity' })).status).toBe(200);
  });
});
