/**
 * What gets posted: the bakery's own cadence (bursts before holidays, gaps when it closes) and
 * the people's own posts that the bakery can like, share and answer.
 */
import type { DemoPlatform } from '../demo-records.js';
import {
  BROADCAST_POSTS, BUSINESS_POSTS, CONVERSATION_POSTS, PERSON_POSTS, PRODUCT_ANSWERS, PRODUCT_QUESTIONS, SEASONAL_PRODUCTS, STAPLES, UPDATE_POSTS,
} from '../text-bank.js';
import { DAY } from '../timeline.js';
import type { DemoWorkspace, Person, Role } from '../workspace.js';

/** Month-day ranges (inclusive) when the shop is closed or too busy to post. */
const GAPS: [string, string][] = [['01-01', '01-10'], ['08-10', '08-28'], ['10-05', '10-15']];
/** Month-day ranges of promotional bursts: Christmas, Easter, the shop's birthday week. */
const BURSTS: [string, string][] = [['12-08', '12-23'], ['03-29', '04-04'], ['05-14', '05-20']];

function inRanges(monthDay: string, ranges: [string, string][]): boolean {
  return ranges.some(([from, to]) => monthDay >= from && monthDay <= to);
}

/** A product on the counter at `time`. */
export function productAt(ws: DemoWorkspace, time: number): string {
  const seasonal = SEASONAL_PRODUCTS[ws.timeline.month(time)] ?? STAPLES;
  return ws.rng.chance(0.6) ? ws.rng.pick(seasonal) : ws.rng.pick(STAPLES);
}

/** `consistency`: mostly conversational posts, with bursts of promotion and weeks of silence. */
export function bakeryPosting(ws: DemoWorkspace): void {
  const rng = ws.rng.fork('bakery-posting');
  const { timeline } = ws;
  const perDay: Record<DemoPlatform, number> = { mastodon: 1.25, bluesky: 0.95 };
  let conversation = rng.shuffle(CONVERSATION_POSTS.map((_, i) => i));
  let cursor = 0;
  for (let d = 0; d < timeline.days; d++) {
    const monthDay = timeline.date(d).slice(5);
    if (inRanges(monthDay, GAPS)) continue;
    const burst = inRanges(monthDay, BURSTS);
    for (const platform of ['mastodon', 'bluesky'] as const) {
      const rate = burst ? perDay[platform] * 3 : perDay[platform];
      const count = Math.floor(rate + rng.next());
      const times = Array.from({ length: count }, () => timeline.daytime(rng, d, 6, 19)).sort((a, b) => a - b);
      for (const at of times) {
        const roll = rng.next();
        const product = productAt(ws, at);
        if (roll < (burst ? 0.5 : 0.18)) {
          ws.post(platform, ws.bakery(platform), at, ws.text(rng.pick(BROADCAST_POSTS), undefined, product), 'broadcast');
        } else if (roll < (burst ? 0.65 : 0.32)) {
          ws.post(platform, ws.bakery(platform), at, ws.text(rng.pick(UPDATE_POSTS), undefined, product), 'update');
        } else if (rng.chance(0.45)) {
          const post = ws.post(platform, ws.bakery(platform), at, ws.text(rng.pick(PRODUCT_QUESTIONS), undefined, product), 'conversational');
          ws.answers.set(post, PRODUCT_ANSWERS);
        } else {
          if (cursor >= conversation.length) {
            conversation = rng.shuffle(conversation);
            cursor = 0;
          }
          const entry = CONVERSATION_POSTS[conversation[cursor++] ?? 0]!;
          const post = ws.post(platform, ws.bakery(platform), at, ws.text(entry.text), 'conversational');
          ws.answers.set(post, entry.answers);
        }
      }
    }
  }
}

const POSTS_PER_MONTH: Record<Role, number> = {
  advocate: 5, regular: 3, 'gone-quiet': 3, 'neighbour-business': 5, acquaintance: 1,
  lurker: 0.3, 'follows-everyone': 0, bot: 0,
};

/** The people's own posts, so the bakery can give first (like, share, answer a question). */
export function peoplePosting(ws: DemoWorkspace): void {
  const rng = ws.rng.fork('people-posting');
  const { timeline } = ws;
  for (const person of ws.people) {
    const perMonth = person.uses.has('twin') ? 0.5 : POSTS_PER_MONTH[person.role];
    const from = Math.max(timeline.start, (person.followedAt ?? timeline.start) - 30 * DAY);
    const until = Math.min(timeline.end, person.quietFrom ?? timeline.end);
    const expected = (perMonth * (until - from)) / (30 * DAY);
    const count = Math.floor(expected + rng.next());
    const bank = person.role === 'neighbour-business' ? BUSINESS_POSTS : PERSON_POSTS[person.interest] ?? PERSON_POSTS.local!;
    for (let i = 0; i < count; i++) {
      const d = timeline.dayOf(from + rng.next() * (until - from));
      ws.post(person.platform, person.handle, timeline.daytime(rng, d), ws.text(rng.pick(bank), person), 'their-post');
    }
  }
}

export function isBakeryQuestion(text: string | undefined): boolean {
  return text !== undefined && text.trim().endsWith('?');
}

/** People whose platform matches and who are active at `time`. */
export function activeOn(ws: DemoWorkspace, people: readonly Person[], time: number): Person[] {
  return people.filter((p) => ws.isActive(p, time));
}
