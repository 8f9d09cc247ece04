/**
 * The bakery's mistakes the coach exists to stop, each next to a case where the same move is
 * fine: cold DMs right after a follow (`no-cold-blast`), one greeting pasted to many
 * (`be-personal`), favour-asks of strangers (`give-before-ask`), early pitches
 * (`no-first-date-proposal`), messages all about itself (`ego-in-check`) and promotion inside
 * someone else's thread (`no-thread-jacking`).
 */
import {
  COLD_BLAST_DMS, COLD_DM_RESPONSES, EARLY_PITCHES, EGO_MESSAGES, FAVOUR_ASKS, INVITED_ANSWERS,
  PASTED_GREETING_PLAIN, PASTED_GREETING_WITH_LINK, RECOMMENDATION_REQUESTS, THREAD_JACKS, THREAD_JACK_RESPONSES,
  BUSINESS_POSTS,
} from '../text-bank.js';
import { DAY } from '../timeline.js';
import type { DemoWorkspace, Person } from '../workspace.js';
import { unfollow } from './follows.js';
import { productAt } from './posting.js';

function scaled(ws: DemoWorkspace, per300: number): number {
  return Math.max(2, Math.round((per300 * ws.people.length) / 300));
}

/** New followers (lurkers, acquaintances) not yet claimed, whose follow leaves room after it. */
function newFollowers(ws: DemoWorkspace, marginDays: number): Person[] {
  return ws
    .unused(ws.peopleWithRole('lurker', 'acquaintance'))
    .filter((p) => p.followedAt !== undefined && p.followedAt < ws.timeline.end - marginDays * DAY);
}

/** `no-cold-blast`: a DM with a link or a pitch minutes after someone follows. */
export function coldBlastAfterFollow(ws: DemoWorkspace): void {
  const rng = ws.rng.fork('cold-blast');
  const pool = newFollowers(ws, 3);
  // The bakery did this most in its first months; the habit thins out later in the year.
  const early = pool.filter((p) => p.followedAt! < ws.timeline.start + 240 * DAY);
  const late = pool.filter((p) => p.followedAt! >= ws.timeline.start + 240 * DAY);
  const targets = [...rng.sample(early, scaled(ws, 28)), ...rng.sample(late, scaled(ws, 8))];
  for (const person of targets) {
    person.uses.add('cold-blast');
    const dm = ws.out(person, {
      at: ws.timeline.later(rng, person.followedAt!, 3, 240),
      kind: 'dm',
      text: ws.text(rng.pick(COLD_BLAST_DMS), person),
      label: 'cold-blast',
    });
    const roll = rng.next();
    if (roll < 0.25) unfollow(ws, person, ws.timeline.later(rng, dm.at, 60, 6 * 24 * 60));
    else if (roll < 0.4) ws.in(person, { at: ws.timeline.later(rng, dm.at, 20, 2000), kind: 'dm', text: rng.pick(COLD_DM_RESPONSES) });
  }
}

/** `be-personal`: the same welcome pasted to many followers with only the name swapped. */
export function pastedGreeting(ws: DemoWorkspace): void {
  const rng = ws.rng.fork('pasted-greeting');
  // With a link, sent by an auto-responder within hours: also a cold blast.
  for (const person of rng.sample(newFollowers(ws, 2), scaled(ws, 16))) {
    person.uses.add('pasted-greeting');
    ws.out(person, {
      at: ws.timeline.later(rng, person.followedAt!, 20, 400),
      kind: 'dm',
      text: ws.text(PASTED_GREETING_WITH_LINK, person),
      label: 'pasted-greeting',
    });
  }
  // Without a link, days later: harmless in itself, impersonal because it is the same for all.
  for (const person of rng.sample(newFollowers(ws, 5), scaled(ws, 12))) {
    person.uses.add('pasted-greeting');
    const dm = ws.out(person, {
      at: ws.timeline.later(rng, person.followedAt!, 24 * 60, 4 * 24 * 60),
      kind: 'dm',
      text: ws.text(PASTED_GREETING_PLAIN, person),
      label: 'pasted-greeting',
    });
    if (rng.chance(0.2)) ws.in(person, { at: ws.timeline.later(rng, dm.at, 30, 3000), kind: 'dm', text: 'Thanks! 👋' });
  }
}

/** `give-before-ask`: asking a share, a review or a vote of people who barely know the bakery. */
export function favourAskOfStranger(ws: DemoWorkspace): void {
  const rng = ws.rng.fork('favour-ask');
  for (const person of rng.sample(newFollowers(ws, 45), scaled(ws, 22))) {
    person.uses.add('favour-ask');
    const at = ws.timeline.daytime(rng, ws.timeline.dayOf(person.followedAt!) + rng.int(1, 40), 9, 20);
    ws.out(person, { at, kind: rng.chance(0.8) ? 'dm' : 'mention', text: ws.text(rng.pick(FAVOUR_ASKS), person), label: 'favour-ask-stranger' });
    if (rng.chance(0.15)) unfollow(ws, person, ws.timeline.later(rng, at, 120, 5 * 24 * 60));
  }
}

/** `no-first-date-proposal`: selling to people who have not even had a conversation yet. */
export function earlyPitch(ws: DemoWorkspace): void {
  const rng = ws.rng.fork('early-pitch');
  for (const person of rng.sample(newFollowers(ws, 30), scaled(ws, 20))) {
    person.uses.add('early-pitch');
    const at = ws.timeline.daytime(rng, ws.timeline.dayOf(person.followedAt!) + rng.int(1, 25), 9, 20);
    ws.out(person, { at, kind: rng.chance(0.75) ? 'dm' : 'mention', text: ws.text(rng.pick(EARLY_PITCHES), person), label: 'early-pitch' });
    if (rng.chance(0.15)) unfollow(ws, person, ws.timeline.later(rng, at, 60, 3 * 24 * 60));
  }
}

/** `ego-in-check`: DMs and replies that are all I/we/our. */
export function egoMessages(ws: DemoWorkspace): void {
  const rng = ws.rng.fork('ego');
  const pool = ws.peopleWithRole('acquaintance', 'regular', 'lurker').filter((p) => !p.uses.has('twin') && p.followedAt !== undefined);
  for (const person of rng.sample(pool, scaled(ws, 16))) {
    person.uses.add('ego');
    const from = ws.timeline.dayOf(person.followedAt!) + 2;
    if (from >= ws.timeline.days - 1) continue;
    const at = ws.timeline.daytime(rng, rng.int(from, ws.timeline.days - 2), 9, 20);
    const post = ws.latestPostBefore(ws.bakery(person.platform), at);
    const asReply = post !== undefined && rng.chance(0.3);
    ws.out(person, {
      at,
      kind: asReply ? 'reply' : 'dm',
      text: rng.pick(EGO_MESSAGES),
      ...(asReply ? { inReplyTo: post } : {}),
      label: 'ego',
    });
  }
}

/** `no-thread-jacking`: a promotion dropped under a neighbour's own news. */
export function threadJack(ws: DemoWorkspace): void {
  const rng = ws.rng.fork('thread-jack');
  const pool = ws.peopleWithRole('neighbour-business', 'regular').filter((p) => !p.uses.has('thread-jack') && p.followedAt !== undefined);
  for (const person of rng.sample(pool, scaled(ws, 10))) {
    person.uses.add('thread-jack');
    const from = ws.timeline.dayOf(person.followedAt!) + 10;
    const until = Math.min(ws.timeline.days - 2, ws.timeline.dayOf(person.quietFrom ?? ws.timeline.end) - 3);
    if (from >= until) continue;
    const at = ws.timeline.daytime(rng, rng.int(from, until), 8, 18);
    const text = person.role === 'neighbour-business'
      ? ws.text(rng.pick(BUSINESS_POSTS), person)
      : ws.text(rng.pick(['Passed my driving test today, fourth time lucky!', 'We got engaged last night!! Still shaking.', 'Ten years at the hospital today. Proud of this team.']), person);
    const theirs = ws.post(person.platform, person.handle, at, text, 'thread-start');
    ws.out(person, {
      at: ws.timeline.later(rng, at, 8, 180),
      kind: 'reply',
      text: ws.text(rng.pick(THREAD_JACKS), person, productAt(ws, at)),
      inReplyTo: theirs,
      label: 'thread-jack',
    });
    if (rng.chance(0.3)) ws.in(person, { at: ws.timeline.later(rng, at, 200, 600), kind: 'reply', text: rng.pick(THREAD_JACK_RESPONSES), inReplyTo: theirs });
  }
}

/** The fine counterpart of a thread-jack: they asked for a recommendation, the bakery answers. */
export function invitedRecommendation(ws: DemoWorkspace): void {
  const rng = ws.rng.fork('invited');
  const pool = ws.unused(ws.peopleWithRole('acquaintance', 'lurker')).filter((p) => p.followedAt !== undefined);
  for (const person of rng.sample(pool, scaled(ws, 5))) {
    person.uses.add('invited');
    const from = ws.timeline.dayOf(person.followedAt!) + 1;
    if (from >= ws.timeline.days - 1) continue;
    const i = rng.int(0, RECOMMENDATION_REQUESTS.length - 1);
    const at = ws.timeline.daytime(rng, rng.int(from, ws.timeline.days - 2), 8, 18);
    const theirs = ws.post(person.platform, person.handle, at, ws.text(RECOMMENDATION_REQUESTS[i]!, person), 'thread-start');
    const answer = ws.out(person, { at: ws.timeline.later(rng, at, 15, 240), kind: 'reply', text: ws.text(INVITED_ANSWERS[i]!, person), inReplyTo: theirs, label: 'invited-answer' });
    ws.in(person, { at: ws.timeline.later(rng, answer.at, 10, 600), kind: 'reply', text: 'Perfect, thank you! I will pop in this week.', inReplyTo: theirs });
  }
}
