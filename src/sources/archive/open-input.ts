import { createReadStream } from 'node:fs';
import { mkdtemp, open as openFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, relative, sep } from 'node:path';
import type { Readable } from 'node:stream';
import * as tar from 'tar';
import yauzl from 'yauzl';
import { InputError } from '../../domain/errors.js';
import { DEFAULT_LIMITS, streamToBuffer, type ArchiveLimits, type InputEntry, type InputFiles } from './input-files.js';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b]);
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);

/** Opens a file, folder, zip or tarball for reading, refusing unsafe or damaged containers. */
export async function openInput(path: string, limits: ArchiveLimits = DEFAULT_LIMITS): Promise<InputFiles> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new InputError(`${path}: no such file or folder`, { hint: 'Check the path; give the downloaded archive (zip) or the folder it unpacks to.' });
  }
  if (info.isDirectory()) return openFolder(path);
  if (info.size === 0) throw new InputError(`${path}: the file is empty`, { hint: 'Download the export again; an empty file has nothing to import.' });
  const head = await readFileHead(path, 512);
  if (head.subarray(0, 2).equals(ZIP_MAGIC)) return openZip(path, info.size, limits);
  if (head.subarray(0, 2).equals(GZIP_MAGIC) || isTarHeader(head)) return openTar(path, info.size, limits);
  return singleFile(path, info.size);
}

async function readFileHead(path: string, bytes: number): Promise<Buffer> {
  const handle = await openFile(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function isTarHeader(head: Buffer): boolean {
  return head.length >= 262 && head.subarray(257, 262).toString('latin1') === 'ustar';
}

function singleFile(path: string, size: number): InputFiles {
  const name = basename(path);
  return fromFolderLike(path, 'file', [{ path: name, size }], () => path);
}

async function openFolder(root: string): Promise<InputFiles> {
  const entries: InputEntry[] = [];
  async function walk(dir: string): Promise<void> {
    for (const dirent of await readdir(dir, { withFileTypes: true })) {
      const full = join(dir, dirent.name);
      if (dirent.isDirectory()) await walk(full);
      else if (dirent.isFile()) entries.push({ path: relative(root, full).split(sep).join('/'), size: (await stat(full)).size });
    }
  }
  await walk(root);
  if (entries.length === 0) throw new InputError(`${root}: the folder is empty`, { hint: 'Give the folder your export unpacked to, or the downloaded zip itself.' });
  entries.sort((a, b) => a.path.localeCompare(b.path));
  return fromFolderLike(root, 'folder', entries, (p) => join(root, ...p.split('/')));
}

function fromFolderLike(
  label: string,
  container: 'file' | 'folder',
  entries: InputEntry[],
  locate: (path: string) => string,
  cleanup: () => Promise<void> = async () => {},
  reportAs: InputFiles['container'] = container,
): InputFiles {
  const known = new Set(entries.map((e) => e.path));
  const check = (p: string): string => {
    if (!known.has(p)) throw new InputError(`${label}: no entry ${p}`);
    return locate(p);
  };
  return {
    label,
    container: reportAs,
    entries,
    totalBytes: entries.reduce((s, e) => s + e.size, 0),
    open: async (p) => createReadStream(check(p)),
    readText: async (p) => (await streamToBuffer(createReadStream(check(p)))).toString('utf8'),
    readHead: async (p, bytes) => readFileHead(check(p), bytes),
    close: cleanup,
  };
}

function unsafePath(name: string): boolean {
  const parts = name.replace(/\\/g, '/').split('/');
  return name.startsWith('/') || /^[a-zA-Z]:/.test(name) || parts.includes('..');
}

function checkExpansion(label: string, expanded: number, compressed: number, limits: ArchiveLimits): void {
  if (expanded > limits.maxBytes) {
    throw new InputError(`${label}: the archive expands to ${formatBytes(expanded)}, above the ${formatBytes(limits.maxBytes)} limit`, {
      hint: 'If this really is your export, raise the limit with --max-archive-bytes or RAPPORT_MAX_ARCHIVE_BYTES (bytes); nothing was imported.',
    });
  }
  if (compressed > 0 && expanded / compressed > limits.maxRatio) {
    throw new InputError(
      `${label}: the archive expands ${Math.round(expanded / compressed)} times its size (limit ${limits.maxRatio}); it looks like a zip bomb`,
      { hint: 'Platform exports never compress that much; download the export again. Nothing was imported.' },
    );
  }
}

function formatBytes(n: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${i === 0 ? n : n.toFixed(1)} ${units[i]}`;
}

async function openZip(path: string, size: number, limits: ArchiveLimits): Promise<InputFiles> {
  const damaged = (cause: unknown) =>
    new InputError(`${path}: the zip file is damaged or incomplete (${(cause as Error).message})`, {
      hint: 'The download may have been cut off: download the export again. Nothing was imported.',
      cause,
    });
  let zip: yauzl.ZipFile;
  try {
    zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.open(path, { lazyEntries: true, autoClose: false, decodeStrings: true, strictFileNames: false }, (err, z) =>
        err || !z ? reject(err) : resolve(z),
      ),
    );
  } catch (e) {
    throw damaged(e);
  }
  const byPath = new Map<string, yauzl.Entry>();
  const entries: InputEntry[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        const name = entry.fileName;
        if (unsafePath(name)) {
          reject(new InputError(`${path}: the entry "${name}" points outside the archive's folder`, {
            hint: 'This is not a genuine platform export; nothing was imported.',
          }));
          return;
        }
        if (!name.endsWith('/')) {
          byPath.set(name, entry);
          entries.push({ path: name, size: entry.uncompressedSize });
        }
        zip.readEntry();
      });
      zip.on('end', () => resolve());
      zip.on('error', (e: Error) => {
        // yauzl itself refuses names such as "../x" or "/etc/x" before we see the entry.
        const escape = /(invalid relative path|absolute path): (.*)$/.exec(e.message);
        reject(escape
          ? new InputError(`${path}: the entry "${escape[2]}" points outside the archive's folder`, { hint: 'This is not a genuine platform export; nothing was imported.' })
          : damaged(e));
      });
      zip.readEntry();
    });
  } catch (e) {
    zip.close();
    throw e;
  }
  const total = entries.reduce((s, e) => s + e.size, 0);
  try {
    checkExpansion(path, total, size, limits);
    if (entries.length === 0) throw new InputError(`${path}: the zip file is empty`, { hint: 'Download the export again.' });
  } catch (e) {
    zip.close();
    throw e;
  }
  entries.sort((a, b) => a.path.localeCompare(b.path));
  const openEntry = (p: string): Promise<Readable> => {
    const entry = byPath.get(p);
    if (!entry) return Promise.reject(new InputError(`${path}: no entry ${p}`));
    return new Promise((resolve, reject) =>
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) return reject(damaged(err));
        // yauzl checks the real size against the declared one, so a lying header cannot expand unbounded.
        stream.on('error', () => {});
        resolve(stream);
      }),
    );
  };
  const readAll = async (p: string, limit?: number): Promise<Buffer> => {
    const stream = await openEntry(p);
    try {
      return await streamToBuffer(stream, limit);
    } catch (e) {
      throw damaged(e);
    }
  };
  return {
    label: path,
    container: 'zip',
    entries,
    totalBytes: total,
    open: openEntry,
    readText: async (p) => (await readAll(p)).toString('utf8'),
    readHead: (p, bytes) => readAll(p, bytes),
    close: async () => zip.close(),
  };
}

// Only these are ever extracted from a tarball: the data, not the media that makes exports huge.
const DATA_FILE = /\.(json|js|csv|txt|car|jsonl|ndjson|html)$/i;

async function openTar(path: string, size: number, limits: ArchiveLimits): Promise<InputFiles> {
  const damaged = (cause: unknown) =>
    new InputError(`${path}: the tar archive is damaged or incomplete (${(cause as Error).message})`, {
      hint: 'The download may have been cut off: download the export again. Nothing was imported.',
      cause,
    });
  let total = 0;
  let unsafe: string | undefined;
  try {
    await tar.t({
      file: path,
      strict: true,
      onReadEntry: (entry) => {
        if (unsafePath(entry.path)) unsafe ??= entry.path;
        total += entry.size ?? 0;
      },
    });
  } catch (e) {
    throw damaged(e);
  }
  if (unsafe) {
    throw new InputError(`${path}: the entry "${unsafe}" points outside the archive's folder`, {
      hint: 'This is not a genuine platform export; nothing was imported.',
    });
  }
  checkExpansion(path, total, size, limits);
  const dir = await mkdtemp(join(tmpdir(), 'rapport-tar-'));
  try {
    await tar.x({ file: path, cwd: dir, strict: true, filter: (p, entry) => 'type' in entry && entry.type === 'File' && DATA_FILE.test(p) });
    const folder = await openFolder(dir);
    return fromFolderLike(path, 'folder', [...folder.entries], (p) => join(dir, ...p.split('/')), () => rm(dir, { recursive: true, force: true }), 'tar');
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    if (e instanceof InputError && e.message.includes('folder is empty')) {
      throw new InputError(`${path}: the tar archive holds no data files`, { hint: 'Give the platform export itself.' });
    }
    throw e instanceof InputError ? e : damaged(e);
  }
}
