import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Summarises CPU profiles written by `npm run bench -- --profile`: self time by function and by
 * where the code lives (Tessera's layers, each dependency, node itself), so the cost on the way
 * to the goals shows without a flame-graph viewer. Usage: node profile-summary.js DIR|FILE...
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function summarise(file: string): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });

  const functions = new Map<string, number>();
  const places = new Map<string, number>();
  let total = 0;
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)!.callFrame;
    total += us;
    const file = frame.url.replace(/^.*\/(node_modules|dist)\//, '$1/');
    const where = `${file}:${frame.lineNumber + 1}`;
    add(functions, `${frame.functionName || '(anonymous)'} ${where}`, us);
    add(places, place(frame.url, frame.functionName), us);
  }

  return [
    `## ${file}`,
    `total ${(total / 1e6).toFixed(2)} s of samples`,
    '',
    ...top(places, total, 20),
    '',
    ...top(functions, total, 30),
  ].join('\n');
}

/** Which part of the system a frame belongs to. */
function place(url: string, name: string): string {
  if (url === '') return name.startsWith('(') ? name : '(native)';
  const dependency = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url);
  if (dependency) return dependency[1]!;
  const own = /\/dist\/(.+)\/[^/]+\.js$/.exec(url);
  if (own) return `tessera ${own[1]}`;
  if (url.startsWith('node:')) return url;
  return url;
}

function add(map: Map<string, number>, key: string, us: number): void {
  map.set(key, (map.get(key) ?? 0) + us);
}

function top(map: Map<string, number>, total: number, count: number): string[] {
  return [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, us]) => `${((100 * us) / total).toFixed(1).padStart(5)}%  ${key}`);
}

for (const arg of process.argv.slice(2)) {
  const files = arg.endsWith('.cpuprofile')
    ? [arg]
    : readdirSync(arg)
        .filter((name) => name.endsWith('.cpuprofile'))
        .map((name) => join(arg, name));
  for (const file of files) process.stdout.write(`${summarise(file)}\n\n`);
}
