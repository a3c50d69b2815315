import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { parsePolicyDocument } from '../../src/core/policy/index.js';
import type { ManagedPolicy, PolicyVersion } from '../../src/domain/policies/types.js';
import { createUser } from '../../src/domain/users.js';
import { testDeps, type TestDeps } from '../support/deps.js';
import { scratchPostgres, type ScratchDatabase } from '../support/postgres.js';

const ACCOUNT = '123456789012';
const DOC = '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}';

function policy(name: string, path = '/', scope: 'AWS' | 'Local' = 'Local'): ManagedPolicy {
  const owner = scope === 'AWS' ? 'aws' : ACCOUNT;
  return {
    policyId: `ANPA${name.toUpperCase().padEnd(16, 'X')}`.slice(0, 20),
    policyName: name,
    path,
    arn: `arn:aws:iam::${owner}:policy${path}${name}`,
    scope,
    description: null,
    defaultVersionId: 'v1',
    isAttachable: true,
    attachmentCount: 0,
    createdAt: 1000,
    updatedAt: 1000,
  };
}

function firstVersion(p: ManagedPolicy, document = DOC): PolicyVersion {
  return {
    policyId: p.policyId,
    versionId: 'v1',
    document,
    isDefaultVersion: true,
    createdAt: 1000,
  };
}

/** The policy and group tables on both backends, through the Store interface. */
describe.each(['sqlite', 'postgres'] as const)('policy storage on %s', (backend) => {
  let deps: TestDeps;
  let scratch: ScratchDatabase | undefined;
  let aliceId: string;
  let bobId: string;

  beforeAll(async () => {
    scratch = backend === 'postgres' ? await scratchPostgres() : undefined;
    deps = await testDeps(scratch?.url ?? ':memory:', ACCOUNT);
    aliceId = (await createUser(deps, { userName: 'alice', path: '/', tags: [] })).userId;
    bobId = (await createUser(deps, { userName: 'Bob', path: '/', tags: [] })).userId;
  });

  afterAll(async () => {
    await deps?.store.close();
    await scratch?.drop();
  });

  it('migration 002 seeds the AWS-managed policies with valid default versions', async () => {
    const expected = {
      AdministratorAccess: 'v1',
      IAMUserChangePassword: 'v3',
      IAMReadOnlyAccess: 'v4',
    };
    for (const [name, versionId] of Object.entries(expected)) {
      const found = await deps.store.policies.findByArn(`arn:aws:iam::aws:policy/${name}`);
      expect(found).toMatchObject({
        scope: 'AWS',
        defaultVersionId: versionId,
        isAttachable: true,
      });

      const version = await deps.store.policies.findVersion(found!.policyId, versionId);
      expect(version).toMatchObject({ isDefaultVersion: true });
      expect(() => parsePolicyDocument(version!.document)).not.toThrow();
    }
  });

  it('names are unique per scope regardless of case and path', async () => {
    const mine = policy('Shared');
    expect(await deps.store.policies.insert(mine, firstVersion(mine), [])).toBe(true);

    const clash = { ...policy('SHARED', '/team/'), policyId: 'ANPACLASHCLASHCLASH0' };
    expect(await deps.store.policies.insert(clash, firstVersion(clash), [])).toBe(false);

    const local = policy('AdministratorAccess');
    expect(await deps.store.policies.insert(local, firstVersion(local), [])).toBe(true);
    expect(await deps.store.policies.findByArn(mine.arn.toUpperCase())).toMatchObject({
      policyId: mine.policyId,
    });
  });

  it('lists by ARN with scope, path and attachment filters, one window at a time', async () => {
    const team = policy('TeamOnly', '/team/');
    await deps.store.policies.insert(team, firstVersion(team), [{ key: 'k', value: 'v' }]);
    const arns = async (filter: Partial<Parameters<typeof deps.store.policies.list>[0]>) =>
      (
        await deps.store.policies.list(
          { scope: 'All', onlyAttached: false, pathPrefix: '/', ...filter },
          { limit: 100 },
        )
      ).map((p) => p.policyName);

    expect(await arns({ scope: 'Local' })).toEqual(['AdministratorAccess', 'Shared', 'TeamOnly']);
    expect(await arns({ scope: 'AWS' })).toHaveLength(3);
    expect(await arns({ pathPrefix: '/team/' })).toEqual(['TeamOnly']);
    expect(await deps.store.policies.tags(team.policyId)).toEqual([{ key: 'k', value: 'v' }]);

    const first = await deps.store.policies.list(
      { scope: 'Local', onlyAttached: false, pathPrefix: '/' },
      { limit: 1 },
    );
    const rest = await deps.store.policies.list(
      { scope: 'Local', onlyAttached: false, pathPrefix: '/' },
      { after: first[0]!.arn.toLowerCase(), limit: 10 },
    );
    expect(rest.map((p) => p.policyName)).toEqual(['Shared', 'TeamOnly']);
  });

  it('version ids are never reused, and the default version cannot be deleted', async () => {
    const p = policy('Versioned');
    await deps.store.policies.insert(p, firstVersion(p), []);
    const v2 = await deps.store.transaction((s) =>
      s.policies.addVersion(p.policyId, DOC, 2000, false),
    );
    expect(v2).toMatchObject({ versionId: 'v2', isDefaultVersion: false });
    expect(await deps.store.policies.deleteVersion(p.policyId, 'v2')).toBe(true);

    const v3 = await deps.store.transaction((s) =>
      s.policies.addVersion(p.policyId, DOC, 3000, true),
    );
    expect(v3.versionId).toBe('v3');
    expect((await deps.store.policies.findByArn(p.arn))!.defaultVersionId).toBe('v3');
    expect(await deps.store.policies.deleteVersion(p.policyId, 'v3')).toBe(false);
    expect(await deps.store.policies.setDefaultVersion(p.policyId, 'v9', 4000)).toBe(false);

    const listed = await deps.store.policies.listVersions(p.policyId, { limit: 1 });
    expect(listed.map((v) => [v.versionId, v.isDefaultVersion])).toEqual([['v3', true]]);
    const older = await deps.store.policies.listVersions(p.policyId, { after: '3', limit: 10 });
    expect(older.map((v) => v.versionId)).toEqual(['v1']);
    expect(await deps.store.policies.countVersions(p.policyId)).toBe(2);
  });

  it('attachments are idempotent and counted on the policy', async () => {
    const p = policy('Attached');
    await deps.store.policies.insert(p, firstVersion(p), []);
    const alice = { kind: 'user', id: aliceId } as const;

    await deps.store.holderPolicies.attach(alice, p.policyId);
    await deps.store.holderPolicies.attach(alice, p.policyId);
    expect((await deps.store.policies.findByArn(p.arn))!.attachmentCount).toBe(1);
    expect(await deps.store.holderPolicies.countAttached(alice)).toBe(1);
    const onlyAttached = await deps.store.policies.list(
      { scope: 'Local', onlyAttached: true, pathPrefix: '/' },
      { limit: 10 },
    );
    expect(onlyAttached.map((x) => x.policyName)).toEqual(['Attached']);

    expect(await deps.store.holderPolicies.detach(alice, p.policyId)).toBe(true);
    expect(await deps.store.holderPolicies.detach(alice, p.policyId)).toBe(false);
  });

  it('groups keep members ordered by name, and adding one twice is harmless', async () => {
    await deps.store.groups.insert({
      groupId: 'AGPAGROUPA',
      groupName: 'Admins',
      path: '/',
      createdAt: 1,
    });
    await deps.store.groups.insert({
      groupId: 'AGPAGROUPB',
      groupName: 'ops',
      path: '/x/',
      createdAt: 1,
    });
    expect(
      await deps.store.groups.insert({
        groupId: 'AGPAGROUPC',
        groupName: 'ADMINS',
        path: '/',
        createdAt: 1,
      }),
    ).toBe(false);

    for (const userId of [bobId, aliceId, aliceId])
      await deps.store.groups.addMember('AGPAGROUPA', userId);
    await deps.store.groups.addMember('AGPAGROUPB', aliceId);

    const members = await deps.store.groups.members('AGPAGROUPA', { limit: 10 });
    expect(members.map((u) => u.userName)).toEqual(['alice', 'Bob']);
    const groups = await deps.store.groups.groupsOf(aliceId, { after: 'admins', limit: 10 });
    expect(groups.map((g) => g.groupName)).toEqual(['ops']);
    expect(await deps.store.groups.list('/x/', { limit: 10 })).toHaveLength(1);
    expect(await deps.store.groups.countMembers('AGPAGROUPA')).toBe(2);
  });

  it("a user's policy sources: own and groups', inline and attached, each once", async () => {
    const p = policy('ViaBoth');
    await deps.store.policies.insert(p, firstVersion(p), []);
    const alice = { kind: 'user', id: aliceId } as const;
    const admins = { kind: 'group', id: 'AGPAGROUPA' } as const;
    await deps.store.holderPolicies.attach(alice, p.policyId);
    await deps.store.holderPolicies.attach(admins, p.policyId);
    await deps.store.holderPolicies.putInline(alice, { policyName: 'Own', document: DOC }, 'r1', 1);
    await deps.store.holderPolicies.putInline(
      admins,
      { policyName: 'Team', document: DOC },
      'r2',
      1,
    );

    const keys = (await deps.store.holderPolicies.sourcesFor(aliceId)).map((s) => s.key).sort();
    expect(keys).toEqual(['inline:r1', 'inline:r2', `managed:${p.policyId}:v1`]);
    const bobKeys = (await deps.store.holderPolicies.sourcesFor(bobId)).map((s) => s.key).sort();
    expect(bobKeys).toEqual(['inline:r2', `managed:${p.policyId}:v1`]);
  });

  it('an inline policy is replaced under its name in any case, with a new revision', async () => {
    const alice = { kind: 'user', id: aliceId } as const;
    await deps.store.holderPolicies.putInline(
      alice,
      { policyName: 'OWN', document: '{}' },
      'r3',
      2,
    );

    expect(await deps.store.holderPolicies.findInline(alice, 'own')).toEqual({
      policyName: 'OWN',
      document: '{}',
    });
    const keys = (await deps.store.holderPolicies.sourcesFor(aliceId)).map((s) => s.key);
    expect(keys).toContain('inline:r3');
    expect(keys).not.toContain('inline:r1');
    expect(await deps.store.holderPolicies.countInline(alice)).toBe(1);
  });

  it("a user's dependents count inline and attached policies and group memberships", async () => {
    expect(await deps.store.users.dependents(aliceId)).toMatchObject({
      inlinePolicies: 1,
      attachedPolicies: 1,
      groups: 2,
    });
    expect(await deps.store.holderPolicies.deleteInline({ kind: 'user', id: aliceId }, 'Own')).toBe(
      true,
    );
  });
});
