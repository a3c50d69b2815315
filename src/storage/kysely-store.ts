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

/** What a store shares with the stores of its transactions, and what it stops when it closes. */
interface StoreParts {
  inTransaction?: boolean;
  auditBatch?: AuditBatch;
  /** Runs once the queued audit events are written, before the connections close. */
  beforeClose?: () => Promise<void>;
  /** Runs after each transaction that committed (SQLite's background checkpoints wake on it). */
  afterCommit?: () => void;
}

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

  private readonly inTransaction: boolean;
  private readonly auditBatch: AuditBatch;
  private readonly beforeClose?: () => Promise<void>;
  private readonly afterCommit?: () => void;

  constructor(
    readonly db: Kysely<Database>,
    readonly dialect: 'sqlite' | 'postgres',
    options: StoreParts = {},
  ) {
    this.inTransaction = options.inTransaction ?? false;
    this.afterCommit = options.afterCommit;
    this.auditBatch = options.auditBatch ?? new AuditBatch(db, options.afterCommit);
    this.beforeClose = options.beforeClose;

    this.account = new AccountRows(db);
    this.users = new UserRows(db, dialect);
    this.loginProfiles = new LoginProfileRows(db);
    this.accessKeys = new AccessKeyRows(db, dialect);
    this.mfaDevices = new MfaDeviceRows(db, dialect);
    this.sessions = new StsSessionRows(db, dialect);
    this.policies = new PolicyRows(db);
    this.groups = new GroupRows(db);
    this.holderPolicies = new HolderPolicyRows(db);
    this.consoleSessions = new ConsoleSessionRows(db);
    this.audit = new AuditRows(db, this.auditBatch, !this.inTransaction);
    this.stats = new StatsRows(db);
  }

  async transaction<T>(work: (store: Store) => Promise<T>): Promise<T> {
    if (this.inTransaction) return work(this);
    const result = await this.db.transaction().execute((trx) => {
      const parts = { inTransaction: true, auditBatch: this.auditBatch };
      return work(new KyselyStore(trx, this.dialect, parts));
    });
    this.afterCommit?.();
    return result;
  }

  async close(): Promise<void> {
    if (this.inTransaction) return;
    // Read-only calls' events still queued are written before the database goes.
    await this.auditBatch.flush();
    await this.beforeClose?.();
    await this.db.destroy();
  }
}
