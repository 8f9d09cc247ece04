/**
 * Speed of the audit and the followers report, for `npm run bench` (not run by tests): both on
 * the demo workspace (a year of a small bakery: ~20,000 records, ~400 people), through the same
 * functions the CLI and the web app call, on the embedded store. Also the engine alone over an
 * already loaded snapshot, to show how the time splits between loading and computing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importPath } from '../ingest/import-path.js';
import { Store } from '../store/store.js';
import { auditReport } from '../workspace/audit-report.js';
import { followersReport } from '../workspace/followers.js';
import { loadSnapshot } from '../workspace/load-snapshot.js';
import { buildAudit } from './build-audit.js';

const DEMO = fileURLToPath(new URL('../../demo/bakery.jsonl', import.meta.url));
const AT = '2026-11-20T23:59:59.999Z';
const FROM = '2025-12-01T00:00:00.000Z';

export async function benchAudit(runs = 3): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-audit-'));
  const store = await Store.open({ dataDir: dir });
  try {
    await importPath(store, DEMO);
    const stats = await store.stats();
    const audit = await medianMs(runs, () => auditReport(store, { to: AT, at: AT }));
    const followers = await medianMs(runs, () => followersReport(store, AT));
    const load = await medianMs(runs, () => loadSnapshot(store, AT));
    const engineTimes: number[] = [];
    let people = 0;
    for (let i = 0; i < runs; i++) {
      // A fresh snapshot each time: its message reader starts with an empty cache, as on every real run.
      const snapshot = await loadSnapshot(store, AT);
      people = snapshot.people.length;
      const start = performance.now();
      buildAudit(snapshot, { from: FROM });
      engineTimes.push(performance.now() - start);
    }
    return {
      demoInteractions: stats.interactions.total,
      demoPeople: people,
      auditReportMs: audit,
      followersReportMs: followers,
      snapshotLoadMs: load,
      auditEngineOnlyMs: median(engineTimes),
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function medianMs(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

function median(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)] as number);
}
