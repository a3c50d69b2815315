import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  attachPolicy,
  detachPolicy,
  listAttachedPolicies,
} from '../../../src/domain/policies/attachments.js';
import { createGroup } from '../../../src/domain/policies/groups.js';
import {
  deleteInlinePolicy,
  getInlinePolicy,
  listInlinePolicies,
  putInlinePolicy,
} from '../../../src/domain/policies/inline.js';
import { createPolicy } from '../../../src/domain/policies/managed.js';
import { createUser, deleteUser } from '../../../src/domain/users.js';
import { testDeps, type TestDeps } from '../../support/deps.js';

const doc = (action: string): string =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }],
  });
const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const alice = { kind: 'user', name: 'alice' } as const;
const admins = { kind: 'group', name: 'Admins' } as const;

/** Attachments and inline policies, which users and groups hold alike. */
describe('policies held by users and groups', () => {
  let deps: TestDeps;

  beforeEach(async () => {
    deps = await testDeps();
    await createUser(deps, { userName: 'alice', path: '/', tags: [] });
    await createGroup(deps, { groupName: 'Admins', path: '/' });
  });

  afterEach(async () => {
    await deps.store.close();
  });

  for (const holder of [alice, admins]) {
    describe(`a ${holder.kind}`, () => {
      it('attaches a policy once however often asked, lists and detaches it', async () => {
        await attachPolicy(deps, holder, ADMIN);
        await attachPolicy(deps, holder, ADMIN);

        const listed = await listAttachedPolicies(deps, holder, { pathPrefix: '/', maxItems: 10 });
        expect(listed.items.map((p) => [p.policyName, p.attachmentCount])).toEqual([
          ['AdministratorAccess', 1],
        ]);

        await detachPolicy(deps, holder, ADMIN);
        await expect(detachPolicy(deps, holder, ADMIN)).rejects.toMatchObject({
          code: 'NoSuchEntity',
          message: `Policy ${ADMIN} was not found.`,
        });
      });

      it('an unknown policy cannot be attached; an 11th policy is over the quota', async () => {
        const missing = 'arn:aws:iam::123456789012:policy/Nope';
        await expect(attachPolicy(deps, holder, missing)).rejects.toMatchObject({
          code: 'NoSuchEntity',
          message: `Policy ${missing} does not exist or is not attachable.`,
        });

        for (let n = 0; n < 10; n++) {
          const p = await createPolicy(deps, {
            policyName: `P${n}`,
            path: '/',
            document: doc('iam:GetUser'),
            tags: [],
          });
          await attachPolicy(deps, holder, p.arn);
        }
        await expect(attachPolicy(deps, holder, ADMIN)).rejects.toMatchObject({
          code: 'LimitExceeded',
          message: expect.stringMatching(/^Cannot exceed quota for PoliciesPer(User|Group): 10$/),
        });
      });

      it('puts, replaces, gets, lists and deletes an inline policy', async () => {
        await putInlinePolicy(deps, holder, { policyName: 'Inline', document: doc('iam:GetUser') });
        await putInlinePolicy(deps, holder, { policyName: 'inline', document: doc('iam:*') });

        const got = await getInlinePolicy(deps, holder, 'INLINE');
        expect(got).toEqual({
          policyName: 'inline',
          document: doc('iam:*'),
          holderName: holder.name,
        });
        const names = await listInlinePolicies(deps, holder, { maxItems: 10 });
        expect(names.items.map((p) => p.policyName)).toEqual(['inline']);

        await deleteInlinePolicy(deps, holder, 'inline');
        await expect(getInlinePolicy(deps, holder, 'inline')).rejects.toMatchObject({
          code: 'NoSuchEntity',
          message: `The ${holder.kind} policy with name inline cannot be found.`,
        });
      });

      it('a malformed inline policy is refused', async () => {
        await expect(
          putInlinePolicy(deps, holder, { policyName: 'Bad', document: '{"Statement":[]}' }),
        ).rejects.toMatchObject({ code: 'MalformedPolicyDocument' });
      });
    });
  }

  it('inline policies share a size quota per holder, counted without whitespace', async () => {
    const big = (n: number): string =>
      JSON.stringify(
        {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: `iam:${'X'.repeat(n)}`, Resource: '*' }],
        },
        null,
        8,
      );
    await putInlinePolicy(deps, alice, { policyName: 'One', document: big(900) });
    await putInlinePolicy(deps, alice, { policyName: 'One', document: big(1900) });
    await expect(
      putInlinePolicy(deps, alice, { policyName: 'Two', document: big(100) }),
    ).rejects.toMatchObject({
      code: 'LimitExceeded',
      message: 'Maximum policy size of 2048 bytes exceeded for user alice',
    });
    await putInlinePolicy(deps, admins, { policyName: 'One', document: big(4000) });
  });

  it('unknown holders: NoSuchEntity naming the user or group', async () => {
    await expect(attachPolicy(deps, { kind: 'user', name: 'nobody' }, ADMIN)).rejects.toMatchObject(
      { message: 'The user with name nobody cannot be found.' },
    );
    await expect(
      putInlinePolicy(
        deps,
        { kind: 'group', name: 'Nobody' },
        { policyName: 'P', document: doc('iam:*') },
      ),
    ).rejects.toMatchObject({ message: 'The group with name Nobody cannot be found.' });
  });

  it('DeleteUser says which policies to remove first (reference §5)', async () => {
    await putInlinePolicy(deps, alice, { policyName: 'Inline', document: doc('iam:*') });
    await attachPolicy(deps, alice, ADMIN);
    await expect(deleteUser(deps, 'alice')).rejects.toMatchObject({
      code: 'DeleteConflict',
      message: 'Cannot delete entity, must delete policies first.',
    });

    await deleteInlinePolicy(deps, alice, 'Inline');
    await expect(deleteUser(deps, 'alice')).rejects.toMatchObject({
      message: 'Cannot delete entity, must detach all policies first.',
    });

    await detachPolicy(deps, alice, ADMIN);
    await deleteUser(deps, 'alice');
  });
});
