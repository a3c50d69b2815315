import { existsSync, statfsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

import type { Config } from '../config.js';
import { isPostgresUrl, sqliteFile } from '../storage/index.js';

/** statfs(2) filesystem types of disks shared over a network, by the names operators know. */
const NETWORK_FILESYSTEMS = new Map<number, string>([
  [0x6969, 'NFS'],
  [0x517b, 'SMB'],
  [0xff534d42, 'CIFS'],
  [0xfe534d42, 'SMB2'],
  [0x01021997, '9P'],
  [0x65735546, 'FUSE'],
  [0x6b414653, 'AFS'],
  [0x0bd00bd0, 'Lustre'],
  [0x47504653, 'GPFS'],
]);

/**
 * Setups that work but put secrets or data at risk, each as one line for the operator: a data
 * folder or database file other users can read, a master key kept beside the database it
 * protects (a copy of the folder then carries both), and files on a network disk (shared with
 * other machines; SQLite's locking is also unreliable there).
 */
export function unsafeSetup(config: Config): string[] {
  const warnings: string[] = [];
  warnings.push(...openToOthers(config.dataDir, 'data folder', '700'));

  const file = isPostgresUrl(config.database) ? undefined : resolve(sqliteFile(config.database));
  if (file !== undefined && file !== resolve(':memory:')) {
    for (const part of [file, `${file}-wal`, `${file}-shm`]) {
      warnings.push(...openToOthers(part, 'database file', '600'));
    }
    const shared = networkFilesystem(dirname(file));
    if (shared) {
      warnings.push(
        `database ${file} is on a ${shared} network filesystem, where SQLite's file locking is ` +
          'unreliable; keep it on a local disk, or use PostgreSQL',
      );
    }
  }

  if (config.masterKey === undefined) warnings.push(...keyPlacement(config.masterKeyFile, file));
  return warnings;
}

function keyPlacement(keyFile: string, databaseFile: string | undefined): string[] {
  const warnings: string[] = [];
  const folder = dirname(resolve(keyFile));
  if (databaseFile !== undefined && folder === dirname(databaseFile)) {
    warnings.push(
      `master key file ${keyFile} sits beside the database it protects, so a copy of the folder ` +
        'carries both; keep the key elsewhere for production (--master-key-file, or ' +
        'TESSERA_MASTER_KEY)',
    );
  }

  const shared = networkFilesystem(folder);
  if (shared) {
    warnings.push(
      `master key file ${keyFile} is on a ${shared} network filesystem that other machines can ` +
        'read; keep it on a local disk, or pass it as TESSERA_MASTER_KEY',
    );
  }
  return warnings;
}

function openToOthers(path: string, what: string, mode: string): string[] {
  if (!existsSync(path) || (statSync(path).mode & 0o077) === 0) return [];
  return [`${what} ${path} is open to other users; run: chmod ${mode} ${path}`];
}

function networkFilesystem(path: string): string | undefined {
  try {
    return NETWORK_FILESYSTEMS.get(statfsSync(path).type);
  } catch {
    // statfs is not available everywhere (or the folder is gone): nothing to say then.
    return undefined;
  }
}
