import { sql, type Kysely } from 'kysely';

import type { MfaDevice, Tag } from '../../domain/types.js';
import type { Database } from '../schema.js';
import type { AssignmentFilter, ListWindow, MfaDeviceRepo } from '../store.js';
import { pageLimit } from './limit.js';
import { PreparedQuery, type Dialect } from './prepared.js';
import { toMfaDevice } from './rows.js';
import { deleteTags, readTags, writeTags } from './tags.js';

const DEVICE_BY_SERIAL = new PreparedQuery((db, _: undefined, serialNumber: string) =>
  db.selectFrom('mfa_devices').selectAll().where('serial_number', '=', serialNumber),
);

/** A user's first page of devices in serial order; the shape is the page size. */
const DEVICES_OF_USER = new PreparedQuery((db, limit: number, userId: string) =>
  db
    .selectFrom('mfa_devices')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('serial_number')
    .limit(pageLimit(limit)),
);

/** The pages after it, from the serial a page ended at. */
const DEVICES_OF_USER_AFTER = new PreparedQuery(
  (db, limit: number, userId: string, after: string) =>
    db
      .selectFrom('mfa_devices')
      .selectAll()
      .where('user_id', '=', userId)
      .where('serial_number', '>', after)
      .orderBy('serial_number')
      .limit(pageLimit(limit)),
);

/** Takes one try from the device's budget, unless it is locked or spent (see withAttempt). */
const RESERVE_ATTEMPT = new PreparedQuery(
  (db, _: undefined, serialNumber: string, now: number, maxAttempts: number) =>
    db
      .updateTable('mfa_devices')
      .set({ failed_attempts: sql`failed_attempts + 1` })
      .where('serial_number', '=', serialNumber)
      .where('locked_until', '<=', now)
      .where('failed_attempts', '<', maxAttempts)
      .returningAll(),
);

/** Records an accepted step; only a step later than every one before it is taken. */
const CONSUME_STEP = new PreparedQuery((db, _: undefined, serialNumber: string, step: number) =>
  db
    .updateTable('mfa_devices')
    .set({ last_step: step, failed_attempts: 0, lockouts: 0 })
    .where('serial_number', '=', serialNumber)
    // A device deactivated since the caller looked it up signs nobody in.
    .where('user_id', 'is not', null)
    .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', step)])),
);

export class MfaDeviceRows implements MfaDeviceRepo {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
  ) {}

  async insert(device: MfaDevice, tags: Tag[]): Promise<boolean> {
    const result = await this.db
      .insertInto('mfa_devices')
      .values({
        serial_number: device.serialNumber,
        serial_lower: device.serialNumber.toLowerCase(),
        name: device.name,
        path: device.path,
        seed_sealed: device.seedSealed,
        user_id: device.userId,
        enabled_at: device.enabledAt,
        created_at: device.createdAt,
        last_step: device.lastStep,
        drift: device.drift,
        failed_attempts: device.failedAttempts,
        lockouts: device.lockouts,
        locked_until: device.lockedUntil,
      })
      .onConflict((c) => c.column('serial_lower').doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) return false;

    await writeTags(this.db, 'mfa_device_tags', device.serialNumber, tags);
    return true;
  }

  async find(serialNumber: string): Promise<MfaDevice | undefined> {
    const row = await DEVICE_BY_SERIAL.first(this.db, this.dialect, undefined, serialNumber);
    return row && toMfaDevice(row);
  }

  async listForUser(userId: string, window: ListWindow): Promise<MfaDevice[]> {
    const { limit, after } = window;
    const rows =
      after === undefined
        ? await DEVICES_OF_USER.execute(this.db, this.dialect, limit, userId)
        : await DEVICES_OF_USER_AFTER.execute(this.db, this.dialect, limit, userId, after);
    return rows.map(toMfaDevice);
  }

  async listVirtual(filter: AssignmentFilter, window: ListWindow): Promise<MfaDevice[]> {
    let query = this.db.selectFrom('mfa_devices').selectAll();
    if (filter === 'Assigned') query = query.where('user_id', 'is not', null);
    if (filter === 'Unassigned') query = query.where('user_id', 'is', null);
    if (window.after !== undefined) query = query.where('serial_number', '>', window.after);

    const rows = await query.orderBy('serial_number').limit(pageLimit(window.limit)).execute();
    return rows.map(toMfaDevice);
  }

  async countForUser(userId: string): Promise<number> {
    const row = await this.db
      .selectFrom('mfa_devices')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async assign(
    serialNumber: string,
    userId: string,
    at: number,
    step: number,
    drift: number,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('mfa_devices')
      .set({
        user_id: userId,
        enabled_at: at,
        last_step: step,
        drift,
        failed_attempts: 0,
        lockouts: 0,
      })
      .where('serial_number', '=', serialNumber)
      .where('user_id', 'is', null)
      .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', step - 1)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async resync(
    serialNumber: string,
    userId: string,
    step: number,
    drift: number,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('mfa_devices')
      .set({ last_step: step, drift, failed_attempts: 0, lockouts: 0 })
      .where('serial_number', '=', serialNumber)
      .where('user_id', '=', userId)
      .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', step - 1)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async unassign(serialNumber: string, userId: string): Promise<boolean> {
    const result = await this.db
      .updateTable('mfa_devices')
      .set({ user_id: null, enabled_at: null })
      .where('serial_number', '=', serialNumber)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async deleteUnassigned(serialNumber: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('mfa_devices')
      .where('serial_number', '=', serialNumber)
      .where('user_id', 'is', null)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) !== 1) return false;

    await deleteTags(this.db, 'mfa_device_tags', serialNumber);
    return true;
  }

  async reserveAttempt(
    serialNumber: string,
    now: number,
    maxAttempts: number,
  ): Promise<MfaDevice | undefined> {
    const row = await RESERVE_ATTEMPT.first(
      this.db,
      this.dialect,
      undefined,
      serialNumber,
      now,
      maxAttempts,
    );
    return row && toMfaDevice(row);
  }

  async lockIfSpent(
    serialNumber: string,
    maxAttempts: number,
    lockedUntil: number,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('mfa_devices')
      .set({ locked_until: lockedUntil, lockouts: sql`lockouts + 1`, failed_attempts: 0 })
      .where('serial_number', '=', serialNumber)
      .where('failed_attempts', '>=', maxAttempts)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async consumeStep(serialNumber: string, step: number): Promise<boolean> {
    return (
      (await CONSUME_STEP.affected(this.db, this.dialect, undefined, serialNumber, step)) === 1
    );
  }

  tags(serialNumber: string): Promise<Tag[]> {
    return readTags(this.db, 'mfa_device_tags', serialNumber);
  }

  async putTags(serialNumber: string, tags: Tag[]): Promise<boolean> {
    // The device row is locked first (a no-op update), so a concurrent delete either waits and
    // then removes these tags with the device, or has removed the device and nothing is written.
    const held = await this.db
      .updateTable('mfa_devices')
      .set((eb) => ({ serial_lower: eb.ref('serial_lower') }))
      .where('serial_number', '=', serialNumber)
      .executeTakeFirst();
    if (Number(held.numUpdatedRows) !== 1) return false;

    await writeTags(this.db, 'mfa_device_tags', serialNumber, tags);
    return true;
  }

  removeTags(serialNumber: string, keys: string[]): Promise<void> {
    return deleteTags(this.db, 'mfa_device_tags', serialNumber, keys);
  }
}
