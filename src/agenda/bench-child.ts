/**
 * One measurement of the brain benchmark in a process of its own, so its peak memory is its
 * own: `agenda` times `todayAgenda` (the real path of `rapport today`) twice, cold then warm;
 * `fold` recomputes every person's relationship with `listPeople` (the path of `rapport people`).
 * Prints one JSON line of figures.
 */
import { loadavg } from 'node:os';
import { Store } from '../store/store.js';
import { listPeople } from '../workspace/people-list.js';
import { todayAgenda } from '../workspace/today-agenda.js';

const [mode, dataDir, at] = process.argv.slice(2) as ['agenda' | 'fold', string, string];
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
    const started = performance.now();
    const cpu = process.cpuUsage();
    const rows = await listPeople(store, at);
    figures.seconds = (performance.now() - started) / 1000;
    figures.cpuSeconds = cpuSince(cpu);
    figures.people = rows.length;
    figures.interactions = rows.reduce((n, r) => n + r.interactions.in + r.interactions.out, 0);
    figures.workers = (await import('node:os')).availableParallelism();
    for (const row of rows) figures[`stage.${row.stage}`] = (figures[`stage.${row.stage}`] ?? 0) + 1;
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
