/**
 * Bluesky repository export (`.car`, FORMATS.md §3.1–3.2): the owner's own posts, replies,
 * quotes, mentions, reposts, likes, follows and profile. A lone `.car` file, or a folder or zip
 * holding one or more. Everything is checked when the input is detected (header, block framing,
 * CIDs, commit, record tree, every record block), so a damaged export is refused before anything
 * is written; the loaded repository is kept for `read` so the file is parsed once.
 */
import { InputError } from '../../domain/errors.js';
import type { Kind, SourceRecord } from '../../domain/records.js';
import { matchEntries, streamToBuffer, type InputEntry, type InputFiles } from '../archive/input-files.js';
import type { Detection, ReadContext, Source, SourceItem } from '../source.js';
import { COLLECTIONS, PROFILE_RKEY } from './bluesky-types.js';
import { decodeRecord, loadRepo, notCar, sniffCarHeader, splitKey, type LoadedRepo } from './car.js';
import { isMappedCollection, mapRecord, recordContext } from './map-record.js';
import { ownerAccount, ownerProfile } from './profile.js';

const HEAD_BYTES = 4200;
const CAR_NAME = /\.car$/i;
const PROFILE_KEY = `${COLLECTIONS.profile}/${PROFILE_RKEY}`;

interface LoadedInput {
  readonly entry: InputEntry;
  readonly repo: LoadedRepo;
}

const loaded = new WeakMap<InputFiles, Promise<LoadedInput[]>>();

export const blueskySource: Source = {
  id: 'bluesky',
  atomic: true,

  async detect(files: InputFiles): Promise<Detection | null> {
    const candidates = await carEntries(files);
    if (candidates.length === 0) return null;
    const inputs = load(files, candidates);
    const repos = await inputs;
    const summaries = repos.map(({ repo }) => describe(repo));
    const first = repos[0]!.repo;
    return {
      format: 'Bluesky repository export',
      summary: summaries.join('; '),
      account: { platform: 'bluesky', handle: first.did },
    };
  },

  async *read(files: InputFiles, context: ReadContext): AsyncIterable<SourceItem> {
    const inputs = await (loaded.get(files) ?? load(files, await carEntries(files)));
    loaded.delete(files);
    let base = 0;
    for (const { entry, repo } of inputs) {
      const profile = profileOf(repo);
      yield { record: ownerAccount(repo.did, profile) };
      const own = ownerProfile(repo.did, profile);
      if (own) yield { record: own };
      const n = repo.leaves.length;
      for (const [i, leaf] of repo.leaves.entries()) {
        if ((i & 511) === 511) context.progress(base + Math.floor((entry.size * i) / n));
        const item = mapLeaf(repo, leaf, entry.path);
        if (item === undefined) continue;
        if ('skip' in item) yield item;
        else for (const record of item.records) yield { record };
      }
      base += entry.size;
      context.progress(base);
    }
  },
};

/** The `.car` entries of the input; throws when one claims to be a CAR file and is not. */
async function carEntries(files: InputFiles): Promise<InputEntry[]> {
  const named = files.container === 'file' ? [...files.entries] : matchEntries(files, CAR_NAME);
  const found: InputEntry[] = [];
  for (const entry of named) {
    const verdict = sniffCarHeader(await files.readHead(entry.path, HEAD_BYTES));
    if (verdict.ok) found.push(entry);
    else if (CAR_NAME.test(entry.path)) throw notCar(whereOf(files, entry), verdict.problem);
  }
  return found;
}

function whereOf(files: InputFiles, entry: InputEntry): string {
  return files.container === 'file' ? files.label : `${files.label} (${entry.path})`;
}

function load(files: InputFiles, entries: readonly InputEntry[]): Promise<LoadedInput[]> {
  const promise = (async () => {
    const out: LoadedInput[] = [];
    for (const entry of entries) {
      const where = whereOf(files, entry);
      let bytes: Buffer;
      try {
        bytes = await streamToBuffer(await files.open(entry.path));
      } catch (e) {
        if (e instanceof InputError) throw e;
        throw new InputError(`${where}: could not be read (${(e as Error).message})`, { hint: 'Check the file and try again. Nothing was imported.', cause: e });
      }
      out.push({ entry, repo: await loadRepo(where, bytes) });
    }
    return out;
  })();
  loaded.set(files, promise);
  // A failed load is not kept: the error reaches the caller that awaits it.
  promise.catch(() => loaded.delete(files));
  return promise;
}

function profileOf(repo: LoadedRepo): unknown {
  const leaf = repo.leaves.find((l) => l.key === PROFILE_KEY);
  return leaf ? decodeRecord(repo, leaf) : undefined;
}

type LeafItem = { records: readonly SourceRecord[] } | { skip: { file: string; reason: string } };

/** One MST leaf → records, a skip, or undefined for a collection rapport does not import. */
function mapLeaf(repo: LoadedRepo, leaf: LoadedRepo['leaves'][number], file: string): LeafItem | undefined {
  const key = splitKey(leaf.key);
  if (!key) return { skip: { file, reason: `record key ${JSON.stringify(leaf.key)} is not <collection>/<rkey>` } };
  if (key.collection === COLLECTIONS.profile) return undefined;
  const ctx = recordContext(repo.did, key.collection, key.rkey);
  const value = decodeRecord(repo, leaf);
  if (value === undefined) {
    return isMappedCollection(key.collection) ? { skip: { file, reason: `${ctx.uri}: the record could not be decoded` } } : undefined;
  }
  const result = mapRecord(ctx, value);
  if (result === undefined) return undefined;
  return result.ok ? { records: result.records } : { skip: { file, reason: result.reason } };
}

const KIND_LABELS: [Kind, string, string][] = [
  ['post', 'post', 'posts'],
  ['reply', 'reply', 'replies'],
  ['quote', 'quote', 'quotes'],
  ['mention', 'mention', 'mentions'],
  ['share', 'repost', 'reposts'],
  ['like', 'like', 'likes'],
  ['follow', 'follow', 'follows'],
];

/** "Bluesky repository of did:plc:…: 800 posts, 300 replies, 1,200 likes, 400 follows". */
function describe(repo: LoadedRepo): string {
  const counts = new Map<string, number>();
  let other = 0;
  let unreadable = 0;
  for (const leaf of repo.leaves) {
    const item = mapLeaf(repo, leaf, '');
    if (item === undefined) {
      if (leaf.key !== PROFILE_KEY) other++;
    } else if ('skip' in item) unreadable++;
    else for (const r of item.records) if (r.type === 'interaction') counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
  }
  const fmt = (n: number) => n.toLocaleString('en-US');
  const parts = KIND_LABELS.filter(([kind]) => (counts.get(kind) ?? 0) > 0).map(([kind, one, many]) => {
    const n = counts.get(kind)!;
    return `${fmt(n)} ${n === 1 ? one : many}`;
  });
  if (parts.length === 0) parts.push('no posts, likes or follows');
  const name = ownerAccount(repo.did, profileOf(repo)).name;
  if (other > 0) parts.push(`${fmt(other)} other record${other === 1 ? '' : 's'} (blocks, lists, …) not imported`);
  if (unreadable > 0) parts.push(`${fmt(unreadable)} unreadable`);
  return `Bluesky repository of ${repo.did}${name !== undefined ? ` (${name})` : ''}: ${parts.join(', ')}`;
}
