import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startInProcess, type InProcessTessera } from '../support/in-process.js';
import { query, type QueryResponse } from '../support/query.js';

const GAPS = 'list members must be numbered from 1 without gaps';

/**
 * `Name.member.N` lists: every member under the list's prefix is read, or the call is refused.
 * A member a client sent must never be dropped without a word.
 */
describe('list member indexes', () => {
  let tessera: InProcessTessera;
  let users = 0;

  beforeAll(async () => {
    tessera = await startInProcess();
  });

  afterAll(async () => {
    await tessera?.close();
  });

  function call(action: string, params: Record<string, string>): Promise<QueryResponse> {
    return query(tessera.url, tessera.root, action, params);
  }

  function createUser(tags: Record<string, string>): Promise<QueryResponse> {
    return call('CreateUser', { UserName: `T${++users}`, ...tags });
  }

  it.each([
    ['999999999', { 'Tags.member.999999999.Key': 'a', 'Tags.member.999999999.Value': 'b' }],
    ['0', { 'Tags.member.0.Key': 'a', 'Tags.member.0.Value': 'b' }],
    ['-1', { 'Tags.member.-1.Key': 'a', 'Tags.member.-1.Value': 'b' }],
    ['a 400-digit number', { [`Tags.member.${'9'.repeat(400)}.Key`]: 'a' }],
    ['01', { 'Tags.member.01.Key': 'a', 'Tags.member.01.Value': 'b' }],
    ['1x', { 'Tags.member.1x.Key': 'a', 'Tags.member.1x.Value': 'b' }],
    ['empty', { 'Tags.member..Key': 'a', 'Tags.member..Value': 'b' }],
    [
      'a gap (1 and 3)',
      {
        'Tags.member.1.Key': 'a',
        'Tags.member.1.Value': 'b',
        'Tags.member.3.Key': 'c',
        'Tags.member.3.Value': 'd',
      },
    ],
  ])('a tag index of %s is refused with a ValidationError', async (_name, tags) => {
    const response = await createUser(tags);

    expect([response.status, response.code]).toEqual([400, 'ValidationError']);
    expect(response.text).toContain(`Value at 'tags' failed to satisfy constraint: ${GAPS}`);
  });

  it('a refused list creates nothing', async () => {
    await createUser({ 'Tags.member.0.Key': 'a', 'Tags.member.0.Value': 'b' });
    const list = await call('ListUsers', {});
    expect(list.text).not.toContain(`<UserName>T${users}</UserName>`);
  });

  it('a member past the end of a complete list is refused, not dropped', async () => {
    const response = await createUser({
      'Tags.member.1.Key': 'a',
      'Tags.member.1.Value': 'b',
      'Tags.member.2.Value': 'orphan',
    });

    expect(response.code).toBe('ValidationError');
    expect(response.text).toContain(
      "Value null at 'tags.2.member.key' failed to satisfy constraint: Member must not be null",
    );
  });

  it('well-numbered tags are all kept, in index order', async () => {
    const tags: Record<string, string> = {};
    for (const n of [3, 1, 2]) {
      tags[`Tags.member.${n}.Key`] = `k${n}`;
      tags[`Tags.member.${n}.Value`] = `v${n}`;
    }
    const created = await createUser(tags);
    expect(created.status).toBe(200);

    const listed = await call('GetUser', { UserName: `T${users}` });
    const keys = [...listed.text.matchAll(/<Key>([^<]+)<\/Key>/g)].map((m) => m[1]);
    expect(keys).toEqual(['k1', 'k2', 'k3']);
  });

  it('plain lists (TagKeys) are held to the same numbering', async () => {
    await createUser({ 'Tags.member.1.Key': 'k', 'Tags.member.1.Value': 'v' });
    const device = await call('CreateVirtualMFADevice', { VirtualMFADeviceName: `D${users}` });
    const serial = /<SerialNumber>([^<]+)<\/SerialNumber>/.exec(device.text)![1]!;

    for (const index of ['0', '2', '-1', '1.5', '00001']) {
      const response = await call('UntagMFADevice', {
        SerialNumber: serial,
        [`TagKeys.member.${index}`]: 'k',
      });
      expect([index, response.code]).toEqual([index, 'ValidationError']);
      expect(response.text).toContain(`Value at 'tagKeys' failed to satisfy constraint: ${GAPS}`);
    }
    const fine = await call('UntagMFADevice', { SerialNumber: serial, 'TagKeys.member.1': 'k' });
    expect(fine.status).toBe(200);
  });
});
