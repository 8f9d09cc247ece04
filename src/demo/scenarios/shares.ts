/**
 * `thank-proportionately`: shares with praise (quotes) thanked in public with a question,
 * thanked privately, or never thanked; and a few plain shares thanked with a short note.
 */
import { PLAIN_SHARE_THANKS, PRAISED_QUOTES, PRIVATE_THANKS, PUBLIC_THANKS } from '../text-bank.js';
import { DAY } from '../timeline.js';
import type { DemoWorkspace, Person, Role } from '../workspace.js';
import { productAt } from './posting.js';

const QUOTES_PER_PERSON: Partial<Record<Role, [number, number]>> = {
  advocate: [4, 8],
  regular: [0, 2],
  'neighbour-business': [0, 2],
  acquaintance: [0, 1],
};
/** Chance of [public thanks, private thanks]; the rest are never thanked. */
const THANKS: Partial<Record<Role, [number, number]>> = {
  advocate: [0.7, 0.2],
  regular: [0.45, 0.25],
  'neighbour-business': [0.5, 0.2],
  acquaintance: [0.3, 0.25],
};

export function praisedShares(ws: DemoWorkspace): void {
  const rng = ws.rng.fork('praised-shares');
  for (const person of ws.people) {
    const range = person.uses.has('twin') ? undefined : QUOTES_PER_PERSON[person.role];
    if (!range || person.followedAt === undefined) continue;
    const count = person.role === 'acquaintance' ? (rng.chance(0.3) ? 1 : 0) : rng.int(range[0], range[1]);
    for (let i = 0; i < count; i++) praisedShare(ws, person, rng.int(ws.timeline.dayOf(person.followedAt) + 3, ws.timeline.days - 1));
  }
}

/** One quote with praise of a recent bakery post, and how (or whether) the bakery thanked it. */
export function praisedShare(ws: DemoWorkspace, person: Person, day: number, thanks?: 'public' | 'private' | 'none'): void {
  const rng = ws.rng;
  const at = ws.timeline.daytime(rng, day, 8, 21);
  const post = ws.latestPostBefore(ws.bakery(person.platform), at);
  if (!post || at - post.at > 4 * DAY || !ws.isActive(person, at)) return;
  const quote = ws.in(person, { at, kind: 'quote', text: ws.text(rng.pick(PRAISED_QUOTES), person, productAt(ws, at)), about: post, label: 'praised-share' });
  const [publicChance, privateChance] = THANKS[person.role] ?? [0.3, 0.2];
  const roll = rng.next();
  const how = thanks ?? (roll < publicChance ? 'public' : roll < publicChance + privateChance ? 'private' : 'none');
  if (how === 'public') {
    ws.out(person, { at: ws.timeline.later(rng, at, 10, 600), kind: 'reply', text: ws.personal(rng.pick(PUBLIC_THANKS), person), inReplyTo: quote, label: 'thanked-public' });
  } else if (how === 'private') {
    ws.out(person, { at: ws.timeline.later(rng, at, 30, 1400), kind: 'dm', text: ws.personal(rng.pick(PRIVATE_THANKS), person), label: 'thanked-private' });
  } else {
    quote.labels.push('never-thanked');
  }
}

/** Most plain boosts go unremarked, which is fine; a few get a short thank-you. */
export function plainShareThanks(ws: DemoWorkspace): void {
  const rng = ws.rng.fork('plain-thanks');
  const people = new Map(ws.people.map((p) => [`${p.platform}:${p.handle}`, p]));
  for (const share of ws.drafts.filter((d) => d.labels.includes('plain-share'))) {
    if (!rng.chance(0.12)) continue;
    const person = people.get(`${share.platform}:${share.actor}`);
    if (!person) continue;
    ws.out(person, { at: ws.timeline.later(rng, share.at, 20, 900), kind: 'dm', text: ws.personal(rng.pick(PLAIN_SHARE_THANKS), person), label: 'thanked-plain' });
  }
}
