/**
 * `npm run bench`: every benchmark of rapport, each printed beside its peer or ceiling measured
 * in the same run. Prints one JSON object, then a readable table. `npm run bench -- jsonl` runs
 * only the sections whose name contains "jsonl".
 */
import { benchJsonlImport } from './jsonl-import.js';

type Section = { name: string; run: () => Promise<Record<string, number>>; targets: Record<string, string> };

const SECTIONS: Section[] = [
  {
    name: 'jsonl-import',
    run: () => benchJsonlImport(Number(process.env.BENCH_INTERACTIONS ?? 1_000_000)),
    targets: { 'jsonl.interactionsPerSecond': '>= 50000', 'jsonl.peakRssMb': '< 300' },
  },
];

const only = process.argv.slice(2);
const figures: Record<string, number> = {};
const verdicts: Record<string, string> = {};
for (const section of SECTIONS) {
  if (only.length > 0 && !only.some((o) => section.name.includes(o))) continue;
  process.stderr.write(`running ${section.name} …\n`);
  Object.assign(figures, await section.run());
  for (const [key, target] of Object.entries(section.targets)) verdicts[key] = meets(figures[key], target) ? `met (${target})` : `MISSED (${target})`;
}

process.stdout.write(`${JSON.stringify({ figures, targets: verdicts }, null, 2)}\n\n`);
const width = Math.max(...Object.keys(figures).map((k) => k.length));
for (const [key, value] of Object.entries(figures)) {
  process.stdout.write(`${key.padEnd(width)}  ${String(value.toLocaleString('en-US')).padStart(12)}  ${verdicts[key] ?? ''}\n`);
}

function meets(value: number | undefined, target: string): boolean {
  if (value === undefined) return false;
  const [op, n] = target.split(' ') as [string, string];
  const limit = Number(n);
  return op === '>=' ? value >= limit : op === '<' ? value < limit : op === '<=' ? value <= limit : value > limit;
}
