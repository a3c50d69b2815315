import type { Kysely } from 'kysely';

import { AccountRows } from './repos/account.js';
import { AuditBatch, AuditRows } from './repos/audit.js';
import { ConsoleSessionRows } from './repos/console-sessions.js';
import { AccessKeyRows, LoginProfileRows, StsSessionRows } from './repos/credentials.js';
import { GroupRows } from './repos/groups.js';
import { HolderPolicyRows } from './repos/holder-policies.js';
import { MfaDeviceRows } from './repos/mfa-devices.js';
import { PolicyRows } from './repos/policies.js';
import { StatsRows } from './repos/stats.js';
import { UserRows } from './repos/users.js';
import type { Database } from './schema.js';
import type { Store } from './store.js';

/**
 * The one Store implementation: Kysely compiles the same queries for SQLite and PostgreSQL, so
 * the backends differ only in how they connect (see sqlite/ and postgres/).
 */
export class KyselyStore implements Store {
  readonly account: AccountRows;
  readonly users: UserRows;
  readonly loginProfiles: LoginProfileRows;
  readonly accessKeys: AccessKeyRows;
  readonly mfaDevices: MfaDeviceRows;
  readonly sessions: StsSessionRows;
  readonly policies: PolicyRows;
  readonly groups: GroupRows;
  readonly holderPolicies: HolderPolicyRows;
  readonly consoleSessions: ConsoleSessionRows;
  readonly audit: AuditRows;
  readonly stats: StatsRows;

  constructor(
    readonly db: Kysely<Database>,
    readonly dialect: 'sqlite' | 'postgres',
    private readonly inTransaction = false,
    private readonly auditBatch = new AuditBatch(db),
  ) {
    this.account = new AccountRows(db);
    this.users = new UserRows(db, dialect);
    this.loginProfiles = new LoginProfileRows(db);
    this.accessKeys = new AccessKeyRows(db);
    this.mfaDevices = new MfaDeviceRows(db);
    this.sessions = new StsSessionRows(db);
    this.policies = new PolicyRows(db);
    this.groups = new GroupRows(db);
    this.holderPolicies = new HolderPolicyRows(db);
    this.consoleSessions = new ConsoleSessionRows(db);
    this.audit = new AuditRows(db, auditBatch, !inTransaction);
    this.stats = new StatsRows(db);
  }

  transaction<T>(work: (store: Store) => Promise<T>): Promise<T> {
    if (this.inTransaction) return work(this);
    return this.db.transaction().execute((trx) => {
      return work(new KyselyStore(trx, this.dialect, true, this.auditBatch));
    });
  }

  async close(): Promise<void> {
    if (this.inTransaction) return;
    // Read-only calls' events still queued are written before the database goes.
    await this.auditBatch.flush();
    await this.db.destroy();
  }
}
