/**
 * One measurement of the brain benchmark in a process of its own, so its peak memory is its
 * own: `agenda` times `todayAgenda` (the real path of `rapport today`) twice, cold then warm;
 * `fold` loads every person's history batch by batch and folds each with `relationshipAsOf`.
 * Prints one JSON line of figures.
 */
import { loadavg } from 'node:os';
import { relationshipAsOf } from '../relationships/relationship.js';
import { personHistoryBatches } from '../store/queries/all-histories.js';
import { Store } from '../store/store.js';
import { loadPlaybook } from '../workspace/load-playbook.js';
import { messageReaderFor } from '../workspace/message-context.js';
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
    const started = performance.now();
    const cpu = process.cpuUsage();
    const playbook = await loadPlaybook(store);
    const read = await messageReaderFor(store);
    let loadMs = 0;
    let readMs = 0;
    // Time spent reading messages (the language engine) is reported apart from the fold itself.
    const timedRead: typeof read = (text) => {
      const t0 = performance.now();
      const analysis = read(text);
      readMs += performance.now() - t0;
      return analysis;
    };
    let people = 0;
    let interactions = 0;
    const stages: Record<string, number> = {};
    let t = performance.now();
    for await (const batch of personHistoryBatches(store, { until: at })) {
      loadMs += performance.now() - t;
      for (const { person, interactions: history } of batch) {
        const rel = relationshipAsOf({ interactions: history, at, read: timedRead, identities: person.identities, playbook });
        stages[rel.stage] = (stages[rel.stage] ?? 0) + 1;
        people++;
        interactions += history.length;
      }
      t = performance.now();
    }
    figures.seconds = (performance.now() - started) / 1000;
    figures.cpuSeconds = cpuSince(cpu);
    figures.loadSeconds = loadMs / 1000;
    figures.readSeconds = readMs / 1000;
    figures.people = people;
    figures.interactions = interactions;
    for (const [stage, count] of Object.entries(stages)) figures[`stage.${stage}`] = count;
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
