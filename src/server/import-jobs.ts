/**
 * Imports started from the web page. An upload is saved to a temporary folder, then imported by
 * the same pipeline as `rapport import` (so the summary and the error messages are the CLI's),
 * one job at a time: two imports writing to one workspace at once would interleave their
 * transactions. The page polls the job for its progress and its outcome.
 */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { isRapportError } from '../domain/errors.js';
import { importPath, type ImportSummary } from '../ingest/import-path.js';
import { DEFAULT_LIMITS } from '../sources/archive/input-files.js';
import type { Store } from '../store/store.js';
import type { ErrorBody } from './errors.js';

export type JobState = 'running' | 'done' | 'failed';

export interface ImportJob {
  readonly state: JobState;
  readonly progress?: { bytesDone: number; totalBytes: number; found?: string };
  readonly summary?: ImportSummary;
  readonly error?: ErrorBody;
}

export interface UploadedFile {
  /** Where the upload was saved. */
  readonly path: string;
  /** The file's name as the user gave it: messages and the summary show it, not the temp path. */
  readonly name: string;
  /** Removes the temporary copy. */
  readonly dispose: () => Promise<void>;
}

// Finished jobs are forgotten beyond this many; the page reads its result within seconds.
const MAX_FINISHED = 100;

export class ImportJobs {
  private readonly jobs = new Map<string, ImportJob>();
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly store: Store) {}

  /** Queues the import of an uploaded file and returns its job id at once. */
  start(file: UploadedFile): string {
    const id = randomUUID();
    this.jobs.set(id, { state: 'running' });
    this.queue = this.queue.then(() => this.run(id, file));
    this.forgetOldJobs();
    return id;
  }

  get(id: string): ImportJob | undefined {
    return this.jobs.get(id);
  }

  /** Resolves when every queued import has finished (for a clean shutdown). */
  idle(): Promise<void> {
    return this.queue;
  }

  private async run(id: string, file: UploadedFile): Promise<void> {
    const named = (text: string) => text.replaceAll(file.path, file.name);
    let found: string | undefined;
    try {
      const summary = await importPath(this.store, file.path, {
        limits: { ...DEFAULT_LIMITS, maxBytes: envBytes(process.env.RAPPORT_MAX_ARCHIVE_BYTES) ?? DEFAULT_LIMITS.maxBytes },
        onDetect: (detection, totalBytes) => {
          found = detection.summary;
          this.jobs.set(id, { state: 'running', progress: { bytesDone: 0, totalBytes, found: named(found) } });
        },
        onProgress: (bytesDone, totalBytes) => {
          this.jobs.set(id, { state: 'running', progress: { bytesDone, totalBytes, ...(found ? { found: named(found) } : {}) } });
        },
      });
      this.jobs.set(id, { state: 'done', summary: { ...summary, file: file.name, found: named(summary.found) } });
    } catch (e) {
      const error: ErrorBody = isRapportError(e)
        ? { error: named(e.message), ...(e.hint ? { hint: named(e.hint) } : {}) }
        : { error: `Unexpected failure while importing ${file.name}`, hint: 'This is a bug in rapport; the server log has the details. Nothing more was written after the failure.' };
      if (!isRapportError(e)) console.error(e);
      this.jobs.set(id, { state: 'failed', error });
    } finally {
      await file.dispose().catch(() => undefined);
    }
  }

  private forgetOldJobs(): void {
    const finished = [...this.jobs].filter(([, job]) => job.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - MAX_FINISHED))) this.jobs.delete(id);
  }
}

function envBytes(value: string | undefined): number | undefined {
  const n = Number(value);
  return value && Number.isFinite(n) && n > 0 ? n : undefined;
}

/** Removes a temporary upload folder, ignoring one that is already gone. */
export function removeFolder(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true });
}
