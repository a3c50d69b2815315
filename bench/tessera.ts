import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { startTessera, type Server } from './servers.js';
import type { Credentials } from './signer.js';

/** The Tessera under test: one data folder (and maybe a database URL), restarted per workload. */
export class TesseraUnderTest {
  readonly dataDir: string;
  readonly #runDir: string;
  readonly #database: string | undefined;
  readonly #profile: boolean;

  constructor(runDir: string, name: string, database: string | undefined, profile: boolean) {
    this.#runDir = runDir;
    this.dataDir = join(runDir, name);
    this.#database = database;
    this.#profile = profile;
  }

  get database(): string | undefined {
    return this.#database;
  }

  get root(): Credentials {
    const file = join(this.dataDir, 'root-credentials.json');
    return JSON.parse(readFileSync(file, 'utf8')) as Credentials;
  }

  /** Starts the built server; with --profile, node writes a CPU profile when it stops. */
  start(label: string): Promise<Server> {
    const profiles = join(this.#runDir, 'profiles');
    if (this.#profile) mkdirSync(profiles, { recursive: true });
    const nodeFlags = this.#profile
      ? ['--cpu-prof', `--cpu-prof-dir=${profiles}`, `--cpu-prof-name=${label}.cpuprofile`]
      : [];
    return startTessera({
      dataDir: this.dataDir,
      database: this.#database,
      logFile: join(this.#runDir, `tessera-${label}.log`),
      nodeFlags,
    });
  }
}
