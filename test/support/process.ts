import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin/tessera.js');

export interface RootCredentials {
  accountId: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export interface RunningTessera {
  url: string;
  port: number;
  dataDir: string;
  credentials: RootCredentials;
  process: ChildProcess;
  logs: () => string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/** Folders this test process made; removed when it exits, so runs leave nothing in /tmp. */
const madeDirs = new Set<string>();
process.once('exit', () => {
  for (const dir of madeDirs) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = 'tessera-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  madeDirs.add(dir);
  return dir;
}

/** Starts the built server (`bin/tessera.js serve`) as a user would, and waits for /health. */
export async function startTessera(
  options: { dataDir?: string; args?: string[]; env?: Record<string, string> } = {},
): Promise<RunningTessera> {
  const dataDir = options.dataDir ?? tempDir();
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [BIN, 'serve', '--port', String(port), '--data', dataDir, ...(options.args ?? [])],
    { env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, () => output);
  const credentials = readCredentials(dataDir);

  return {
    url,
    port,
    dataDir,
    credentials,
    process: child,
    logs: () => output,
    stop: (signal = 'SIGTERM') => stopProcess(child, signal),
  };
}

function readCredentials(dataDir: string): RootCredentials {
  try {
    return JSON.parse(
      readFileSync(join(dataDir, 'root-credentials.json'), 'utf8'),
    ) as RootCredentials;
  } catch {
    return { accountId: '', accessKeyId: '', secretAccessKey: '' };
  }
}

async function waitForHealth(url: string, child: ChildProcess, logs: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`tessera exited early:\n${logs()}`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`tessera did not become healthy:\n${logs()}`);
}

function stopProcess(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  // 'close' comes after 'exit' once the pipes are drained, so logs() then holds every line.
  return new Promise((done) => {
    child.once('close', () => done());
    child.kill(signal);
  });
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
