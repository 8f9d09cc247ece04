/**
 * The everyday background: followers liking, sharing and answering the bakery's posts, the
 * bakery answering them back, and the bakery giving first on their own posts.
 */
import { BAKERY_ON_THEIR_POST, BAKERY_REPLY_TO_REACTION, REACTIONS, THEIR_REPLY_BACK } from '../text-bank.js';
import type { DemoWorkspace, Person, Role } from '../workspace.js';

interface Appetite {
  like: number;
  share: number;
  reply: number;
}

const APPETITE: Record<Role, Appetite> = {
  advocate: { like: 0.62, share: 0.06, reply: 0.07 },
  regular: { like: 0.48, share: 0.025, reply: 0.04 },
  'gone-quiet': { like: 0.5, share: 0.02, reply: 0.05 },
  'neighbour-business': { like: 0.3, share: 0.04, reply: 0.02 },
  acquaintance: { like: 0.15, share: 0.008, reply: 0.012 },
  lurker: { like: 0.055, share: 0.003, reply: 0.002 },
  'follows-everyone': { like: 0, share: 0, reply: 0 },
  bot: { like: 0, share: 0, reply: 0 },
};
const TWIN_APPETITE: Appetite = { like: 0.1, share: 0.005, reply: 0.004 };

/** How keen the bakery is to answer this person's reply under its post. */
const ANSWER_CHANCE: Record<Role, number> = {
  advocate: 0.85, regular: 0.75, 'gone-quiet': 0.75, 'neighbour-business': 0.7, acquaintance: 0.5,
  lurker: 0.45, 'follows-everyone': 0.2, bot: 0,
};

/** Likes, plain shares and replies on the bakery's posts, and the bakery's answers. */
export function everydayEngagement(ws: DemoWorkspace): void {
  const rng = ws.rng.fork('engagement');
  const { timeline } = ws;
  for (const person of ws.people) {
    const appetite = person.uses.has('twin') ? TWIN_APPETITE : APPETITE[person.role];
    if (appetite.like === 0) continue;
    // Interest fades a little over the months for casual followers.
    for (const post of ws.bakeryPosts(person.platform)) {
      if (!ws.isActive(person, post.at)) continue;
      const monthsIn = (post.at - (person.followedAt ?? post.at)) / (30 * 86_400_000);
      const fade = person.role === 'lurker' || person.role === 'acquaintance' ? Math.max(0.3, 1 - monthsIn / 10) : 1;
      if (rng.chance(appetite.like * fade)) {
        ws.in(person, { at: timeline.later(rng, post.at, 2, 600), kind: 'like', about: post });
      }
      if (rng.chance(appetite.share * fade)) {
        ws.in(person, { at: timeline.later(rng, post.at, 5, 900), kind: 'share', about: post, label: 'plain-share' });
      }
      if (rng.chance(appetite.reply * fade)) {
        const answers = ws.answers.get(post);
        const picked = answers ? rng.pick(answers) : rng.pick(REACTIONS);
        // Questions keep their final "?" so they read (and count) as questions.
        const text = picked.endsWith('?') ? picked : ws.casual(picked);
        const reply = ws.in(person, { at: timeline.later(rng, post.at, 3, 400), kind: 'reply', text, inReplyTo: post });
        // A question under a post almost always gets an answer; small talk often does.
        const chance = text.endsWith('?') ? 0.95 : ANSWER_CHANCE[person.role];
        if (rng.chance(chance)) {
          ws.out(person, {
            at: timeline.later(rng, reply.at, 4, 300),
            kind: 'reply',
            text: ws.personal(rng.pick(BAKERY_REPLY_TO_REACTION), person),
            inReplyTo: post,
          });
        }
      }
    }
  }
}

interface Generosity {
  like: number;
  share: number;
  reply: number;
}
const GENEROSITY: Partial<Record<Role, Generosity>> = {
  advocate: { like: 0.45, share: 0.1, reply: 0.14 },
  regular: { like: 0.3, share: 0.03, reply: 0.08 },
  'gone-quiet': { like: 0.3, share: 0.03, reply: 0.1 },
  'neighbour-business': { like: 0.35, share: 0.12, reply: 0.08 },
  acquaintance: { like: 0.1, share: 0.005, reply: 0.02 },
};

/** `give-before-ask`: the bakery likes, shares and answers its people's own posts. */
export function bakeryGivesFirst(ws: DemoWorkspace): void {
  const rng = ws.rng.fork('gives');
  const { timeline } = ws;
  for (const person of ws.people) {
    const generosity = person.uses.has('twin') ? undefined : GENEROSITY[person.role];
    if (!generosity) continue;
    for (const post of ws.postsOf(person.handle)) {
      if (post.labels.includes('thread-start')) continue;
      const known = (person.followedBackAt ?? person.followedAt ?? Infinity) < post.at;
      if (!known || !ws.isActive(person, post.at)) continue;
      if (rng.chance(generosity.like)) ws.out(person, { at: timeline.later(rng, post.at, 5, 900), kind: 'like', about: post });
      if (rng.chance(generosity.share)) {
        ws.out(person, { at: timeline.later(rng, post.at, 10, 1200), kind: 'share', about: post, label: 'shared-their-work' });
      }
      if (rng.chance(generosity.reply)) {
        const bank = BAKERY_ON_THEIR_POST[person.interest] ?? BAKERY_ON_THEIR_POST.local!;
        const reply = ws.out(person, {
          at: timeline.later(rng, post.at, 10, 600),
          kind: 'reply',
          text: ws.personal(rng.pick(bank), person),
          inReplyTo: post,
          label: 'answered-their-post',
        });
        if (rng.chance(0.7)) {
          ws.in(person, { at: timeline.later(rng, reply.at, 5, 500), kind: 'reply', text: ws.casual(rng.pick(THEIR_REPLY_BACK)), inReplyTo: post });
        }
      }
    }
  }
}

export function isTwin(person: Person): boolean {
  return person.uses.has('twin');
}
