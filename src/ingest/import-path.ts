/**
 * The import pipeline: open the path, let the first source that recognises it read it, and write
 * what it yields in transactions. Line files commit batch by batch (a re-run finishes the job);
 * archives and dry runs go in one transaction, so a damaged archive leaves the store untouched
 * and a dry run reports exact counts and then rolls back.
 */
import { InputError } from '../domain/errors.js';
import type { SourceRecord } from '../domain/records.js';
import { DEFAULT_LIMITS, type ArchiveLimits, type InputFiles } from '../sources/archive/input-files.js';
import { openInput } from '../sources/archive/open-input.js';
import { SOURCES } from '../sources/registry.js';
import type { Detection, ReadContext, Skip, Source, SourceItem } from '../sources/source.js';
import { emptyTally, type ImportTally, type ImportWriter } from '../store/import-writer.js';
import { refreshCounterpartActivity } from '../store/queries/activity.js';
import type { Store } from '../store/store.js';
import { readInWorker } from './worker-reader.js';

export interface ImportOptions {
  readonly dryRun?: boolean;
  readonly batchSize?: number;
  readonly limits?: ArchiveLimits;
  /** Called once the kind of input is known, before anything is read. */
  readonly onDetect?: (detection: Detection, totalBytes: number) => void;
  readonly onProgress?: (bytesDone: number, totalBytes: number) => void;
  /** Most skipped lines listed one by one; the rest are only counted. */
  readonly maxSkipsListed?: number;
  /**
   * Read the input in a worker thread while the store writes (see worker-reader.ts). By default
   * big archives are; rapport JSONL never is (its lines cost about as much to parse again on this
   * side as to read there), nor a tarball (the worker would unpack it a second time).
   */
  readonly readInWorker?: boolean;
  /**
   * Set the secondary indexes aside while writing, and build them at the end (see
   * ImportWriter.deferIndexes). By default only for a big input into an empty or small embedded
   * workspace.
   */
  readonly deferIndexes?: boolean;
}

export interface ImportSummary {
  readonly file: string;
  readonly format: string;
  readonly found: string;
  readonly dryRun: boolean;
  readonly people: number;
  readonly accounts: number;
  readonly interactions: { readonly new: number; readonly known: number };
  readonly byKind: ImportTally['byKind'];
  readonly notes: number;
  readonly notesKnown: number;
  readonly skippedCount: number;
  readonly skipped: readonly Skip[];
}

// Records per transaction for line files. Each commit rewrites every index page its batch touched,
// and a batch's interactions land all over the (person, time) and id indexes, so small batches
// cost far more in commits than in inserts (1M interactions: 2,000 per batch 65 s, 20,000 43 s);
// larger ones grow the memory a batch holds.
const DEFAULT_BATCH = 20_000;
// With the secondary indexes set aside (ImportWriter.deferIndexes) a commit writes little beyond
// the new rows, and smaller batches keep the memory down (1M interactions: 5,000 as fast as 20,000).
const DEFERRED_BATCH = 5_000;

// A rough lower bound of the bytes one record takes in any supported file, to guess from a file's
// size how many interactions it holds (see ImportWriter.deferIndexes).
const BYTES_PER_RECORD = 150;

// Inputs smaller than this are read on the main thread: starting a worker costs more than it saves.
const WORKER_MIN_BYTES = 16 * 1024 * 1024;

class DryRunRollback extends Error {}

export async function importPath(store: Store, path: string, options: ImportOptions = {}): Promise<ImportSummary> {
  const files = await openInput(path, options.limits ?? DEFAULT_LIMITS);
  let used: ImportWriter | undefined;
  try {
    const { source, detection } = await detect(files);
    options.onDetect?.(detection, files.totalBytes);
    const tally = emptyTally();
    const skipped: Skip[] = [];
    let skippedCount = 0;
    const maxListed = options.maxSkipsListed ?? 1000;
    const onSkip = (skip: Skip) => {
      skippedCount++;
      if (skipped.length < maxListed) skipped.push(skip);
    };
    const ownAccounts = (await store.ownAccounts()).flatMap((a) => (a.handle !== null ? [{ platform: a.platform, handle: a.handle }] : []));
    let batchSize = options.batchSize ?? DEFAULT_BATCH;
    const inWorker = options.readInWorker ?? (source.id !== 'jsonl' && files.container !== 'tar' && files.totalBytes >= WORKER_MIN_BYTES);
    const items = (context: ReadContext): AsyncIterable<SourceItem> => inWorker
      ? readInWorker({ path, limits: options.limits ?? DEFAULT_LIMITS, sourceId: source.id, ownAccounts: context.ownAccounts }, context.progress)
      : source.read(files, context);
    const run = (writer: ImportWriter, write: (batch: SourceRecord[]) => Promise<void>) =>
      readInBatches(items, files, ownAccounts, { ...options, batchSize }, onSkip, write).finally(() => writer.reset());

    const writer = store.newImportWriter();
    used = writer;
    // Indexes an interrupted import set aside are built again before anything else (not in a
    // dry run, which writes nothing).
    if (!options.dryRun) writer.restoreIndexes();
    const expected = Math.floor(files.totalBytes / BYTES_PER_RECORD);
    if (source.atomic || options.dryRun) {
      let deferred = false;
      try {
        await store.transaction(async (trx) => {
          // Inside the transaction: a failure rolls the dropped indexes back too.
          deferred = !options.dryRun && options.deferIndexes !== false && writer.deferIndexes(expected, options.deferIndexes);
          if (deferred) batchSize = options.batchSize ?? DEFERRED_BATCH;
          await run(writer, (batch) => writer.write(trx, batch, tally));
          if (options.dryRun) throw new DryRunRollback();
          if (deferred) writer.restoreIndexes();
        });
      } catch (e) {
        if (!(e instanceof DryRunRollback)) throw e;
      } finally {
        // After a rollback the indexes are back as they were, and nothing is left to build.
        if (deferred) writer.restoreCacheSize();
      }
    } else {
      const deferred = options.deferIndexes !== false && writer.deferIndexes(expected, options.deferIndexes);
      if (deferred) batchSize = options.batchSize ?? DEFERRED_BATCH;
      try {
        await run(writer, (batch) => store.transaction((trx) => writer.write(trx, batch, tally)));
      } catch (e) {
        // The batches written so far stay (a re-run finishes the job), and so do their indexes.
        // If that fails too, they stay noted in deferred_indexes, for the next import to build.
        if (deferred) quietly(() => writer.restoreIndexes());
        throw e;
      }
      if (deferred) writer.restoreIndexes();
    }
    options.onProgress?.(files.totalBytes, files.totalBytes);
    // What the agenda reads to pick its candidates, brought up to date with what was written.
    if (!options.dryRun) await refreshCounterpartActivity(store);

    const summary: ImportSummary = {
      file: path,
      format: detection.format,
      found: detection.summary,
      dryRun: options.dryRun ?? false,
      people: tally.people,
      accounts: tally.accounts,
      interactions: tally.interactions,
      byKind: sortKeys(tally.byKind),
      notes: tally.notes.new,
      notesKnown: tally.notes.known,
      skippedCount,
      skipped,
    };
    if (!options.dryRun) await store.recordImport({ format: detection.format, label: path, summary });
    return summary;
  } finally {
    used?.restoreCacheSize();
    await files.close();
  }
}

async function detect(files: InputFiles): Promise<{ source: Source; detection: Detection }> {
  for (const source of SOURCES) {
    const detection = await source.detect(files);
    if (detection) return { source, detection };
  }
  throw new InputError(`${files.label}: not a kind of file rapport can import`, {
    hint: 'rapport imports rapport JSONL files and the data exports of X, Mastodon, Bluesky and LinkedIn (the zip as downloaded, or its folder). Nothing was imported.',
  });
}

async function readInBatches(
  items: (context: ReadContext) => AsyncIterable<SourceItem>,
  files: InputFiles,
  ownAccounts: ReadContext['ownAccounts'],
  options: ImportOptions,
  onSkip: (skip: Skip) => void,
  write: (batch: SourceRecord[]) => Promise<void>,
): Promise<void> {
  const size = options.batchSize ?? DEFAULT_BATCH;
  let batch: SourceRecord[] = [];
  const context: ReadContext = { progress: (done: number) => options.onProgress?.(done, files.totalBytes), ownAccounts };
  for await (const item of items(context)) {
    if ('skip' in item) {
      onSkip(item.skip);
      continue;
    }
    batch.push(item.record);
    if (batch.length >= size) {
      await write(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await write(batch);
}

/** Runs a clean-up step after a failure, which must not hide that failure with its own. */
function quietly(step: () => void): void {
  try {
    step();
  } catch {
    // The first failure is the one reported.
  }
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
