import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  createPolicy,
  deletePolicy,
  getPolicy,
  listPolicies,
} from '../../../src/domain/policies/managed.js';
import { attachPolicy } from '../../../src/domain/policies/attachments.js';
import { createPolicyVersion } from '../../../src/domain/policies/versions.js';
import { createUser } from '../../../src/domain/users.js';
import { testDeps, type TestDeps } from '../../support/deps.js';

const DOC = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'iam:List*', Resource: '*' }],
});
const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';

describe('managed policies', () => {
  let deps: TestDeps;
  const create = (policyName: string, extra: object = {}) =>
    createPolicy(deps, { policyName, path: '/', document: DOC, tags: [], ...extra });

  beforeEach(async () => {
    deps = await testDeps();
  });

  afterEach(async () => {
    await deps.store.close();
  });

  it('CreatePolicy gives an ANPA id, an account ARN and version v1 as the default', async () => {
    const policy = await create('ListAll', { path: '/team/', description: 'lists' });
    expect(policy).toMatchObject({
      arn: 'arn:aws:iam::123456789012:policy/team/ListAll',
      defaultVersionId: 'v1',
      attachmentCount: 0,
      isAttachable: true,
      createdAt: deps.clock(),
    });
    expect(policy.policyId).toMatch(/^ANPA[A-Z2-7]{16}$/);
    expect((await getPolicy(deps, policy.arn)).policy.description).toBe('lists');
  });

  it('a document IAM would refuse: MalformedPolicyDocument with the reason', async () => {
    const bad = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow' }] });
    await expect(create('Bad', { document: bad })).rejects.toMatchObject({
      code: 'MalformedPolicyDocument',
      status: 400,
      message: expect.stringMatching(/action/i),
    });
    await expect(create('Bad', { document: '{not json' })).rejects.toMatchObject({
      code: 'MalformedPolicyDocument',
    });
  });

  it('a document over 6144 characters without whitespace: LimitExceeded', async () => {
    const actions = Array.from({ length: 400 }, (_, n) => `iam:Action${n}`);
    const big = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }],
    });
    await expect(create('Big', { document: big })).rejects.toMatchObject({
      code: 'LimitExceeded',
      message: 'Cannot exceed quota for PolicySize: 6144',
    });
  });

  it('a duplicate name, in any case: EntityAlreadyExists', async () => {
    await create('ListAll');
    await expect(create('LISTALL')).rejects.toMatchObject({
      code: 'EntityAlreadyExists',
      message: 'A policy called LISTALL already exists. Duplicate names are not allowed.',
    });
  });

  it('GetPolicy: a malformed ARN is InvalidInput, an unknown one NoSuchEntity', async () => {
    await expect(getPolicy(deps, 'not-an-arn-at-all-really')).rejects.toMatchObject({
      code: 'InvalidInput',
      message: 'ARN not-an-arn-at-all-really is not valid.',
    });
    const missing = 'arn:aws:iam::123456789012:policy/Nope';
    await expect(getPolicy(deps, missing)).rejects.toMatchObject({
      code: 'NoSuchEntity',
      message: `Policy ${missing} was not found.`,
    });
  });

  it('ListPolicies filters by scope and pages with a marker', async () => {
    await create('A');
    await create('B');
    const local = await listPolicies(deps, {
      scope: 'Local',
      onlyAttached: false,
      pathPrefix: '/',
      maxItems: 1,
    });
    expect(local.items.map((p) => p.policyName)).toEqual(['A']);
    const next = await listPolicies(deps, {
      scope: 'Local',
      onlyAttached: false,
      pathPrefix: '/',
      maxItems: 1,
      marker: local.marker,
    });
    expect(next).toEqual({ items: [expect.objectContaining({ policyName: 'B' })] });

    const aws = await listPolicies(deps, {
      scope: 'AWS',
      onlyAttached: false,
      pathPrefix: '/',
      maxItems: 100,
    });
    expect(aws.items.map((p) => p.policyName).sort()).toEqual([
      'AdministratorAccess',
      'IAMReadOnlyAccess',
      'IAMUserChangePassword',
    ]);
    const boundaries = await listPolicies(deps, {
      scope: 'All',
      onlyAttached: false,
      pathPrefix: '/',
      maxItems: 100,
      usage: 'PermissionsBoundary',
    });
    expect(boundaries.items).toEqual([]);
  });

  it('DeletePolicy refuses while attached or while other versions exist', async () => {
    const policy = await create('Doomed');
    await createUser(deps, { userName: 'alice', path: '/', tags: [] });
    await attachPolicy(deps, { kind: 'user', name: 'alice' }, policy.arn);
    await expect(deletePolicy(deps, policy.arn)).rejects.toMatchObject({
      code: 'DeleteConflict',
      message: 'Cannot delete a policy attached to entities.',
    });

    const other = await create('Versioned');
    await createPolicyVersion(deps, { policyArn: other.arn, document: DOC, setAsDefault: false });
    await expect(deletePolicy(deps, other.arn)).rejects.toMatchObject({ code: 'DeleteConflict' });
  });

  it('AWS-managed policies cannot be deleted or given new versions', async () => {
    await expect(deletePolicy(deps, ADMIN)).rejects.toMatchObject({ code: 'AccessDenied' });
    await expect(
      createPolicyVersion(deps, { policyArn: ADMIN, document: DOC, setAsDefault: true }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
  });

  it('a deleted policy is gone with its versions', async () => {
    const policy = await create('Gone');
    await deletePolicy(deps, policy.arn);
    await expect(getPolicy(deps, policy.arn)).rejects.toMatchObject({ code: 'NoSuchEntity' });
    expect(await deps.store.policies.countVersions(policy.policyId)).toBe(0);
  });
});
