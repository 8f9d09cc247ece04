/**
 * `npm run bench`: every benchmark of rapport, each printed beside its peer or ceiling measured
 * in the same run. Prints one JSON object, then a readable table. `npm run bench -- jsonl` runs
 * only the sections whose name contains "jsonl".
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { SECTIONS } from './sections.js';

const only = process.argv.slice(2);

// Sections that time `rapport`'s own commands run the built code (dist/), as `npx rapport` does:
// build it first, so that they measure the code as it is now.
process.stderr.write('building …\n');
execFileSync(process.execPath, [join(import.meta.dirname, '..', 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(import.meta.dirname, '..', 'tsconfig.build.json')], { stdio: 'inherit' });

const figures: Record<string, number> = {};
const verdicts: Record<string, string> = {};
const machine = { cpus: cpus().length, loadAverageAtStart: Math.round(loadavg()[0]! * 100) / 100, node: process.version };

for (const section of SECTIONS) {
  if (only.length > 0 && !only.some((o) => section.name.includes(o))) continue;
  process.stderr.write(`running ${section.name} …\n`);
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(import.meta.dirname, 'run-section.ts'), section.name], {
    encoding: 'utf8',
    maxBuffer: 16 << 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const result = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Record<string, number>;
  for (const [key, value] of Object.entries(result)) figures[`${section.name}.${key}`] = value;
  for (const [key, target] of Object.entries(section.targets)) {
    verdicts[`${section.name}.${key}`] = meets(result[key], target) ? `met (${target})` : `MISSED (${target})`;
  }
}

process.stdout.write(`${JSON.stringify({ machine, figures, targets: verdicts }, null, 2)}\n\n`);
const width = Math.max(...Object.keys(figures).map((k) => k.length));
process.stdout.write(`machine: ${machine.cpus} cores, load average ${machine.loadAverageAtStart} at start, Node ${machine.node}\n`);
for (const [key, value] of Object.entries(figures)) {
  process.stdout.write(`${key.padEnd(width)}  ${String(value.toLocaleString('en-US')).padStart(14)}  ${verdicts[key] ?? ''}\n`);
}

function meets(value: number | undefined, target: string): boolean {
  if (value === undefined) return false;
  const [op, n] = target.split(' ') as [string, string];
  const limit = Number(n);
  return op === '>=' ? value >= limit : op === '<' ? value < limit : op === '<=' ? value <= limit : value > limit;
}
