import { describe, expect, it } from 'vitest';

import { parseCommandLine } from '../../../src/cli/iam/argv.js';
import type { Invocation, Value } from '../../../src/cli/iam/invocation.js';
import { SERVICES } from '../../../src/cli/iam/operations.js';
import { callAll } from '../../../src/cli/iam/paginate.js';
import type { Result } from '../../../src/cli/iam/response.js';

function invocation(...args: string[]): Invocation {
  const line = parseCommandLine(SERVICES.iam, args);
  if (line.help) throw new Error('expected a call');
  return line.invocation;
}

/** A fake ListUsers over `names`, `size` per page unless MaxItems says otherwise. */
function fakeListUsers(names: string[], size = 2) {
  const calls: Record<string, Value>[] = [];
  const call = async (params: Map<string, Value>): Promise<Result> => {
    calls.push(Object.fromEntries(params));
    const from = params.has('Marker') ? Number(params.get('Marker')) : 0;
    const limit = (params.get('MaxItems') as number | undefined) ?? size;
    const users = names.slice(from, from + limit).map((UserName) => ({ UserName }));
    const more = from + limit < names.length;
    return { Users: users, IsTruncated: more, ...(more ? { Marker: String(from + limit) } : {}) };
  };
  return { call, calls };
}

const names = (result: Result): string[] =>
  (result.Users as { UserName: string }[]).map((user) => user.UserName);

describe('pagination like the AWS CLI', () => {
  it('follows IsTruncated and Marker and prints one list without paging members', async () => {
    const fake = fakeListUsers(['a', 'b', 'c', 'd', 'e']);
    const result = await callAll(invocation('list-users'), fake.call);

    expect(result).toEqual({ Users: ['a', 'b', 'c', 'd', 'e'].map((UserName) => ({ UserName })) });
    expect(fake.calls).toEqual([{}, { Marker: '2' }, { Marker: '4' }]);
  });

  it('caps the total at --max-items and resumes from NextToken with --starting-token', async () => {
    const fake = fakeListUsers(['a', 'b', 'c', 'd', 'e']);
    const first = await callAll(invocation('list-users', '--max-items', '3'), fake.call);
    expect(names(first)).toEqual(['a', 'b', 'c']);
    expect(typeof first.NextToken).toBe('string');

    const args = ['list-users', '--starting-token', first.NextToken as string];
    const rest = await callAll(invocation(...args), fake.call);
    expect(names(rest)).toEqual(['d', 'e']);
    expect(rest.NextToken).toBeUndefined();
  });

  it('sends --page-size as MaxItems on every call', async () => {
    const fake = fakeListUsers(['a', 'b', 'c']);
    const result = await callAll(invocation('list-users', '--page-size', '1'), fake.call);
    expect(names(result)).toEqual(['a', 'b', 'c']);
    expect(fake.calls).toEqual([
      { MaxItems: 1 },
      { MaxItems: 1, Marker: '1' },
      { MaxItems: 1, Marker: '2' },
    ]);
  });

  it('makes one plain call with --no-paginate or --marker, --max-items as MaxItems', async () => {
    const fake = fakeListUsers(['a', 'b', 'c']);
    const plain = await callAll(
      invocation('list-users', '--no-paginate', '--max-items', '1'),
      fake.call,
    );
    expect(plain).toEqual({ Users: [{ UserName: 'a' }], IsTruncated: true, Marker: '1' });

    const marked = await callAll(invocation('list-users', '--marker', '1'), fake.call);
    expect(names(marked)).toEqual(['b', 'c']);
    expect(fake.calls).toEqual([{ MaxItems: 1 }, { Marker: '1' }]);
  });

  it('keeps the first page of other members, as GetGroup keeps its Group', async () => {
    const pages: Result[] = [
      { Group: { GroupName: 'g' }, Users: [{ UserName: 'a' }], IsTruncated: true, Marker: 'm' },
      { Group: { GroupName: 'g' }, Users: [{ UserName: 'b' }], IsTruncated: false },
    ];
    const result = await callAll(invocation('get-group', '--group-name', 'g'), async () =>
      pages.shift()!,
    );
    expect(result).toEqual({
      Group: { GroupName: 'g' },
      Users: [{ UserName: 'a' }, { UserName: 'b' }],
    });
    expect(Object.keys(result)).toEqual(['Users', 'Group']);
  });

  it('stops when a server repeats a marker instead of looping for ever', async () => {
    const call = async (): Promise<Result> => ({ Users: [], IsTruncated: true, Marker: 'same' });
    await expect(callAll(invocation('list-users'), call)).rejects.toThrow('same Marker twice');
  });

  it('refuses --no-paginate with paging options, and tokens it did not print', async () => {
    const fake = fakeListUsers([]);
    await expect(
      callAll(invocation('list-users', '--no-paginate', '--page-size', '2'), fake.call),
    ).rejects.toThrow('along with pagination arguments: --page-size');
    await expect(
      callAll(invocation('list-users', '--starting-token', 'bm9wZQ=='), fake.call),
    ).rejects.toThrow('--starting-token is not a NextToken');
    expect(fake.calls).toEqual([]);
  });
});
