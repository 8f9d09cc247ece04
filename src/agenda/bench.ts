/**
 * The brain's scale benchmarks (issue 5), for `npm run bench`: on the embedded store, a workspace
 * of 100,000 people and 2,000,000 interactions (built once, cached under `.bench/`), then
 * (a) `rapport today`'s real path, `todayAgenda` — target under 2 s, and
 * (b) the relationship state of every person recomputed from the store (`listPeople`, the path of
 *     `rapport people`) — target under 10 s. Timed twice: the first run on a workspace (or after a
 *     change of model or brand settings) reads every distinct text with the language engine and
 *     stores its intents (`foldAll.first*`); every later run reads them back (`foldAll.seconds`).
 * Each measurement runs in a child process so its peak RSS is its own. The build time is
 * reported apart (0 when the cached workspace was reused).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BENCH_AT, benchWorkspace, type BenchWorkspaceSize } from './bench-workspace.js';

const ROOT = fileURLToPath(new URL('../../.bench/', import.meta.url));
// The built child (bench/run.ts builds first): `rapport people` and `rapport today` run built code,
// and the fold's worker threads would otherwise compile TypeScript as they start.
const CHILD = fileURLToPath(new URL('../../dist/agenda/bench-child.js', import.meta.url));

export async function benchBrain(size: BenchWorkspaceSize = {
  people: Number(process.env.BENCH_PEOPLE ?? 100_000),
  interactions: Number(process.env.BENCH_BRAIN_INTERACTIONS ?? 2_000_000),
}): Promise<Record<string, number>> {
  const built = await benchWorkspace(ROOT, size, (line) => process.stderr.write(`  brain: ${line}\n`));
  const agenda = child('agenda', built.dataDir);
  const first = child('fold-first', built.dataDir);
  const fold = child('fold', built.dataDir);
  if (first.listDigest !== fold.listDigest) throw new Error('rapport people gave another list once the intents were stored');
  return {
    'people': size.people,
    'interactions': built.interactions,
    'distinctTexts': built.distinctTexts,
    'buildSeconds': round(built.buildSeconds),
    'today.coldSeconds': round(agenda.coldSeconds ?? NaN),
    'today.coldCpuSeconds': round(agenda.coldCpuSeconds ?? NaN),
    'today.warmSeconds': round(agenda.warmSeconds ?? NaN),
    'today.warmCpuSeconds': round(agenda.warmCpuSeconds ?? NaN),
    'today.actions': agenda.actions ?? 0,
    'today.actionsFound': agenda.candidates ?? 0,
    'today.peakRssMb': round(agenda.peakRssMb ?? NaN),
    'foldAll.firstSeconds': round(first.seconds ?? NaN),
    'foldAll.firstCpuSeconds': round(first.cpuSeconds ?? NaN),
    'foldAll.firstPeakRssMb': round(first.peakRssMb ?? NaN),
    'foldAll.seconds': round(fold.seconds ?? NaN),
    'foldAll.cpuSeconds': round(fold.cpuSeconds ?? NaN),
    'foldAll.workers': fold.workers ?? 0,
    'foldAll.people': fold.people ?? 0,
    'foldAll.peakRssMb': round(fold.peakRssMb ?? NaN),
    // The machine's 1-minute load average while each part ran: figures from a busy machine are slower.
    'today.loadAverage': round(agenda.loadAverage ?? NaN),
    'foldAll.loadAverage': round(fold.loadAverage ?? NaN),
  };
}

function child(mode: 'agenda' | 'fold' | 'fold-first', dataDir: string): Record<string, number> {
  // A heap ceiling for the whole-workspace fold: without one V8 lets garbage pile up to well over
  // a gigabyte before collecting, and the peak RSS would measure that laziness, not what is needed.
  const heap = mode === 'agenda' ? [] : ['--max-old-space-size=512'];
  const out = execFileSync(process.execPath, [...heap, CHILD, mode, dataDir, BENCH_AT], {
    encoding: 'utf8', maxBuffer: 1 << 20, env: { ...process.env, DATABASE_URL: '' },
  });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Record<string, number>;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(`${JSON.stringify(await benchBrain(), null, 2)}\n`);
}
