/**
 * The worker side of `readInWorker` (worker-reader.ts): opens the input again, runs one source's
 * `read` over it and posts what it yields, a batch at a time, as JSON text — one string is
 * copied between threads far faster than a graph of objects is cloned, and `JSON.parse` on the
 * other side is the fastest way to rebuild it. A batch is posted only when the main thread has
 * asked for one (it asks for a few ahead), so the worker never runs far ahead of the store.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openInput } from '../sources/archive/open-input.js';
import { SOURCES } from '../sources/registry.js';
import type { SourceItem } from '../sources/source.js';
import type { FromWorker, WorkerJob } from './worker-reader.js';

const port = parentPort!;
const job = workerData as WorkerJob;
let credit = 0;
let wake: (() => void) | undefined;
port.on('message', (message: 'more') => {
  if (message === 'more') credit++;
  wake?.();
});

function post(message: FromWorker): void {
  port.postMessage(message);
}

async function send(items: SourceItem[], bytes: number): Promise<void> {
  while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
  credit--;
  post({ items: JSON.stringify(items), bytes });
}

try {
  const source = SOURCES.find((s) => s.id === job.sourceId);
  if (!source) throw new Error(`no source "${job.sourceId}"`);
  const files = await openInput(job.path, job.limits);
  try {
    let bytes = 0;
    let items: SourceItem[] = [];
    for await (const item of source.read(files, { progress: (done) => (bytes = done), ownAccounts: job.ownAccounts })) {
      items.push(item);
      if (items.length >= job.batchSize) {
        await send(items, bytes);
        items = [];
      }
    }
    await send(items, bytes);
    post({ done: true, bytes });
  } finally {
    await files.close();
  }
} catch (e) {
  const error = e as Error & { hint?: string };
  post({ error: { name: error.name, message: error.message, hint: error.hint, stack: error.stack } });
}
port.close();
