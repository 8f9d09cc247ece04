/**
 * The benchmark workspace of the brain: a shop with 100,000 people and 2,000,000 interactions
 * over two years, written as rapport JSONL and imported through the real import path. Seeded,
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
import { importPath } from '../ingest/import-path.js';
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


/** Writes the workspace as rapport JSONL; returns how many interactions and distinct texts it has. */
export async function writeBenchJsonl(file: string, size: BenchWorkspaceSize, seed = 5): Promise<{ interactions: number; distinctTexts: number }> {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const end = Date.parse(BENCH_AT);
  const start = end - SPAN_DAYS * DAY_MS;
  const timeIn = (from: number, to: number) => new Date(Math.floor(from + rand() * (to - from))).toISOString();
  const out = createWriteStream(file);
  const write = async (line: object) => {
    if (!out.write(`${JSON.stringify(line)}\n`)) await once(out, 'drain');
  };
  const texts = new Set<string>();
  // Two fragments and a name: roughly half the texts of a run are distinct (reported as a figure).
  const say = (bodies: readonly string[], name: string) => {
    const text = `${pick(OPENERS)} ${name}, ${pick(bodies)}. Also, ${pick(bodies)}${pick(CLOSERS)}`.trim();
    texts.add(text);
    return text;
  };
  const handle = (p: number) => `@p${p}@example.social`;
  const nameOf = (p: number) => `${FIRST[p % FIRST.length]} ${LAST[Math.floor(p / FIRST.length) % LAST.length]}`;

  await write({ type: 'account', platform: 'mastodon', handle: SHOP, name: 'Crumb & Co' });
  for (let p = 0; p < size.people; p++) {
    await write({
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
    await write({ type: 'interaction', platform: 'mastodon', id: `post-${k}`, at: new Date(t).toISOString(), actor: SHOP, kind: 'post', text: `Fresh from the oven, batch ${k}: ${pick(IN_BODIES)}` });
    n++;
  }
  // Everyone followed once; the newest few hundred followed in the last week.
  const followed: number[] = [];
  for (let p = 0; p < size.people; p++) {
    const t = p >= size.people - 300 ? end - Math.floor(rand() * 7 * DAY_MS) : start + Math.floor(rand() * (SPAN_DAYS - 7) * DAY_MS);
    followed.push(t);
    await write({ type: 'interaction', platform: 'mastodon', id: `f-${p}`, at: new Date(t).toISOString(), actor: handle(p), target: SHOP, kind: 'follow' });
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
    if (r < 0.30) await write({ ...inbound, kind: 'like', about: postBefore(t) });
    else if (r < 0.44) await write({ ...inbound, kind: 'reply', inReplyTo: postBefore(t), text: say(IN_BODIES, pick(FIRST)) });
    else if (r < 0.50) await write({ ...inbound, kind: 'share', about: postBefore(t) });
    else if (r < 0.52) await write({ ...inbound, kind: 'quote', about: postBefore(t), text: say(IN_BODIES, pick(FIRST)) });
    else if (r < 0.56) await write({ ...inbound, kind: 'mention', text: say(IN_BODIES, pick(FIRST)) });
    else if (r < 0.61) await write({ ...inbound, kind: 'dm', text: say(IN_BODIES, pick(FIRST)) });
    else if (r < 0.76) await write({ ...outbound, kind: 'reply', text: say(OUT_BODIES, name) });
    else if (r < 0.82) await write({ ...outbound, kind: 'dm', text: say(OUT_BODIES, name) });
    else if (r < 0.94) await write({ ...outbound, kind: 'like' });
    else if (r < 0.97) await write({ ...outbound, kind: 'share' });
    else await write({ ...outbound, kind: 'mention', text: say(OUT_BODIES, name) });
    n++;
  }
  // Notes with reminders due over the last two months, on the people you talk with most.
  for (let k = 0; k < Math.min(2_000, size.people); k++) {
    const p = Math.floor(size.people * rand() ** 2);
    const remind = new Date(end - Math.floor(rand() * 60) * DAY_MS).toISOString().slice(0, 10);
    await write({ type: 'note', platform: 'mastodon', handle: handle(p), at: new Date(Date.parse(remind) - 10 * DAY_MS).toISOString(), text: pick(NOTES), remind });
  }
  out.end();
  await once(out, 'finish');
  return { interactions: n, distinctTexts: texts.size };
}

/** The cached workspace for this size, built (JSONL → `importPath`) when missing or stale. */
export async function benchWorkspace(root: string, size: BenchWorkspaceSize, log: (line: string) => void = () => {}): Promise<BuiltWorkspace> {
  const dir = join(root, `${BENCH_WORKSPACE_VERSION}-${size.people}-${size.interactions}`);
  const dataDir = join(dir, 'workspace');
  const marker = join(dir, 'built.json');
  if (existsSync(marker)) {
    const built = JSON.parse(readFileSync(marker, 'utf8')) as BuiltWorkspace;
    return { ...built, dataDir, buildSeconds: 0, reused: true };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const file = join(dir, 'workspace.jsonl');
  log(`writing ${size.interactions.toLocaleString('en-US')} interactions as JSONL …`);
  const { interactions, distinctTexts } = await writeBenchJsonl(file, size);
  log('importing through importPath …');
  const store = await Store.open({ dataDir });
  try {
    const summary = await importPath(store, file);
    if (summary.skippedCount > 0) throw new Error(`the bench workspace skipped ${summary.skippedCount} lines: ${JSON.stringify(summary.skipped.slice(0, 3))}`);
  } finally {
    await store.close();
  }
  rmSync(file, { force: true });
  const built: BuiltWorkspace = { dataDir, buildSeconds: (performance.now() - started) / 1000, reused: false, interactions, distinctTexts };
  writeFileSync(marker, JSON.stringify(built));
  return built;
}
