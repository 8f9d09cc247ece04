// Imports one file into an empty embedded workspace in a process of its own, so that its peak
// memory is measured alone; prints {"seconds":…, "interactions":…, "peakRssMb":…}.
import { importPath } from '../src/ingest/import-path.js';
import { Store } from '../src/store/store.js';

const [file, dataDir] = process.argv.slice(2) as [string, string];
const store = await Store.open({ dataDir });
const started = performance.now();
const summary = await importPath(store, file);
const seconds = (performance.now() - started) / 1000;
await store.close();
process.stdout.write(`${JSON.stringify({
  seconds,
  interactions: summary.interactions.new,
  skipped: summary.skippedCount,
  peakRssMb: process.resourceUsage().maxRSS / 1024,
})}\n`);
