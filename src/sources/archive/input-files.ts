/**
 * What an importer sees of the path the user gave: a list of files and a way to read each,
 * whether the path is one file, an unpacked folder, a zip or a tarball. Containers are opened
 * here once, with the safety checks (paths escaping the folder, zip bombs), so that no source
 * has to think about them.
 */
import type { Readable } from 'node:stream';

export type ContainerKind = 'file' | 'folder' | 'zip' | 'tar';

export interface InputEntry {
  /** Path inside the container, with forward slashes (for a plain file, its base name). */
  readonly path: string;
  /** Uncompressed size in bytes. */
  readonly size: number;
}

export interface InputFiles {
  /** The path as the user gave it, for messages. */
  readonly label: string;
  readonly container: ContainerKind;
  readonly entries: readonly InputEntry[];
  /** Total uncompressed bytes: the unit of the progress bar. */
  readonly totalBytes: number;
  open(path: string): Promise<Readable>;
  readText(path: string): Promise<string>;
  /** The first `bytes` bytes of an entry, to sniff its kind without reading it whole. */
  readHead(path: string, bytes: number): Promise<Buffer>;
  close(): Promise<void>;
}

export interface ArchiveLimits {
  /** Refuse a container that expands to more than this many bytes. */
  readonly maxBytes: number;
  /** Refuse a compressed container whose expanded size exceeds its own size this many times. */
  readonly maxRatio: number;
}

export const DEFAULT_LIMITS: ArchiveLimits = {
  maxBytes: 8 * 1024 ** 3,
  maxRatio: 200,
};

/** Finds an entry by base name or path ending, ignoring case and leading folders (`data/tweets.js`). */
export function findEntry(files: InputFiles, ...names: string[]): InputEntry | undefined {
  const wanted = names.map((n) => n.toLowerCase());
  return files.entries.find((e) => {
    const p = e.path.toLowerCase();
    return wanted.some((w) => p === w || p.endsWith(`/${w}`));
  });
}

/** Entries whose base name matches the pattern, in path order. */
export function matchEntries(files: InputFiles, pattern: RegExp): InputEntry[] {
  return files.entries.filter((e) => pattern.test(e.path.split('/').pop() ?? ''));
}

export async function streamToBuffer(stream: Readable, limit = Number.POSITIVE_INFINITY): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    length += chunk.length;
    if (length >= limit) {
      stream.destroy();
      break;
    }
  }
  const all = Buffer.concat(chunks);
  return length > limit ? all.subarray(0, limit) : all;
}
