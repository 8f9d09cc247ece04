/**
 * Speed of the coach, for `npm run bench` (not run by tests): on the embedded store, a workspace
 * with one person who has 1,000 interactions with you (and a few dozen others, and your
 * messages to them), then the real path `checkDraftInWorkspace` timed over several hundred
 * drafts of every kind (pitches, favour-asks, warm notes, replies in their threads, templates).
 * Target: p99 under 20 ms. Like the composer, the checks follow each other on one open store, so
 * what a check loads (the person's history, the playbook…) is kept between them; the first check
 * after a write, which loads it all again, is measured on its own (afterWrite*), and the CPU time
 * per check beside the wall-clock figures. The texts come from a seeded generator, so every run measures the
 * same work.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importPath } from '../ingest/import-path.js';
import { Store } from '../store/store.js';
import { HistoryBuilder } from '../test-support/history-builder.js';
import { checkDraftInWorkspace, loadCoachInput } from '../workspace/check-draft.js';
import { checkDraft } from './index.js';
import { SETTING } from '../workspace/message-context.js';
import { prng } from '../support/prng.js';

const AT = '2026-11-20T12:00:00.000Z';
const DAY_MS = 86_400_000;
const MAIN = '@pia@bakers.social';

const THEIR_LINES = [
  'That crumb looks amazing! What flour do you use?', 'Loved the cardamom buns this morning', 'Do you ship to York? How much would a box cost?',
  'Happy Friday! Baking anything special this weekend?', 'My starter finally doubled overnight', 'Thanks for the tip about the steam tray',
  'Going to the Harrogate market on Saturday, see you there?', 'The rye was a hit at our dinner party', 'Any advice for a crisper crust?',
];
const YOUR_LINES = [
  'Thank you! We use a stone-ground flour from a local mill.', 'So glad you liked them, Pia!', 'A tray of boiling water does it, try 15 minutes.',
  'Congrats on the starter! What are you baking first?', 'See you at the market, we will save you a loaf.', 'How did the dinner party go?',
];
const DRAFTS = [
  'Our Christmas boxes are out: 20% off this week, order now at https://crumbshop.example/christmas',
  'Could you share our Christmas menu with your followers?',
  'Congratulations on the new kitchen, Pia! How are you finding the oven?',
  'We are so proud of our new oven, our team worked so hard and I think our bread is the best we have ever made.',
  'Thank you so much for sharing our post, Pia! What did you like about it?',
  'Hi Pia, love your work! We just launched our sourdough course and thought you would enjoy it, let us know!',
  'For rye, the guide at https://www.kingarthurbaking.com/learn/guides/rye is excellent.',
  'Would you follow us back?',
];


/** The bench history: one person with `interactions` interactions over two years, and `others` more people. */
export function coachBenchHistory(interactions = 1_000, others = 60): { history: HistoryBuilder; threads: string[] } {
  const rand = prng(11);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const h = new HistoryBuilder({ shop: '@shop@example.social', shopName: 'Crumb Shop' });
  h.profile(MAIN, { name: 'Pia Lund', bio: 'Home baker in Malmö, rye and sourdough', followers: 300, following: 280, posts: 900, avatar: true });
  const start = Date.parse(AT) - 730 * DAY_MS;
  const step = (730 * DAY_MS) / interactions;
  const threads: string[] = [];
  h.inbound(MAIN, 'follow', new Date(start).toISOString());
  for (let n = 1; n < interactions; n++) {
    const at = new Date(start + n * step).toISOString();
    const r = rand();
    // Numbered texts keep most messages distinct, as in a real history (no analysis cache help).
    if (r < 0.1) threads.push(h.inbound(MAIN, 'post', at, { text: `${pick(THEIR_LINES)} (${n})` }));
    else if (r < 0.45) h.inbound(MAIN, pick(['reply', 'dm', 'mention']), at, { text: `${pick(THEIR_LINES)} #${n}` });
    else if (r < 0.75) h.outbound(MAIN, pick(['reply', 'dm']), at, { text: `${pick(YOUR_LINES)} #${n}` });
    else if (r < 0.9) h.inbound(MAIN, 'like', at);
    else h.inbound(MAIN, 'share', at);
  }
  for (let p = 0; p < others; p++) {
    const who = `@person${p}@example.social`;
    h.profile(who, { name: `Person ${p}` });
    h.inbound(who, 'follow', new Date(Date.parse(AT) - (p + 1) * 3 * DAY_MS).toISOString());
    for (let k = 0; k < 8; k++) {
      const at = new Date(Date.parse(AT) - (p * 7 + k) * DAY_MS / 2).toISOString();
      h.outbound(who, 'dm', at, { text: k % 2 === 0 ? `Hi Person ${p}, love your work! We just launched our sourdough course and thought you would enjoy it, let us know!` : `${pick(YOUR_LINES)} (${p}.${k})` });
      h.inbound(who, 'reply', at, { text: `${pick(THEIR_LINES)} (${p}.${k})` });
    }
  }
  return { history: h, threads };
}

export async function benchCoach(options: { interactions?: number; drafts?: number } = {}): Promise<Record<string, number>> {
  const interactions = options.interactions ?? 1_000;
  const drafts = options.drafts ?? 400;
  const dir = mkdtempSync(join(tmpdir(), 'rapport-coach-bench-'));
  try {
    const store = await Store.open({ dataDir: join(dir, 'workspace') });
    try {
      const { history, threads } = coachBenchHistory(interactions);
      await importPath(store, history.writeTo(dir));
      await store.setSetting(SETTING.domains, JSON.stringify(['crumbshop.example']));
      const requestFor = (n: number) => ({
        to: MAIN,
        text: DRAFTS[n % DRAFTS.length]!,
        at: AT,
        ...(n % 5 === 4 ? { inReplyTo: threads[(n * 7) % threads.length]!, channel: 'reply' as const } : {}),
      });

      let t = performance.now();
      const first = await checkDraftInWorkspace(store, requestFor(0));
      const coldMs = performance.now() - t;
      for (let n = 0; n < 20; n++) await checkDraftInWorkspace(store, requestFor(n));

      const times: number[] = [];
      const cpu = process.cpuUsage();
      const verdicts = { go: 0, revise: 0, wait: 0 };
      for (let n = 0; n < drafts; n++) {
        t = performance.now();
        const result = await checkDraftInWorkspace(store, requestFor(n));
        times.push(performance.now() - t);
        verdicts[result.verdict]++;
      }
      const used = process.cpuUsage(cpu);
      const cpuMs = (used.user + used.system) / 1000;
      // What is kept between checks is dropped on any write (a note, an import, a setting): the
      // first check after one loads the person's history again, as the first check of a `rapport
      // check` command does.
      const afterWrite: number[] = [];
      for (let n = 0; n < 40; n++) {
        await store.setSetting('bench.touch', String(n));
        t = performance.now();
        await checkDraftInWorkspace(store, requestFor(n));
        afterWrite.push(performance.now() - t);
      }
      await store.setSetting('bench.touch', undefined);
      afterWrite.sort((a, b) => a - b);
      // The pure engine alone, on input loaded once: what is left is the store's share.
      const engine: number[] = [];
      const inputs = await Promise.all(Array.from({ length: DRAFTS.length * 5 }, (_, n) => loadCoachInput(store, requestFor(n))));
      for (let n = 0; n < drafts; n++) {
        t = performance.now();
        checkDraft(inputs[n % inputs.length]!);
        engine.push(performance.now() - t);
      }
      engine.sort((a, b) => a - b);
      times.sort((a, b) => a - b);
      const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
      return {
        personInteractions: first.relationship.interactions,
        drafts,
        firstCheckMs: round(coldMs),
        p50Ms: round(at(0.5)),
        p99Ms: round(at(0.99)),
        maxMs: round(times.at(-1)!),
        meanMs: round(times.reduce((s, x) => s + x, 0) / times.length),
        // CPU time per check: what the work costs regardless of how busy the machine is.
        cpuMsPerCheck: round(cpuMs / drafts),
        afterWriteP50Ms: round(afterWrite[Math.floor(afterWrite.length / 2)]!),
        afterWriteMaxMs: round(afterWrite.at(-1)!),
        engineP50Ms: round(engine[Math.floor(engine.length / 2)]!),
        engineP99Ms: round(engine[Math.min(engine.length - 1, Math.floor(engine.length * 0.99))]!),
        verdictsWait: verdicts.wait,
        verdictsRevise: verdicts.revise,
        verdictsGo: verdicts.go,
      };
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(`${JSON.stringify(await benchCoach(), null, 2)}\n`);
}
