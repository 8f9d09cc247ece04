/**
 * Starts a worker thread on a module next to the caller: its built `.js` file, or, when rapport
 * runs from its TypeScript sources (tests, benchmarks under tsx), the `.ts` file loaded through
 * tsx's loader — Node 20 does not pass the parent's `--import tsx` hooks on to a worker's entry.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** `callerUrl` is the caller's `import.meta.url`; `name` the worker module without extension. */
export function startWorker(callerUrl: string, name: string, options: WorkerOptions = {}): Worker {
  if (!callerUrl.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, callerUrl), options);
  const entry = new URL(`./${name}.ts`, callerUrl).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  return new Worker(`import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); })`, { ...options, eval: true });
}
