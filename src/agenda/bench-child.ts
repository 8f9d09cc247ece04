/**
 * One measurement of the brain benchmark in a process of its own, so its peak memory is its
 * own: `agenda` times `todayAgenda` (the real path of `rapport today`) twice, cold then warm;
 * `fold` recomputes every person's relationship with `listPeople` (the path of `rapport people`)
 * as every run does once the texts' intents are stored; `fold-first` removes them first, as a
 * first run (or one after a change of model or brand settings) finds the workspace: every
 * distinct text is then read by the language engine, and the intents stored.
 * Prints one JSON line of figures.
 */
import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import { Store } from '../store/store.js';
import { listPeople } from '../workspace/people-list.js';
import { todayAgenda } from '../workspace/today-agenda.js';

const [mode, dataDir, at] = process.argv.slice(2) as ['agenda' | 'fold' | 'fold-first', string, string];
const store = await Store.open({ dataDir });
const figures: Record<string, number> = {};
try {
  if (mode === 'agenda') {
    // CPU seconds next to wall-clock ones: on a machine shared with other work, the wall clock
    // mostly measures waiting for a core, the CPU time what the work itself costs.
    let t = performance.now();
    let cpu = process.cpuUsage();
    const cold = await todayAgenda(store, at);
    figures.coldSeconds = (performance.now() - t) / 1000;
    figures.coldCpuSeconds = cpuSince(cpu);
    t = performance.now();
    cpu = process.cpuUsage();
    const warm = await todayAgenda(store, at);
    figures.warmSeconds = (performance.now() - t) / 1000;
    figures.warmCpuSeconds = cpuSince(cpu);
    if (warm.actions.length !== cold.actions.length) throw new Error('the agenda changed between two runs');
    figures.actions = cold.actions.length;
    figures.candidates = cold.total;
    for (const a of cold.actions) figures[`kind.${a.kind}`] = (figures[`kind.${a.kind}`] ?? 0) + 1;
  } else {
    // `rapport people`'s path: every relationship recomputed, folded by worker threads on this size.
    if (mode === 'fold-first') await store.db.deleteFrom('text_intents').execute();
    const started = performance.now();
    const cpu = process.cpuUsage();
    const rows = await listPeople(store, at);
    figures.seconds = (performance.now() - started) / 1000;
    figures.cpuSeconds = cpuSince(cpu);
    figures.people = rows.length;
    figures.interactions = rows.reduce((n, r) => n + r.interactions.in + r.interactions.out, 0);
    figures.workers = (await import('node:os')).availableParallelism();
    for (const row of rows) figures[`stage.${row.stage}`] = (figures[`stage.${row.stage}`] ?? 0) + 1;
    // Both runs must give the same list: a digest of it to compare.
    figures.listDigest = Number.parseInt(createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 12), 16);
  }
} finally {
  await store.close();
}
figures.peakRssMb = process.resourceUsage().maxRSS / 1024;
figures.loadAverage = loadavg()[0] ?? 0;
process.stdout.write(`${JSON.stringify(figures)}\n`);

function cpuSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}
