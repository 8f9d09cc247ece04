/**
 * The X / Twitter archive (FORMATS.md §2): the zip as downloaded or its unpacked folder.
 * Yields the owner's `account` first, then the owner's profile, tweets, DMs (1:1 and group),
 * likes, following and followers, each file streamed item by item (see ytd-stream.ts).
 * People named by user id alone (followers, DM partners) and by handle alone (quote links) are
 * yielded as the archive names them: the store joins the two halves of an identity as soon as
 * any record gives both, within a batch or across batches and imports.
 */
import { InputError } from '../../domain/errors.js';
import type { InputFiles } from '../archive/input-files.js';
import type { Detection, ReadContext, Source, SourceItem } from '../source.js';
import { readManifest, readOwner, undatedFallback, type OwnerInfo } from './account.js';
import { mapConversation } from './dms.js';
import { mapFollow } from './follows.js';
import { mapLike } from './likes.js';
import { mapTweet, type SeenProfiles } from './tweets.js';
import { findLayout, hasXData, type XLayout } from './x-layout.js';
import type { Owner, RawManifest } from './x-types.js';
import { countOccurrences, countYtdItems, readYtdItems } from './ytd-stream.js';

const HEAD_BYTES = 256;
const MARKER = /^\s*window\.(YTD\.|__THAR_CONFIG)/;

export const xSource: Source = {
  id: 'x',
  atomic: true,

  async detect(files: InputFiles): Promise<Detection | null> {
    const layout = findLayout(files);
    if (!hasXData(layout)) {
      if (layout.classic) {
        throw new InputError(`${files.label}: this is a pre-2018 "classic" Twitter archive (data/js/tweets/YYYY_MM.js), which rapport cannot read`, {
          hint: 'Request a current archive from X (Settings > Your account > Download an archive of your data) and import that. Nothing was imported.',
        });
      }
      return null;
    }
    const probe = layout.account ?? layout.manifest ?? layout.tweets[0] ?? layout.dms[0] ?? layout.groupDms[0] ?? layout.likes[0] ?? layout.followers[0] ?? layout.following[0]!;
    const head = (await files.readHead(probe, HEAD_BYTES)).toString('utf8').replace(/^\uFEFF/, '');
    if (!MARKER.test(head)) return null;
    if (files.container === 'file') {
      throw new InputError(`${files.label}: this is one file of an X archive; rapport needs the whole archive`, {
        hint: 'Give the zip as downloaded from X, or the folder it unpacks to. Nothing was imported.',
      });
    }
    const manifest = await readManifest(files, layout);
    const info = await readOwner(files, layout, manifest);
    const counts = await countAll(files, layout, manifest);
    const parts = [
      count(counts.tweets, 'tweet'),
      count(counts.dms, 'DM'),
      count(counts.followers, 'follower'),
      `${fmt(counts.following)} following`,
      count(counts.likes, 'like'),
    ];
    return { format: 'X archive', summary: `X archive of ${info.owner.handle}: ${parts.join(', ')}`, account: { platform: 'x', handle: info.owner.handle } };
  },

  async *read(files: InputFiles, context: ReadContext): AsyncIterable<SourceItem> {
    const layout = findLayout(files);
    const manifest = await readManifest(files, layout);
    const info: OwnerInfo = await readOwner(files, layout, manifest);
    const owner: Owner = info.owner;
    let done = 0;
    const small = [layout.manifest, layout.account, layout.profile, layout.screenNameChange];
    for (const path of small) if (path) done += sizeOf(files, path);
    context.progress(done);

    yield { record: info.account };
    yield { record: info.profile };

    const undated = undatedFallback(info);
    const seen: SeenProfiles = new Set();
    const plan: { paths: string[]; kind: 'tweet' | 'dm' | 'like' | 'following' | 'follower' }[] = [
      { paths: layout.tweets, kind: 'tweet' },
      { paths: [...layout.dms, ...layout.groupDms], kind: 'dm' },
      { paths: layout.likes, kind: 'like' },
      { paths: layout.following, kind: 'following' },
      { paths: layout.followers, kind: 'follower' },
    ];
    for (const { paths, kind } of plan) {
      for (const path of paths) {
        const stream = await files.open(path);
        let n = 0;
        for await (const { index, value } of readYtdItems(stream, path, (bytes) => {
          done += bytes;
          if (++n % 16 === 0) context.progress(done);
        })) {
          if (kind === 'dm') {
            const result = mapConversation(value, owner);
            for (const reason of result.skips) yield { skip: { file: path, reason: `item ${index + 1}: ${reason}` } };
            for (const record of result.records) yield { record };
            continue;
          }
          const result = kind === 'tweet' ? mapTweet(value, owner, seen)
            : kind === 'like' ? mapLike(value, owner, undated)
            : mapFollow(value, kind, owner, undated);
          if ('skip' in result) {
            yield { skip: { file: path, reason: `item ${index + 1}: ${result.skip}` } };
            continue;
          }
          for (const record of result.records) yield { record };
        }
        context.progress(done);
      }
    }
  },
};

function sizeOf(files: InputFiles, path: string): number {
  return files.entries.find((e) => e.path === path)?.size ?? 0;
}

interface Counts {
  tweets: number;
  dms: number;
  followers: number;
  following: number;
  likes: number;
}

/**
 * Counts for the detection summary: from manifest.js when it has them (archives since ~2020),
 * else by scanning the files (no parsing). DMs are always counted as messages, not
 * conversations (the manifest counts conversations).
 */
async function countAll(files: InputFiles, layout: XLayout, manifest: RawManifest | undefined): Promise<Counts> {
  const items = async (paths: string[], ...types: string[]): Promise<number> => {
    const fromManifest = manifestCount(manifest, paths, types);
    if (fromManifest !== undefined) return fromManifest;
    let total = 0;
    for (const p of paths) total += await countYtdItems(await files.open(p), p);
    return total;
  };
  let dms = 0;
  for (const p of [...layout.dms, ...layout.groupDms]) dms += await countOccurrences(await files.open(p), p, '"messageCreate"');
  return {
    tweets: await items(layout.tweets, 'tweets', 'tweet'),
    dms,
    followers: await items(layout.followers, 'follower'),
    following: await items(layout.following, 'following'),
    likes: await items(layout.likes, 'like'),
  };
}

/** The manifest's count for these files, when it lists every one of them. */
function manifestCount(manifest: RawManifest | undefined, paths: string[], types: string[]): number | undefined {
  if (paths.length === 0) return 0;
  const listed = new Map<string, number>();
  for (const type of types) {
    for (const f of manifest?.dataTypes?.[type]?.files ?? []) {
      const count = Number(f.count);
      if (typeof f.fileName === 'string' && Number.isFinite(count)) listed.set(f.fileName.split('/').pop()!.toLowerCase(), count);
    }
  }
  let total = 0;
  for (const p of paths) {
    const count = listed.get(p.split('/').pop()!.toLowerCase());
    if (count === undefined) return undefined;
    total += count;
  }
  return total;
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

function count(n: number, one: string): string {
  return `${fmt(n)} ${one}${n === 1 ? '' : 's'}`;
}
