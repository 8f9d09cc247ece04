/**
 * The one contract every platform source fulfils: detect → read → map to records (DESIGN §5).
 * A source never touches the store; the import pipeline writes what it yields.
 */
import type { SourceRecord } from '../domain/records.js';
import type { InputFiles } from './archive/input-files.js';

export interface Detection {
  /** Short name of the format, e.g. "X archive", "rapport JSONL". */
  readonly format: string;
  /** What was found, for the user: "X archive of @name: 12,400 tweets, 3,100 DMs, 1,900 followers". */
  readonly summary: string;
  /** The archive owner's account, when the export says whose it is. */
  readonly account?: { platform: SourceRecord['platform']; handle: string };
}

/** A line or item that could not be imported, and why; the import goes on without it. */
export interface Skip {
  readonly file?: string;
  readonly line?: number;
  readonly reason: string;
}

export type SourceItem = { readonly record: SourceRecord } | { readonly skip: Skip };

export interface ReadContext {
  /** Reports how many of `files.totalBytes` have been consumed so far, for the progress bar. */
  progress(bytesDone: number): void;
  /**
   * The workspace's own accounts before this import: a file that does not say whose it is
   * (Mastodon's following_accounts.csv) belongs to the one account of its platform.
   */
  readonly ownAccounts?: readonly { readonly platform: string; readonly handle: string }[];
}

export interface Source {
  readonly id: string;
  /**
   * Archives are imported all or nothing (a damaged file found late must leave the store as it
   * was); line files commit batch by batch, so that a re-run of a huge file finishes the job.
   */
  readonly atomic: boolean;
  /** Cheap: looks at entry names and a few bytes. Null when the input is not of this kind. */
  detect(files: InputFiles): Promise<Detection | null>;
  /** Yields the records in the input; throws InputError when a file is damaged beyond skipping. */
  read(files: InputFiles, context: ReadContext): AsyncIterable<SourceItem>;
}
