import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

import type { Database } from 'better-sqlite3';

/** How often the background thread copies the write-ahead log into the database file. */
export const CHECKPOINT_EVERY_MS = 200;

/** SQLite's own threshold (pages of log) for the checkpoints it runs when this one is stopped. */
const SQLITE_AUTOCHECKPOINT_PAGES = 1000;

/**
 * While the thread runs, the serving connection still checkpoints once the log reaches this many
 * pages (16 MiB of 4 KiB pages). A checkpoint from another connection can copy pages but cannot
 * start the log over while commits keep coming; without this backstop, a steady stream of
 * writes grew the log by gigabytes. The thread has copied most pages by then, so the backstop
 * has little left to do.
 */
export const BACKSTOP_PAGES = 4096;

/** The log file is cut back to this size whenever it starts over. */
const LOG_SIZE_LIMIT_BYTES = 16 * 1024 * 1024;

/** Rounds with nothing left to copy after which the thread ends until the next write wakes it. */
const IDLE_ROUNDS = 25;

/**
 * The thread's code. It is small and plain JavaScript, run from a string, so the same thread
 * starts from the compiled build and from the TypeScript sources the tests run. A PASSIVE
 * checkpoint never waits for or blocks the serving connection's readers and writer. Once the
 * log has been fully copied for IDLE_ROUNDS rounds in a row, the thread ends by itself.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const SQLite = require(workerData.driver);
const db = new SQLite(workerData.file);
db.pragma('busy_timeout = 1000');
// A checkpoint reads the log, not the page cache: 64 KiB of cache is plenty.
db.pragma('cache_size = -64');
let idle = 0;
const end = () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
};
const timer = setInterval(() => {
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ checkpointed: result.checkpointed, log: result.log });
    idle = result.checkpointed === result.log ? idle + 1 : 0;
    if (idle >= workerData.idleRounds) end();
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message) });
  }
}, workerData.everyMs);
parentPort.on('message', end);
`;

/** How often the thread checkpoints, and after how many idle rounds it ends. */
export interface CheckpointTiming {
  everyMs: number;
  idleRounds: number;
}

export interface CheckpointReport {
  checkpointed?: number;
  log?: number;
  error?: string;
}

/**
 * Runs SQLite's checkpoints on a thread of their own. A checkpoint copies the log into the
 * database file and waits for the disk twice; run by the serving connection (SQLite's default,
 * after the commit that crosses 1,000 pages) it stopped every request for up to tens of
 * milliseconds. The thread runs only while there are writes to copy (wake() after a commit
 * starts it, and it ends once the log stays copied), so an idle server holds no thread. The
 * serving connection keeps a backstop (BACKSTOP_PAGES), so the log stays bounded under any load,
 * and takes checkpoints back entirely if the thread fails.
 */
export class BackgroundCheckpointer {
  readonly #database: Database;
  readonly #file: string;
  readonly #onReport?: (report: CheckpointReport) => void;
  readonly #timing: CheckpointTiming;
  #worker?: Worker;
  #stopped = false;

  constructor(
    database: Database,
    file: string,
    onReport?: (report: CheckpointReport) => void,
    timing: CheckpointTiming = { everyMs: CHECKPOINT_EVERY_MS, idleRounds: IDLE_ROUNDS },
  ) {
    this.#database = database;
    this.#file = file;
    this.#onReport = onReport;
    this.#timing = timing;
    database.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
    database.pragma(`journal_size_limit = ${LOG_SIZE_LIMIT_BYTES}`);
  }

  /** Whether the thread is running now. */
  get running(): boolean {
    return this.#worker !== undefined;
  }

  /** Called after each commit: starts the thread unless it runs already. */
  wake(): void {
    if (this.#stopped || this.#worker) return;

    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file: this.#file, driver, ...this.#timing },
    });
    worker.on('message', (report: CheckpointReport) => this.#onReport?.(report));
    worker.on('error', () => this.#takeBack());
    worker.on('exit', (code) => {
      this.#worker = undefined;
      // Ending because the log stayed copied is normal; any other end hands checkpoints back.
      if (code !== 0) this.#takeBack();
    });
    // After the listeners: adding a message listener refs the thread again. The thread must
    // never be what keeps a process alive (a server that failed to start has to exit).
    worker.unref();
    this.#worker = worker;
  }

  /** Ends the thread for good; the serving connection checkpoints again until it closes. */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#takeBack();
    const worker = this.#worker;
    if (!worker) return;

    const exited = new Promise((resolve) => worker.once('exit', resolve));
    // Held while it ends: a process with nothing else left to do would otherwise exit right here,
    // in the middle of its shutdown.
    worker.ref();
    worker.postMessage('stop');
    await exited;
  }

  #takeBack(): void {
    if (this.#stopped) return;
    this.#stopped = true;
    if (this.#database.open) {
      this.#database.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`);
    }
  }
}
