/**
 * Who follows whom: ordinary follows and follow-backs, accounts that follow back anyone
 * (`follows-everyone`), bursts of likely-bot followers and a few unfollows
 * (`quality-over-quantity`).
 */
import { DAY, Timeline } from '../timeline.js';
import type { DemoWorkspace, Person, Role } from '../workspace.js';

const FOLLOW_BACK_CHANCE: Record<Role, number> = {
  advocate: 1, regular: 0.9, 'gone-quiet': 0.9, 'neighbour-business': 1, acquaintance: 0.4,
  lurker: 0.08, 'follows-everyone': 0, bot: 0,
};

/** Follows the bakery received, and the bakery's follow-backs a few days later. */
export function followsAndFollowBacks(ws: DemoWorkspace): void {
  const rng = ws.rng.fork('follows');
  for (const person of ws.people) {
    if (person.role === 'bot' || person.role === 'follows-everyone' || person.followedAt === undefined) continue;
    ws.in(person, { at: person.followedAt, kind: 'follow' });
    if (rng.chance(FOLLOW_BACK_CHANCE[person.role])) {
      person.followedBackAt = ws.timeline.later(rng, person.followedAt, 30, 5 * 24 * 60);
      ws.out(person, { at: person.followedBackAt, kind: 'follow' });
    }
  }
}

/** People who follow back almost everyone: the bakery follows them, they follow back in minutes. */
export function followsEveryoneBack(ws: DemoWorkspace): void {
  const rng = ws.rng.fork('follows-everyone');
  for (const person of ws.peopleWithRole('follows-everyone')) {
    const bakeryFollow = person.followedAt ?? ws.timeline.daytime(rng, rng.int(20, ws.timeline.days - 10));
    person.followedBackAt = bakeryFollow;
    person.followedAt = ws.timeline.later(rng, bakeryFollow, 2, 45);
    person.uses.add('follows-everyone');
    ws.out(person, { at: bakeryFollow, kind: 'follow' });
    ws.in(person, { at: person.followedAt, kind: 'follow', label: 'follows-everyone' });
    // The follow was reciprocity, not interest: at most one stray like afterwards.
    const post = ws.latestPostBefore(ws.bakery(person.platform), person.followedAt + rng.int(1, 20) * DAY);
    if (post && post.at > person.followedAt && rng.chance(0.4)) {
      ws.in(person, { at: ws.timeline.later(rng, post.at, 5, 600), kind: 'like', about: post });
    }
  }
}

/**
 * Likely bots: no avatar, no bio, no posts, following thousands, created a few weeks before
 * they all follow within the same half hour of one night.
 */
export function botFollowerBurst(ws: DemoWorkspace): void {
  const rng = ws.rng.fork('bots');
  const { timeline } = ws;
  const burstDay = { bluesky: timeline.days - 66, mastodon: timeline.days - 23 };
  for (const person of ws.peopleWithRole('bot')) {
    const d = burstDay[person.platform];
    const at = timeline.at(d, 3, 10) + rng.int(0, 35 * 60) * 1000;
    person.followedAt = at;
    person.created = timeline.day(d) - rng.int(14, 56) * DAY - rng.int(0, 86_399) * 1000;
    person.uses.add('bot');
    ws.in(person, { at, kind: 'follow', label: 'bot-follow' });
  }
}

/** A few people leave: some after being pitched (see outreach), some for no visible reason. */
export function quietUnfollows(ws: DemoWorkspace): void {
  const rng = ws.rng.fork('unfollows');
  const candidates = ws.unused(ws.peopleWithRole('lurker'));
  for (const person of rng.sample(candidates, Math.max(2, Math.round(ws.people.length / 60)))) {
    if (person.followedAt === undefined) continue;
    const at = person.followedAt + rng.int(10, 120) * DAY;
    if (at > ws.timeline.end - 2 * Timeline.HOUR) continue;
    unfollow(ws, person, at);
    person.uses.add('unfollow');
  }
}

export function unfollow(ws: DemoWorkspace, person: Person, at: number): void {
  person.unfollowedAt = at;
  ws.in(person, { at, kind: 'unfollow', label: 'unfollow' });
}
