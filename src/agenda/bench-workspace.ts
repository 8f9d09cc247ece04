/**
 * The benchmark workspace of the brain: a shop with 100,000 people and 2,000,000 interactions
 * over two years, as rapport JSONL records written straight into the embedded store (the rows
 * the real import path would write; see `writeBenchStore`). Seeded,
 * so every run builds the same workspace; the result is kept under `.bench/` keyed by
 * `BENCH_WORKSPACE_VERSION` (change it whenever the generator changes) so re-runs skip the build.
 *
 * Shape, chosen to look like a busy small-business account rather than a uniform grid:
 * - every person followed once; who else they do is heavy-tailed (a few hundred regulars carry
 *   much of the conversation, most people liked something once or twice);
 * - kinds: likes, replies, shares, quotes (some with praise), mentions, DMs (some questions),
 *   your replies, DMs, likes and shares back, and your own posts that all of it refers to;
 * - texts are assembled from two fragments and a name, so about half of them are distinct and the
 *   language engine's cache does not flatter the figures (the count is reported);
 * - notes with reminders over the last two months, so follow-ups are due;
 * - each person's events fall between their follow and the end, so activity grows towards the
 *   end (about 44% of the interactions are in the last 120 days, the range the agenda scans): a
 *   harder case for `rapport today` than an even spread.
 */
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { normalizeHandle } from '../domain/handles.js';
import { parseRecord } from '../domain/records.js';
import { noteKey } from '../store/import-writer.js';
import { SQLITE_FILE } from '../store/open-database.js';
import { ensureCounterpartActivity, refreshCounterpartActivity } from '../store/queries/activity.js';
import { Store } from '../store/store.js';
import { prng } from '../support/prng.js';

export const BENCH_WORKSPACE_VERSION = 'brain-v1';
export const BENCH_AT = '2026-11-20T18:00:00.000Z';

export interface BenchWorkspaceSize {
  readonly people: number;
  readonly interactions: number;
}

export interface BuiltWorkspace {
  readonly dataDir: string;
  /** Seconds the build took when it was made (0 when this run reused a cached one). */
  readonly buildSeconds: number;
  readonly reused: boolean;
  readonly interactions: number;
  readonly distinctTexts: number;
}

const DAY_MS = 86_400_000;
const SPAN_DAYS = 730;
const SHOP = '@shop@bakers.social';
const FIRST = ['Ana', 'Ben', 'Chloe', 'Dev', 'Ema', 'Finn', 'Gita', 'Hugo', 'Ines', 'Jon', 'Kai', 'Lena', 'Mo', 'Nia', 'Owen', 'Pia', 'Quin', 'Rosa', 'Sam', 'Tess', 'Uma', 'Vik', 'Wen', 'Xav', 'Yara', 'Zoe'];
const LAST = ['Souza', 'Baker', 'Okafor', 'Hall', 'Mensah', 'Kowalski', 'Price', 'Ribeiro', 'Sharma', 'Turner', 'Walker', 'Nielsen'];
const BIOS = ['Home baker and coffee nerd.', 'Teacher, runner, cake enthusiast.', 'Food photographer in Leeds.', 'Small business owner. Dog person.', 'Sourdough at weekends, code on weekdays.', '', 'Gardener, reader, eater of pastries.', 'Cafe owner in York.'];
const OPENERS = ['', 'Hi!', 'Hey,', 'Morning!', 'Oh wow,', 'Honestly', 'Quick one:', 'Hello you lot!'];
const IN_BODIES = [
  'loved the rye this week', 'do you ship to Canada? how much is it?', 'what time do you open on Sunday?', 'the cinnamon knots were outrageous',
  'is the pumpkin loaf back?', 'best croissants in town, everyone should go', 'my starter finally doubled', 'can I order a cake for Friday?',
  'we tried your tip about chilling the dough', 'the market stall looked amazing', 'where do you get your flour from?', 'thank you for the recipe',
  'brilliant bakers, support them folks', 'came out flat but tasty', 'any gluten free options?', 'see you Saturday',
];
const OUT_BODIES = [
  'thank you so much', 'glad you liked it', 'we open at 8 on Sundays', 'yes, we ship to Canada, details are on the shop page', 'try a longer proof next time',
  'how did the bake go?', 'we get it from a mill near Ripon', 'see you there', 'congratulations on the new job', 'our winter menu is out, grab a box now',
];
const CLOSERS = ['', ' 🙂', ' x', ' Cheers!', ' #sourdough', ' Thanks again.'];
const NOTES = ['On holiday until the end of the month.', 'Running a 10k next week. Ask how it went.', 'Just started at a new job.', 'Moving house soon.'];


/**
 * The workspace's records, in file order, as rapport JSONL objects; `tally` counts the
 * interactions and the distinct texts as they are made.
 */
export function* benchRecords(size: BenchWorkspaceSize, tally: { interactions: number; distinctTexts: number }, seed = 5): Generator<Record<string, unknown>> {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const end = Date.parse(BENCH_AT);
  const start = end - SPAN_DAYS * DAY_MS;
  const timeIn = (from: number, to: number) => new Date(Math.floor(from + rand() * (to - from))).toISOString();
  const texts = new Set<string>();
  // Two fragments and a name: roughly half the texts of a run are distinct (reported as a figure).
  const say = (bodies: readonly string[], name: string) => {
    const text = `${pick(OPENERS)} ${name}, ${pick(bodies)}. Also, ${pick(bodies)}${pick(CLOSERS)}`.trim();
    texts.add(text);
    return text;
  };
  const handle = (p: number) => `@p${p}@example.social`;
  const nameOf = (p: number) => `${FIRST[p % FIRST.length]} ${LAST[Math.floor(p / FIRST.length) % LAST.length]}`;

  yield { type: 'account', platform: 'mastodon', handle: SHOP, name: 'Crumb & Co' };
  for (let p = 0; p < size.people; p++) {
    yield ({
      type: 'profile', platform: 'mastodon', handle: handle(p), name: nameOf(p), bio: BIOS[p % BIOS.length],
      followers: 20 + ((p * 37) % 900), following: 50 + ((p * 53) % 700), posts: (p * 17) % 400,
    });
  }
  // Your posts: one every few hours over the span, what replies, likes and shares refer to.
  const posts = Math.max(1, Math.round(size.interactions / 500));
  const postIds: string[] = [];
  const postTimes: number[] = [];
  let n = 0;
  for (let k = 0; k < posts; k++) {
    const t = start + Math.floor(((k + 0.5) / posts) * SPAN_DAYS * DAY_MS);
    postIds.push(`post-${k}`);
    postTimes.push(t);
    yield { type: 'interaction', platform: 'mastodon', id: `post-${k}`, at: new Date(t).toISOString(), actor: SHOP, kind: 'post', text: `Fresh from the oven, batch ${k}: ${pick(IN_BODIES)}` };
    n++;
  }
  // Everyone followed once; the newest few hundred followed in the last week.
  const followed: number[] = [];
  for (let p = 0; p < size.people; p++) {
    const t = p >= size.people - 300 ? end - Math.floor(rand() * 7 * DAY_MS) : start + Math.floor(rand() * (SPAN_DAYS - 7) * DAY_MS);
    followed.push(t);
    yield { type: 'interaction', platform: 'mastodon', id: `f-${p}`, at: new Date(t).toISOString(), actor: handle(p), target: SHOP, kind: 'follow' };
    n++;
  }
  const postBefore = (t: number) => {
    let lo = 0;
    let hi = postTimes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((postTimes[mid] as number) <= t) lo = mid;
      else hi = mid - 1;
    }
    return postIds[lo] as string;
  };
  // The rest: heavy-tailed over people (r² puts most events on the lowest-numbered people: the
  // busiest person has about 0.3% of them, the busiest 1% of people about 10%).
  for (let k = 0; n < size.interactions; k++) {
    const p = Math.min(size.people - 1, Math.floor(size.people * rand() ** 2));
    const at = timeIn(Math.max(followed[p] as number, start), end);
    const t = Date.parse(at);
    const name = (FIRST[p % FIRST.length] as string);
    const r = rand();
    const id = `i-${k}`;
    const base = { type: 'interaction', platform: 'mastodon', id, at };
    const inbound = { ...base, actor: handle(p), target: SHOP };
    const outbound = { ...base, actor: SHOP, target: handle(p) };
    if (r < 0.30) yield { ...inbound, kind: 'like', about: postBefore(t) };
    else if (r < 0.44) yield { ...inbound, kind: 'reply', inReplyTo: postBefore(t), text: say(IN_BODIES, pick(FIRST)) };
    else if (r < 0.50) yield { ...inbound, kind: 'share', about: postBefore(t) };
    else if (r < 0.52) yield { ...inbound, kind: 'quote', about: postBefore(t), text: say(IN_BODIES, pick(FIRST)) };
    else if (r < 0.56) yield { ...inbound, kind: 'mention', text: say(IN_BODIES, pick(FIRST)) };
    else if (r < 0.61) yield { ...inbound, kind: 'dm', text: say(IN_BODIES, pick(FIRST)) };
    else if (r < 0.76) yield { ...outbound, kind: 'reply', text: say(OUT_BODIES, name) };
    else if (r < 0.82) yield { ...outbound, kind: 'dm', text: say(OUT_BODIES, name) };
    else if (r < 0.94) yield { ...outbound, kind: 'like' };
    else if (r < 0.97) yield { ...outbound, kind: 'share' };
    else yield { ...outbound, kind: 'mention', text: say(OUT_BODIES, name) };
    n++;
  }
  // Notes with reminders due over the last two months, on the people you talk with most.
  for (let k = 0; k < Math.min(2_000, size.people); k++) {
    const p = Math.floor(size.people * rand() ** 2);
    const remind = new Date(end - Math.floor(rand() * 60) * DAY_MS).toISOString().slice(0, 10);
    yield { type: 'note', platform: 'mastodon', handle: handle(p), at: new Date(Date.parse(remind) - 10 * DAY_MS).toISOString(), text: pick(NOTES), remind };
  }
  tally.interactions = n;
  tally.distinctTexts = texts.size;
}

/** Writes the workspace as rapport JSONL; returns how many interactions and distinct texts it has. */
export async function writeBenchJsonl(file: string, size: BenchWorkspaceSize, seed = 5): Promise<{ interactions: number; distinctTexts: number }> {
  const tally = { interactions: 0, distinctTexts: 0 };
  const out = createWriteStream(file);
  for (const record of benchRecords(size, tally, seed)) {
    if (!out.write(`${JSON.stringify(record)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return tally;
}

/**
 * Writes the workspace straight into a new embedded store: the same rows `importPath` writes for
 * the same records (bench-workspace.test.ts holds the two side by side), in one transaction with
 * prepared statements and the interaction indexes built once at the end. Importing 2,000,000
 * lines through the general path measures the importer (the `jsonl` section does that); here it
 * would only make every change to the generator cost a long rebuild. The records are validated
 * as the JSONL source does, and only what this generator makes is handled: handles (no uids), the
 * account first, every person's profile before their interactions.
 */
export async function writeBenchStore(dataDir: string, size: BenchWorkspaceSize, seed = 5, now = new Date().toISOString()): Promise<{ interactions: number; distinctTexts: number }> {
  // Opening the store runs the migrations and makes the workspace row.
  const opened = await Store.open({ dataDir });
  const ws = opened.workspaceId;
  await opened.close();
  const db = new SqliteDatabase(join(dataDir, SQLITE_FILE));
  const tally = { interactions: 0, distinctTexts: 0 };
  try {
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -262144');
    const identities = new Map<string, { id: number; own: boolean }>();
    const insertIdentity = db.prepare('insert into identities (workspace_id, platform, handle, handle_norm, uid, is_own, first_seen) values (?, ?, ?, ?, null, ?, ?)');
    const updateProfile = db.prepare('update identities set name = coalesce(?, name), bio = coalesce(?, bio), location = coalesce(?, location), url = coalesce(?, url), created = coalesce(?, created), followers = coalesce(?, followers), following = coalesce(?, following), posts = coalesce(?, posts), avatar = coalesce(?, avatar) where id = ?');
    const insertInteraction = db.prepare(`insert into interactions (workspace_id, platform, pid, at, at_raw, kind, direction, actor_id, target_id, counterpart_id, text, in_reply_to, about)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const insertNote = db.prepare('insert into notes (workspace_id, identity_id, at, text, remind, key) values (?, ?, ?, ?, ?, ?) on conflict do nothing');
    const identity = (platform: string, handle: string | undefined, own = false) => {
      if (handle === undefined) throw new Error('the bench generator names everyone by handle');
      const key = `${platform}\0${normalizeHandle(handle)}`;
      let found = identities.get(key);
      if (!found) {
        found = { id: Number(insertIdentity.run(ws, platform, handle, normalizeHandle(handle), own ? 1 : 0, now).lastInsertRowid), own };
        identities.set(key, found);
      }
      return found;
    };
    // The interaction indexes are dropped and made again at the end: one sort instead of millions of random inserts.
    const indexes = db.prepare("select name, sql from sqlite_master where type = 'index' and tbl_name = 'interactions' and sql is not null").all() as { name: string; sql: string }[];
    db.transaction(() => {
      for (const index of indexes) db.exec(`drop index "${index.name}"`);
      for (const value of benchRecords(size, tally, seed)) {
        const parsed = parseRecord(value);
        if (!parsed.ok) throw new Error(`the bench generator made a bad record: ${parsed.reason}`);
        const r = parsed.record;
        if (r.type === 'account') {
          if (identities.has(`${r.platform}\0${normalizeHandle(r.handle)}`)) throw new Error('the bench generator writes the account first');
          identity(r.platform, r.handle, true);
        } else if (r.type === 'profile') {
          const id = identity(r.platform, r.handle).id;
          updateProfile.run(r.name ?? null, r.bio ?? null, r.location ?? null, r.url ?? null, r.created ?? null, r.followers ?? null, r.following ?? null, r.posts ?? null, r.avatar === undefined ? null : r.avatar ? 1 : 0, id);
        } else if (r.type === 'interaction') {
          const actor = identity(r.platform, r.actor);
          const target = r.target === undefined ? undefined : identity(r.platform, r.target);
          const direction = actor.own ? 'out' : 'in';
          const counterpart = direction === 'out' ? (target && !target.own ? target.id : null) : actor.id;
          const atRaw = (value as { at: string }).at === r.at ? null : (value as { at: string }).at;
          insertInteraction.run(ws, r.platform, r.id, r.at, atRaw, r.kind, direction, actor.id, target?.id ?? null, counterpart, r.text ?? null, r.inReplyTo ?? null, r.about ?? null);
        } else {
          insertNote.run(ws, identity(r.platform, r.handle).id, r.at, r.text, r.remind ?? null, noteKey(r));
        }
      }
      for (const index of indexes) db.exec(index.sql);
    })();
  } finally {
    db.close();
  }
  // What an import does when it finishes.
  const store = await Store.open({ dataDir });
  try {
    await refreshCounterpartActivity(store);
  } finally {
    await store.close();
  }
  return tally;
}

/** The cached workspace for this size, built (straight into the store) when missing or stale. */
export async function benchWorkspace(root: string, size: BenchWorkspaceSize, log: (line: string) => void = () => {}): Promise<BuiltWorkspace> {
  const dir = join(root, `${BENCH_WORKSPACE_VERSION}-${size.people}-${size.interactions}`);
  const dataDir = join(dir, 'workspace');
  const marker = join(dir, 'built.json');
  if (existsSync(marker)) {
    const built = JSON.parse(readFileSync(marker, 'utf8')) as BuiltWorkspace;
    // Opening runs any migration added since the build, and the agenda's table is brought up to
    // date (as an import would have), so that no measurement pays for either.
    const store = await Store.open({ dataDir });
    try {
      await ensureCounterpartActivity(store);
    } finally {
      await store.close();
    }
    return { ...built, dataDir, buildSeconds: 0, reused: true };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  log(`writing ${size.interactions.toLocaleString('en-US')} interactions …`);
  const { interactions, distinctTexts } = await writeBenchStore(dataDir, size);
  const built: BuiltWorkspace = { dataDir, buildSeconds: (performance.now() - started) / 1000, reused: false, interactions, distinctTexts };
  writeFileSync(marker, JSON.stringify(built));
  return built;
}
