/**
 * `no-cold-blast`, `be-personal`: a new follower gets a hello and a question about them — never
 * a pitch, a link or an offer. Own accounts and likely bots are left out.
 */
import type { Identity } from '../../domain/views.js';
import type { Playbook } from '../../playbook/playbook.js';
import type { Candidate, PersonContext } from '../types.js';
import { ago, day, DAY_MS, TALK, theirTopic } from '../words.js';

/** A simple profile check: no face and nothing said about themselves, or following far more than followed with nothing posted. */
export function looksLikeBot(identity: Identity, playbook: Playbook): boolean {
  const noBio = !identity.bio || identity.bio.trim() === '';
  const following = identity.following ?? 0;
  const followers = identity.followers ?? 0;
  const farMore = following >= playbook.agenda.botFollowingRatio * Math.max(1, followers);
  return (identity.avatar === false && noBio) || (farMore && (noBio || identity.posts === 0)) || (identity.posts === 0 && noBio);
}

export function welcomeRule(ctx: PersonContext): Candidate | undefined {
  const from = new Date(ctx.now - ctx.playbook.agenda.welcomeWindowDays * DAY_MS).toISOString();
  const follow = ctx.interactions.filter((i) => i.direction === 'in' && i.kind === 'follow' && i.at > from).at(-1);
  if (!follow) return undefined;
  if (ctx.person.identities.some((i) => i.isOwn)) return undefined;
  if (ctx.interactions.some((i) => TALK.has(i.kind))) return undefined;
  const identity = ctx.person.identities.find((i) => i.id === follow.actorId) ?? ctx.identity;
  if (looksLikeBot(identity, ctx.playbook)) return undefined;
  const topic = theirTopic(ctx);
  const ask = topic ? `We see you are into ${topic}: what got you started?` : identity.location ? `How are things in ${identity.location}?` : 'What brought you here?';
  return {
    kind: 'welcome',
    principles: ['no-cold-blast', 'be-personal', 'ask-and-listen'],
    since: follow.at,
    why: `${ctx.name} followed you ${ago(follow.at, ctx.now)} (${day(follow.at)}) and you have not exchanged a word yet.${identity.bio ? ` Their bio: “${identity.bio.slice(0, 80)}”.` : ''} Say hello and ask about them; no links, no offers.`,
    evidence: [{ interactionId: follow.id, at: follow.at }],
    // In public, not a DM: a DM right after a follow is exactly what a cold blast looks like.
    suggestion: `Say hello in a reply or a mention: “Hi ${ctx.firstName}, thanks for the follow and welcome! ${ask}”`,
  };
}
