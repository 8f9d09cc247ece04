/**
 * Mastodon: the archive from "Request your archive" (zip; `.tar.gz` from older versions; or the
 * folder either unpacks to), any of its JSON files given alone, and the CSV exports of
 * Settings > Import and export (FORMATS §1.1–1.2). docs/import.md says what is imported for the
 * user; outbox.ts, likes.ts and csv-exports.ts how each part maps onto DESIGN §2.
 *
 * The owner (the `account` record, yielded first) comes from actor.json; without it, from the
 * `actor` of the outbox's activities. Large files are read item by item (outbox.json and
 * likes.json with a streaming JSON parser, CSVs with a streaming CSV parser).
 */
import { StringDecoder } from 'node:string_decoder';
import { pipeline, type Readable } from 'node:stream';
import { parse as parseCsvStream } from 'csv-parse';
import { parse as parseCsvSync } from 'csv-parse/sync';
import pick from 'stream-json/filters/pick.js';
import parser from 'stream-json/parser.js';
import streamArray from 'stream-json/streamers/stream-array.js';
import { InputError } from '../../domain/errors.js';
import { parseRecord } from '../../domain/records.js';
import { findEntry, type InputEntry, type InputFiles } from '../archive/input-files.js';
import type { Detection, ReadContext, Source, SourceItem } from '../source.js';
import { accountRecord, ownerFromActivity, ownerFromActorJson, ownerProfile } from './actor.js';
import { classifyCsv, mapFollowRow, skipReason, type CsvShape } from './csv-exports.js';
import { mapLike } from './likes.js';
import { mapOutboxItem } from './outbox.js';
import { Directory, handleFromAcct, type Owner } from './people.js';

const FORMAT_ARCHIVE = 'Mastodon archive';
const FORMAT_CSV = 'Mastodon CSV export';
const HEAD_BYTES = 16 * 1024;
const ACTOR_MAX_BYTES = 4 * 1024 * 1024;

type JsonRole = 'actor' | 'outbox' | 'likes' | 'bookmarks';

interface Plan {
  readonly format: string;
  readonly actor?: InputEntry;
  readonly outbox?: InputEntry;
  readonly likes?: InputEntry;
  readonly bookmarks?: InputEntry;
  readonly csvs: readonly { entry: InputEntry; shape: CsvShape }[];
  /** CSV files in the input that are not Mastodon exports (skipped with a reason). */
  readonly otherCsvs: readonly InputEntry[];
}

export const mastodonSource: Source = {
  id: 'mastodon',
  atomic: true,

  async detect(files: InputFiles): Promise<Detection | null> {
    const plan = await makePlan(files);
    if (!plan) return null;
    return describe(files, plan);
  },

  read(files: InputFiles, context: ReadContext): AsyncIterable<SourceItem> {
    return readAll(files, context);
  },
};

// ---- detection ------------------------------------------------------------------------------

async function headText(files: InputFiles, entry: InputEntry, bytes = HEAD_BYTES): Promise<string> {
  return (await files.readHead(entry.path, bytes)).toString('utf8').replace(/^\uFEFF/, '');
}

/** Which archive file a JSON file is, from its name and first bytes; undefined if not Mastodon's. */
async function jsonRole(files: InputFiles, entry: InputEntry): Promise<JsonRole | undefined> {
  const name = (entry.path.split('/').pop() ?? '').toLowerCase();
  const head = await headText(files, entry);
  if (!head.trimStart().startsWith('{')) return undefined;
  const collection = /"type"\s*:\s*"(as:)?OrderedCollection"/.test(head) || /"orderedItems"\s*:/.test(head);
  if (/"preferredUsername"\s*:/.test(head) && /"(inbox|outbox)"\s*:/.test(head)) return 'actor';
  if (!collection) return undefined;
  if (name === 'likes.json' || /"id"\s*:\s*"likes\.json"/.test(head)) return 'likes';
  if (name === 'bookmarks.json' || /"id"\s*:\s*"bookmarks\.json"/.test(head)) return 'bookmarks';
  if (name === 'outbox.json' || /"id"\s*:\s*"outbox\.json"/.test(head) || /"type"\s*:\s*"(Create|Announce)"/.test(head)) return 'outbox';
  return undefined;
}

async function sniffCsv(files: InputFiles, entry: InputEntry): Promise<string[][]> {
  const head = await files.readHead(entry.path, HEAD_BYTES);
  let text = head.toString('utf8');
  if (head.length < entry.size) {
    const cut = text.lastIndexOf('\n');
    text = cut >= 0 ? text.slice(0, cut) : text;
  }
  try {
    return parseCsvSync(text, { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, to: 20 }) as string[][];
  } catch {
    return [];
  }
}

function csvError(files: InputFiles, entry: InputEntry, problem: string): InputError {
  const where = files.container === 'file' ? files.label : `${files.label}: ${entry.path}`;
  return new InputError(`${where}: ${problem}`, {
    hint: 'Download the CSV again from Settings > Import and export > Data export and import it unchanged. Nothing was imported.',
  });
}

async function makePlan(files: InputFiles): Promise<Plan | null> {
  const roles: Partial<Record<JsonRole, InputEntry>> = {};
  const csvs: { entry: InputEntry; shape: CsvShape }[] = [];
  const otherCsvs: InputEntry[] = [];
  const problems: { entry: InputEntry; problem: string }[] = [];

  if (files.container === 'file') {
    const entry = files.entries[0];
    if (!entry) return null;
    if (!/\.csv$/i.test(entry.path)) {
      const role = await jsonRole(files, entry);
      if (!role) return null;
      roles[role] = entry;
      return { format: FORMAT_ARCHIVE, ...roles, csvs, otherCsvs };
    }
    const verdict = classifyCsv(entry.path, await sniffCsv(files, entry));
    if (verdict === undefined) return null;
    if ('problem' in verdict) throw csvError(files, entry, verdict.problem);
    return { format: FORMAT_CSV, csvs: [{ entry, shape: verdict }], otherCsvs };
  }

  for (const role of ['actor', 'outbox', 'likes', 'bookmarks'] as const) {
    const entry = findEntry(files, `${role}.json`);
    if (entry && (await jsonRole(files, entry)) === role) roles[role] = entry;
  }
  const isArchive = roles.actor !== undefined || roles.outbox !== undefined;
  const csvEntries = files.entries.filter((e) => /\.csv$/i.test(e.path));
  if (!isArchive) {
    // A folder (or zip) of CSV exports only: every file must be a Mastodon CSV.
    if (csvEntries.length === 0 || csvEntries.length !== files.entries.length) return null;
  }
  for (const entry of csvEntries) {
    const verdict = classifyCsv(entry.path, await sniffCsv(files, entry));
    if (verdict === undefined) {
      if (!isArchive) return null;
      otherCsvs.push(entry);
    } else if ('problem' in verdict) problems.push({ entry, problem: verdict.problem });
    else csvs.push({ entry, shape: verdict });
  }
  if (!isArchive && csvs.length === 0 && problems.length === 0) return null;
  const problem = problems[0];
  if (problem) throw csvError(files, problem.entry, problem.problem);
  return { format: isArchive ? FORMAT_ARCHIVE : FORMAT_CSV, ...roles, csvs, otherCsvs };
}

const nf = new Intl.NumberFormat('en-US');
const count = (n: number, one: string, many = `${one}s`) => `${nf.format(n)} ${n === 1 ? one : many}`;

/**
 * Counts matches of each pattern in an entry, streaming (so a large outbox costs one pass of
 * reading, no parsing). Patterns must match at most OVERLAP characters.
 */
async function countMatches(files: InputFiles, entry: InputEntry, patterns: readonly RegExp[]): Promise<number[]> {
  const OVERLAP = 256;
  const counts = patterns.map(() => 0);
  const decoder = new StringDecoder('utf8');
  let carry = '';
  const scan = (text: string, final: boolean) => {
    const limit = final ? text.length : text.length - OVERLAP;
    patterns.forEach((pattern, i) => {
      const re = new RegExp(pattern.source, 'g');
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (m.index >= limit) break;
        counts[i]!++;
      }
    });
    return final ? '' : text.slice(Math.max(0, limit));
  };
  const stream = await files.open(entry.path);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) carry = scan(carry + decoder.write(chunk), false);
  } catch {
    // A damaged file is reported by read(); the summary is only an estimate.
  }
  scan(carry + decoder.end(), true);
  return counts;
}

async function describe(files: InputFiles, plan: Plan): Promise<Detection> {
  const parts: string[] = [];
  let owner: Owner | undefined;
  if (plan.actor) owner = await readOwner(files, plan.actor).catch(() => undefined);
  if (plan.outbox) {
    const [creates, announces] = await countMatches(files, plan.outbox, [/"type"\s*:\s*"Create"/, /"type"\s*:\s*"Announce"/]);
    parts.push(`${count(creates ?? 0, 'post')} (replies and DMs among them)`, count(announces ?? 0, 'boost'));
    if (!owner) {
      const head = await headText(files, plan.outbox);
      const actor = /"actor"\s*:\s*"([^"]+)"/.exec(head)?.[1];
      if (actor) owner = ownerFromActivity({ type: 'Create', actor });
    }
  }
  if (plan.likes) {
    const head = await headText(files, plan.likes);
    const before = head.indexOf('"orderedItems"');
    const headerUrls = before >= 0 ? (head.slice(0, before).match(/"https?:\/\//g) ?? []).length : 0;
    const [urls] = await countMatches(files, plan.likes, [/"https?:\/\//]);
    parts.push(count(Math.max(0, (urls ?? 0) - headerUrls), 'like'));
  }
  const WHAT = { following: 'followed account', followers: 'follower', muted: 'muted account', 'blocked-accounts': 'blocked account', 'blocked-domains': 'blocked domain', lists: 'list member', bookmarks: 'bookmark', accounts: 'account' } as const;
  const ignored: string[] = [];
  for (const { entry, shape } of plan.csvs) {
    const skipped = skipReason(shape.kind) !== undefined;
    if (skipped && plan.csvs.length > 1) {
      ignored.push(WHAT[shape.kind].replace(/ (account|domain|member)$/, (m) => `${m}s`).replace(/^bookmark$/, 'bookmarks'));
      continue;
    }
    // Lines that start with something (a quoted field spanning lines counts twice: an estimate).
    const rows = Math.max(0, (await countMatches(files, entry, [/\n[^\r\n]/]))[0]! + (entry.size > 0 ? 1 : 0) - (shape.header ? 1 : 0));
    parts.push(`${count(rows, WHAT[shape.kind])}${skipped ? ' (not imported)' : ''}`);
  }
  if (ignored.length > 0) parts.push(`${count(ignored.length, 'other CSV export')} not imported (${ignored.sort().join(', ')})`);
  const of = owner ? ` of ${owner.handle}` : '';
  const label = plan.format === FORMAT_CSV ? FORMAT_CSV : plan.outbox || plan.actor ? FORMAT_ARCHIVE : 'Mastodon archive file';
  return {
    format: plan.format,
    summary: `${label}${of}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`,
    ...(owner ? { account: { platform: 'mastodon', handle: owner.handle } } : {}),
  };
}

// ---- reading --------------------------------------------------------------------------------

async function readOwner(files: InputFiles, entry: InputEntry): Promise<Owner> {
  return (await readActor(files, entry)).owner;
}

async function readActor(files: InputFiles, entry: InputEntry) {
  if (entry.size > ACTOR_MAX_BYTES) throw new InputError(`${files.label}: ${entry.path} is too large for a profile (${entry.size} bytes)`, { hint: 'Give the archive as Mastodon made it. Nothing was imported.' });
  let value: unknown;
  try {
    value = JSON.parse((await files.readText(entry.path)).replace(/^\uFEFF/, ''));
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw damagedJson(files, entry, e);
  }
  const result = ownerFromActorJson(value);
  if (!result.ok) throw new InputError(`${files.label}: ${entry.path}: ${result.reason}`, { hint: 'Download the archive again. Nothing was imported.' });
  return result;
}

function damagedJson(files: InputFiles, entry: InputEntry, cause: unknown): InputError {
  const where = files.container === 'file' ? files.label : `${files.label}: ${entry.path}`;
  return new InputError(`${where}: not valid JSON, the file looks cut off or damaged (${(cause as Error).message})`, {
    hint: 'The download may have been cut off: download the archive again. Nothing was imported.',
    cause,
  });
}

/** The items of a collection's `orderedItems` (or `items`), one at a time. */
async function* collectionItems(files: InputFiles, entry: InputEntry, onBytes: (n: number) => void): AsyncIterable<unknown> {
  let source: Readable;
  try {
    source = await files.open(entry.path);
  } catch (e) {
    throw e instanceof InputError ? e : damagedJson(files, entry, e);
  }
  let bytes = 0;
  source.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
  });
  const filter = (stack: readonly (string | number | null)[]) => stack.length === 1 && (stack[0] === 'orderedItems' || stack[0] === 'items');
  const items = pipeline(source, parser.asStream(), pick.asStream({ filter }), streamArray.asStream(), () => {});
  let n = 0;
  try {
    for await (const item of items as AsyncIterable<{ value: unknown }>) {
      if ((++n & 255) === 0) onBytes(bytes);
      yield item.value;
    }
  } catch (e) {
    throw e instanceof InputError ? e : damagedJson(files, entry, e);
  }
  onBytes(bytes);
}

/** Validates a candidate against the record schema (which also normalises times to UTC). */
function checked(candidate: object, file: string, where: string): SourceItem {
  const parsed = parseRecord(candidate);
  return parsed.ok ? { record: parsed.record } : { skip: { file, reason: `${where}: ${parsed.reason}` } };
}

async function* readAll(files: InputFiles, context: ReadContext): AsyncIterable<SourceItem> {
  const plan = await makePlan(files);
  if (!plan) throw new InputError(`${files.label}: not a Mastodon export`, { hint: 'Give the archive as downloaded (zip or tar.gz), its folder, or a CSV export.' });
  let done = 0;
  const progress = (inFile: number) => context.progress(Math.min(files.totalBytes, done + inFile));
  const finish = (entry: InputEntry) => {
    done += entry.size;
    progress(0);
  };

  let owner: Owner | undefined;
  const directory = new Directory(() => owner);
  const announce = function* (found: Owner): Iterable<SourceItem> {
    owner = found;
    yield { record: accountRecord(found) };
  };

  if (plan.actor) {
    const { owner: found, actor } = await readActor(files, plan.actor);
    yield* announce(found);
    const profile = ownerProfile(found, actor);
    if (profile) yield checked(profile, plan.actor.path, 'profile');
    finish(plan.actor);
  }

  if (plan.outbox) {
    const file = plan.outbox.path;
    // Without actor.json, the owner is the actor of the first activity; items before it wait.
    const waiting: unknown[] = [];
    let index = 0;
    const map = (value: unknown, at: number): SourceItem[] => {
      const result = mapOutboxItem(value, owner!, directory);
      if (result.skip !== undefined) return [{ skip: { file, reason: `item ${at}: ${result.skip}` } }];
      return result.candidates.map((c) => checked(c, file, `item ${at}`));
    };
    for await (const value of collectionItems(files, plan.outbox, progress)) {
      index++;
      if (!owner) {
        const found = ownerFromActivity(value);
        if (!found) {
          waiting.push(value);
          continue;
        }
        yield* announce(found);
        for (const [i, w] of waiting.entries()) yield* map(w, i + 1);
        waiting.length = 0;
      }
      yield* map(value, index);
    }
    for (const [i] of waiting.entries()) yield { skip: { file, reason: `item ${i + 1}: no actor, and no actor.json says whose archive this is` } };
    finish(plan.outbox);
  }

  const needsOwner = plan.likes !== undefined || plan.csvs.some(({ shape }) => skipReason(shape.kind) === undefined);
  if (!owner && needsOwner) {
    const known = context.ownAccounts?.filter((a) => a.platform === 'mastodon') ?? [];
    const handle = known.length === 1 ? handleFromAcct(known[0]!.handle) : undefined;
    if (handle === undefined) {
      const what = [plan.likes?.path, ...plan.csvs.map((c) => c.entry.path)].filter(Boolean).join(', ');
      throw new InputError(`${files.label}: ${what} does not say whose account it is`, {
        hint: 'Import your Mastodon archive first (then the CSV goes to its account), or put the file in the folder of the unpacked archive, next to actor.json, and import that folder. Nothing was imported.',
      });
    }
    yield* announce({ handle });
  }

  if (plan.likes && owner) {
    const file = plan.likes.path;
    let index = 0;
    for await (const value of collectionItems(files, plan.likes, progress)) {
      index++;
      const like = mapLike(value, owner, directory);
      yield typeof like === 'string' ? { skip: { file, reason: `item ${index}: ${like}` } } : checked(like, file, `item ${index}`);
    }
    finish(plan.likes);
  }

  if (plan.bookmarks) {
    yield { skip: { file: plan.bookmarks.path, reason: 'bookmarks are not imported: they are private and say nothing about the author' } };
    finish(plan.bookmarks);
  }

  for (const { entry, shape } of plan.csvs) {
    const reason = skipReason(shape.kind);
    if (reason !== undefined || !owner || (shape.kind !== 'following' && shape.kind !== 'followers')) {
      yield { skip: { file: entry.path, reason: reason ?? 'not a follow list' } };
      finish(entry);
      continue;
    }
    yield* readFollowCsv(files, entry, shape, shape.kind, owner, progress);
    finish(entry);
  }

  for (const entry of plan.otherCsvs) {
    yield { skip: { file: entry.path, reason: 'not a Mastodon export (unknown CSV header)' } };
    finish(entry);
  }
  context.progress(files.totalBytes);
}

async function* readFollowCsv(
  files: InputFiles,
  entry: InputEntry,
  shape: CsvShape,
  kind: 'following' | 'followers',
  owner: Owner,
  progress: (n: number) => void,
): AsyncIterable<SourceItem> {
  const file = entry.path;
  const source = await files.open(entry.path);
  let bytes = 0;
  source.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
  });
  const rows = source.pipe(
    parseCsvStream({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true, from_line: shape.header ? 2 : 1 }),
  );
  source.on('error', (e) => rows.destroy(e));
  try {
    for await (const row of rows as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const line = row.info.lines;
      if ((line & 255) === 0) progress(bytes);
      const follow = mapFollowRow(kind, row.record, owner);
      yield typeof follow === 'string' ? { skip: { file, line, reason: follow } } : checked(follow, file, `line ${line}`);
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw csvError(files, entry, `the CSV is damaged (${(e as Error).message})`);
  }
  progress(bytes);
}

