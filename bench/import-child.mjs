// Imports one file into an empty embedded workspace in a process of its own, so that its peak
// memory is measured alone; prints {"seconds":…, "interactions":…, "peakRssMb":…}. It runs the
// built code (dist/), as `npx rapport import` does: the TypeScript loader the other sections use
// would add its own memory (about 65 MB) to a figure that is about the import.
import { existsSync } from 'node:fs';

const dist = new URL('../dist/', import.meta.url);
if (!existsSync(new URL('ingest/import-path.js', dist))) {
  console.error('rapport is not built yet: run `npm run build` (npm ci does it), then the benchmark again.');
  process.exit(1);
}
const { importPath } = await import(new URL('ingest/import-path.js', dist).href);
const { Store } = await import(new URL('store/store.js', dist).href);

const [file, dataDir] = process.argv.slice(2);
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
