/**
 * Runs a source's `read` in a worker thread, so that reading, parsing and mapping a big archive
 * (JSON.parse of every item, the platform's shapes to records) runs on one core while the main
 * thread writes the previous batches to the store on the other. The items arrive in the order
 * the source yields them, with its progress; an error in the worker (a damaged file) is thrown
 * here as the same kind of error with the same message. Stopping early (the store failed) stops
 * the worker.
 */
import { startWorker } from '../support/start-worker.js';
import { InputError, StoreError, UserError } from '../domain/errors.js';
import type { ArchiveLimits } from '../sources/archive/input-files.js';
import type { ReadContext, SourceItem } from '../sources/source.js';

export interface WorkerJob {
  readonly path: string;
  readonly limits: ArchiveLimits;
  readonly sourceId: string;
  readonly ownAccounts: ReadContext['ownAccounts'];
  /** Items per message. */
  readonly batchSize: number;
}

export type FromWorker =
  | { readonly items: string; readonly bytes: number }
  | { readonly done: true; readonly bytes: number }
  | { readonly error: { name: string; message: string; hint?: string | undefined; stack?: string | undefined } };

// Batches asked for ahead of the one being written: enough to keep the worker busy, few enough
// to bound the memory they hold.
const AHEAD = 3;
const ITEMS_PER_MESSAGE = 2_000;

export async function* readInWorker(job: Omit<WorkerJob, 'batchSize'>, progress: (bytesDone: number) => void): AsyncGenerator<SourceItem> {
  const worker = startWorker(import.meta.url, 'read-worker', { workerData: { ...job, batchSize: ITEMS_PER_MESSAGE } });
  const inbox: FromWorker[] = [];
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  worker.on('message', (message: FromWorker) => {
    inbox.push(message);
    wake?.();
  });
  worker.on('error', (e) => {
    failure = e;
    wake?.();
  });
  worker.on('exit', (code) => {
    failure ??= code === 0 ? undefined : new Error(`the import worker stopped (exit code ${code})`);
    wake?.();
  });
  try {
    for (let i = 0; i < AHEAD; i++) worker.postMessage('more');
    for (;;) {
      while (inbox.length === 0) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
      const message = inbox.shift()!;
      if ('error' in message) throw rebuildError(message.error);
      progress(message.bytes);
      if ('done' in message) return;
      worker.postMessage('more');
      yield* JSON.parse(message.items) as SourceItem[];
    }
  } finally {
    await worker.terminate();
  }
}

function rebuildError(e: { name: string; message: string; hint?: string | undefined; stack?: string | undefined }): Error {
  const options = e.hint === undefined ? {} : { hint: e.hint };
  const error = e.name === 'InputError' ? new InputError(e.message, options)
    : e.name === 'UserError' ? new UserError(e.message, options)
    : e.name === 'StoreError' ? new StoreError(e.message, options)
    : new Error(e.message);
  if (e.stack) error.stack = e.stack;
  return error;
}
