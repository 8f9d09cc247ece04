/**
 * Benchmark of the X archive import (issue 3): generates an archive with 200,000 tweets, 20,000
 * DMs and 50,000 followers in a temp folder, imports it with `importPath` into an empty embedded
 * store while sampling the process RSS, and in the same run times plain `JSON.parse` of the same
 * files (after stripping the `window.YTD… =` prefix) as the ceiling to compare against.
 * Targets: import within 3x of JSON.parse, peak RSS under 400 MB.
 *
 * Run alone: `node --import tsx src/sources/x/bench.ts`.
 */
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { importPath } from '../../ingest/import-path.js';
import { Store } from '../../store/store.js';
import { openInput } from '../archive/open-input.js';
import { xSource } from './x-source.js';

export interface XBenchOptions {
  tweets?: number;
  dms?: number;
  followers?: number;
}

const OWNER_ID = '1000000001';
const PEOPLE = 8000;

/** Deterministic pseudo-random numbers (mulberry32), so every run generates the same archive. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = 'bread rye sourdough class saturday thanks great morning oven flour starter crust crumb bake friends market stall coffee recipe new season'.split(' ');
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function apiTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000 ${d.getUTCFullYear()}`;
}

function snowflake(ms: number, seq: number): string {
  return ((BigInt(ms - 1288834974657) << 22n) + BigInt(seq % 4096)).toString();
}

const personId = (i: number) => String(2000000000 + i);
const personName = (i: number) => `user${i}`;

async function writeChunks(path: string, head: string, count: number, item: (i: number) => unknown): Promise<void> {
  const out: WriteStream = createWriteStream(path);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write(`${head} [ `);
  let buffer: string[] = [];
  for (let i = 0; i < count; i++) {
    // X pretty-prints its data files with two spaces.
    buffer.push(JSON.stringify(item(i), null, 2));
    if (buffer.length === 500 || i === count - 1) {
      await write((i < buffer.length ? '' : ', ') + buffer.join(', '));
      buffer = [];
    }
  }
  await write(' ]');
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

function tweet(i: number, rnd: () => number): unknown {
  const ms = Date.UTC(2019, 0, 1) + i * 600_000;
  const id = snowflake(ms, i);
  const text = Array.from({ length: 12 + Math.floor(rnd() * 20) }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(' ');
  const who = Math.floor(rnd() * PEOPLE);
  const mention = (p: number) => ({ name: `Person ${p}`, screen_name: personName(p), indices: ['0', '10'], id_str: personId(p), id: personId(p) });
  const roll = rnd();
  const base: Record<string, unknown> = {
    edit_info: { initial: { editTweetIds: [id], editableUntil: '2019-01-01T01:00:00.000Z', editsRemaining: '5', isEditEligible: true } },
    retweeted: false,
    source: '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>',
    entities: { hashtags: [], symbols: [], user_mentions: [] as unknown[], urls: [] as unknown[] },
    display_text_range: ['0', String(text.length)],
    favorite_count: String(Math.floor(rnd() * 50)),
    id_str: id,
    truncated: false,
    retweet_count: String(Math.floor(rnd() * 10)),
    id,
    created_at: apiTime(ms),
    favorited: false,
    full_text: text,
    lang: 'en',
  };
  const entities = base.entities as { user_mentions: unknown[]; urls: unknown[] };
  if (roll < 0.2) {
    base.full_text = `@${personName(who)} ${text}`;
    entities.user_mentions.push(mention(who));
    Object.assign(base, { in_reply_to_status_id_str: snowflake(ms - 60_000, i), in_reply_to_status_id: snowflake(ms - 60_000, i), in_reply_to_user_id: personId(who), in_reply_to_user_id_str: personId(who), in_reply_to_screen_name: personName(who) });
  } else if (roll < 0.3) {
    base.full_text = `RT @${personName(who)}: ${text}`;
    entities.user_mentions.push(mention(who));
  } else if (roll < 0.35) {
    const url = { url: 'https://t.co/abcdEFGH12', expanded_url: `https://twitter.com/${personName(who)}/status/${snowflake(ms - 3_600_000, i)}`, display_url: `twitter.com/${personName(who)}/…`, indices: ['100', '123'] };
    entities.urls.push(url);
    base.full_text = `${text} https://t.co/abcdEFGH12`;
  } else if (roll < 0.4) {
    const other = (who + 1) % PEOPLE;
    entities.user_mentions.push(mention(who), mention(other));
    base.full_text = `${text} @${personName(who)} @${personName(other)}`;
  }
  return { tweet: base };
}

/** Writes the archive folder; returns its data files (for the JSON.parse ceiling). */
export async function generateXArchive(root: string, options: XBenchOptions = {}): Promise<string[]> {
  const tweets = options.tweets ?? 200_000;
  const dms = options.dms ?? 20_000;
  const followers = options.followers ?? 50_000;
  const data = join(root, 'data');
  await mkdir(data, { recursive: true });
  const rnd = random(42);
  const files = {
    account: join(data, 'account.js'),
    manifest: join(data, 'manifest.js'),
    tweets: join(data, 'tweets.js'),
    dms: join(data, 'direct-messages.js'),
    followers: join(data, 'follower.js'),
  };
  await writeChunks(files.account, 'window.YTD.account.part0 =', 1, () => ({ account: { email: 'shop@example.com', createdVia: 'web', username: 'benchshop', accountId: OWNER_ID, createdAt: '2015-01-01T00:00:00.000Z', accountDisplayName: 'Bench Shop' } }));
  const manifest = {
    userInfo: { accountId: OWNER_ID, userName: 'benchshop', displayName: 'Bench Shop' },
    archiveInfo: { sizeBytes: '0', generationDate: '2024-01-01T00:00:00.000Z', isPartialArchive: false, maxPartSizeBytes: '53687091200' },
    dataTypes: {
      tweets: { files: [{ fileName: 'data/tweets.js', globalName: 'YTD.tweets.part0', count: String(tweets) }] },
      follower: { files: [{ fileName: 'data/follower.js', globalName: 'YTD.follower.part0', count: String(followers) }] },
      directMessages: { files: [{ fileName: 'data/direct-messages.js', globalName: 'YTD.direct_messages.part0', count: String(Math.ceil(dms / 10)) }] },
    },
  };
  await new Promise<void>((resolve, reject) => createWriteStream(files.manifest).end(`window.__THAR_CONFIG = ${JSON.stringify(manifest, null, 2)}`, () => resolve()).on('error', reject));
  await writeChunks(files.tweets, 'window.YTD.tweets.part0 =', tweets, (i) => tweet(i, rnd));
  const perConversation = 10;
  await writeChunks(files.dms, 'window.YTD.direct_messages.part0 =', Math.ceil(dms / perConversation), (c) => {
    const other = personId(c % PEOPLE);
    const n = Math.min(perConversation, dms - c * perConversation);
    const messages = Array.from({ length: n }, (_, k) => {
      const ms = Date.UTC(2020, 0, 1) + (c * perConversation + k) * 60_000;
      const mine = k % 2 === 1;
      return {
        messageCreate: {
          reactions: [],
          urls: [],
          text: Array.from({ length: 8 + (k % 10) }, (_, w) => WORDS[(c + k + w) % WORDS.length]).join(' '),
          mediaUrls: [],
          senderId: mine ? OWNER_ID : other,
          id: snowflake(ms, c * perConversation + k),
          recipientId: mine ? other : OWNER_ID,
          createdAt: new Date(ms).toISOString(),
        },
      };
    }).reverse();
    return { dmConversation: { conversationId: `${other}-${OWNER_ID}`, messages } };
  });
  await writeChunks(files.followers, 'window.YTD.follower.part0 =', followers, (i) => {
    const id = i < PEOPLE ? personId(i) : String(3000000000 + i);
    return { follower: { accountId: id, userLink: `https://twitter.com/intent/user?user_id=${id}` } };
  });
  return [files.account, files.manifest, files.tweets, files.dms, files.followers];
}

/** `JSON.parse` of each file after its JS prefix, the way a whole-file reader would do it. */
function jsonParseSeconds(files: readonly string[]): { seconds: number; items: number } {
  const start = process.hrtime.bigint();
  let items = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const body = text.slice(text.indexOf('=') + 1).replace(/;\s*$/, '');
    const value: unknown = JSON.parse(body);
    if (Array.isArray(value)) items += value.length;
  }
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, items };
}

export async function benchXImport(options: XBenchOptions = {}): Promise<Record<string, number>> {
  const root = mkdtempSync(join(tmpdir(), 'rapport-xbench-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'rapport-xbench-store-'));
  try {
    const files = await generateXArchive(root, options);
    const archiveBytes = files.reduce((s, f) => s + statSync(f).size, 0);

    (globalThis as { gc?: () => void }).gc?.();
    const rssBefore = process.memoryUsage().rss;
    const store = await Store.open({ dataDir });
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    const start = process.hrtime.bigint();
    let summary;
    try {
      summary = await importPath(store, root);
    } finally {
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage().rss);
      await store.close();
    }
    const importSeconds = Number(process.hrtime.bigint() - start) / 1e9;
    const ceiling = jsonParseSeconds(files);
    const sourceOnly = await sourceOnlySeconds(root);
    const items = summary.interactions.new + summary.interactions.known;
    return {
      tweets: options.tweets ?? 200_000,
      dms: options.dms ?? 20_000,
      followers: options.followers ?? 50_000,
      archiveMB: round(archiveBytes / 1024 / 1024),
      interactions: items,
      people: summary.people,
      importSeconds: round(importSeconds),
      itemsPerSecond: Math.round(items / importSeconds),
      jsonParseSeconds: round(ceiling.seconds),
      ratioToJsonParse: round(importSeconds / ceiling.seconds),
      // How much of the import is reading and mapping the archive (no store): the rest is the store.
      sourceOnlySeconds: round(sourceOnly),
      rssBeforeMB: round(rssBefore / 1024 / 1024),
      peakRssMB: round(peak / 1024 / 1024),
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function sourceOnlySeconds(root: string): Promise<number> {
  const files = await openInput(root);
  const start = process.hrtime.bigint();
  try {
    await xSource.detect(files);
    for await (const item of xSource.read(files, { progress() {} })) void item;
  } finally {
    await files.close();
  }
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const scale = Number(process.env.XBENCH_SCALE ?? '1');
  const result = await benchXImport({ tweets: Math.round(200_000 * scale), dms: Math.round(20_000 * scale), followers: Math.round(50_000 * scale) });
  console.log(JSON.stringify(result, null, 2));
}
