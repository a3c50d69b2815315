import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'bin/tessera.js');
const FLOOR = join(import.meta.dirname, 'floor.js');

/** A server the harness started, on a loopback port; only these are ever put under load. */
export interface Server {
  name: string;
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

export async function startTessera(input: {
  dataDir: string;
  database?: string;
  logFile: string;
  nodeFlags?: string[];
}): Promise<Server> {
  const port = await freePort();
  const args = [BIN, 'serve', '--host', '127.0.0.1', '--port', String(port)];
  args.push('--data', input.dataDir);
  if (input.database) args.push('--database', input.database);
  const child = launch(process.execPath, [...(input.nodeFlags ?? []), ...args], input.logFile);
  return ready('tessera', `http://127.0.0.1:${port}`, '/health', child);
}

export async function startMoto(logFile: string): Promise<Server> {
  const port = await freePort();
  const child = launch('moto_server', ['-H', '127.0.0.1', '-p', String(port)], logFile);
  return ready('moto', `http://127.0.0.1:${port}`, '/moto-api/', child);
}

export async function startFloor(cannedFile: string, logFile: string): Promise<Server> {
  const port = await freePort();
  const child = launch(process.execPath, [FLOOR, String(port), cannedFile], logFile);
  return ready('floor', `http://127.0.0.1:${port}`, '/', child);
}

function launch(command: string, args: string[], logFile: string): ChildProcess {
  const log = openSync(logFile, 'a');
  const child = spawn(command, args, { stdio: ['ignore', log, log] });
  closeSync(log);
  return track(child);
}

const running = new Set<ChildProcess>();

/** Every process the harness starts is tracked, so an interrupted run leaves none behind. */
export function track<T extends ChildProcess>(child: T): T {
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

export function killAll(): void {
  for (const child of running) child.kill('SIGKILL');
}

/** Waits (20 s at most) until the server answers anything on `probe`. */
async function ready(
  name: string,
  url: string,
  probe: string,
  child: ChildProcess,
): Promise<Server> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited early (see its log)`);
    try {
      await fetch(`${url}${probe}`, { signal: AbortSignal.timeout(1_000) });
      return { name, url, pid: child.pid!, stop: () => stop(child) };
    } catch {
      await new Promise((wake) => setTimeout(wake, 100));
    }
  }

  child.kill('SIGKILL');
  throw new Error(`${name} did not start within 20 s`);
}

/** SIGTERM, then SIGKILL after 10 s: a graceful exit is what writes a CPU profile. */
function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      done();
    });
    child.kill('SIGTERM');
  });
}
