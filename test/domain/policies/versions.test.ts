import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createPolicy, getPolicy } from '../../../src/domain/policies/managed.js';
import type { ManagedPolicy } from '../../../src/domain/policies/types.js';
import {
  createPolicyVersion,
  deletePolicyVersion,
  getPolicyVersion,
  listPolicyVersions,
  setDefaultPolicyVersion,
} from '../../../src/domain/policies/versions.js';
import { testDeps, type TestDeps } from '../../support/deps.js';

const doc = (action: string): string =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }],
  });

describe('managed policy versions', () => {
  let deps: TestDeps;
  let policy: ManagedPolicy;
  const add = (action: string, setAsDefault = false) =>
    createPolicyVersion(deps, { policyArn: policy.arn, document: doc(action), setAsDefault });

  beforeEach(async () => {
    deps = await testDeps();
    const input = { policyName: 'P', path: '/', document: doc('iam:GetUser'), tags: [] };
    policy = await createPolicy(deps, input);
  });

  afterEach(async () => {
    await deps.store.close();
  });

  it('new versions count up; SetAsDefault moves the default', async () => {
    expect(await add('iam:ListUsers')).toMatchObject({ versionId: 'v2', isDefaultVersion: false });
    expect(await add('iam:ListGroups', true)).toMatchObject({
      versionId: 'v3',
      isDefaultVersion: true,
    });
    expect((await getPolicy(deps, policy.arn)).policy.defaultVersionId).toBe('v3');

    const v2 = await getPolicyVersion(deps, { policyArn: policy.arn, versionId: 'v2' });
    expect(JSON.parse(v2.document).Statement[0].Action).toBe('iam:ListUsers');
  });

  it('lists versions newest first, a page at a time', async () => {
    await add('iam:ListUsers');
    const first = await listPolicyVersions(deps, policy.arn, { maxItems: 1 });
    expect(first.items.map((v) => v.versionId)).toEqual(['v2']);
    const rest = await listPolicyVersions(deps, policy.arn, { maxItems: 5, marker: first.marker });
    expect(rest.items.map((v) => [v.versionId, v.isDefaultVersion])).toEqual([['v1', true]]);
  });

  it('a sixth version: LimitExceeded', async () => {
    for (const n of [2, 3, 4, 5]) await add(`iam:Get${n}`);
    await expect(add('iam:Get6')).rejects.toMatchObject({
      code: 'LimitExceeded',
      message: expect.stringContaining('up to 5 versions'),
    });
  });

  it('the default version cannot be deleted; another can, and its id is not reused', async () => {
    await add('iam:ListUsers');
    await expect(
      deletePolicyVersion(deps, { policyArn: policy.arn, versionId: 'v1' }),
    ).rejects.toMatchObject({
      code: 'DeleteConflict',
      message: 'Cannot delete the default version of a policy.',
    });

    await deletePolicyVersion(deps, { policyArn: policy.arn, versionId: 'v2' });
    expect((await add('iam:ListGroups')).versionId).toBe('v3');
  });

  it('an unknown version: NoSuchEntity from get, delete and set-default', async () => {
    const ref = { policyArn: policy.arn, versionId: 'v7' };
    for (const call of [getPolicyVersion, deletePolicyVersion, setDefaultPolicyVersion]) {
      await expect(call(deps, ref)).rejects.toMatchObject({ code: 'NoSuchEntity' });
    }
  });

  it('SetDefaultPolicyVersion switches which document is in force', async () => {
    await add('iam:ListUsers');
    deps.clock.advance(60_000);
    await setDefaultPolicyVersion(deps, { policyArn: policy.arn, versionId: 'v2' });

    const { policy: updated } = await getPolicy(deps, policy.arn);
    expect(updated).toMatchObject({ defaultVersionId: 'v2', updatedAt: deps.clock() });
  });

  it('a malformed new version is refused before anything is stored', async () => {
    await expect(
      createPolicyVersion(deps, { policyArn: policy.arn, document: '[]', setAsDefault: true }),
    ).rejects.toMatchObject({ code: 'MalformedPolicyDocument' });
    expect(await deps.store.policies.countVersions(policy.policyId)).toBe(1);
  });
});
