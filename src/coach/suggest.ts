/**
 * Personal next steps: what would earn the ask, drawn from this person's own history — shares
 * to thank, questions to answer, notes to follow up, their recent posts and topics. Never a
 * pitch and never a link of yours: these are what to do *instead* of selling.
 */
import type { CoachContext } from './rules/rule.js';
import { firstSafe } from './safe-suggestion.js';
import { count, day, daysBetween, quote } from './words.js';

/** Shares of your work from the thank window that you have not thanked yet, newest last. */
export function unthankedShares(ctx: CoachContext) {
  const { at, playbook } = ctx.input;
  return ctx.g.shares.filter((s) => !s.thanked && daysBetween(s.share.at, at) <= playbook.coach.thankWindowDays);
}

export function thankStep(ctx: CoachContext): string | undefined {
  const shares = unthankedShares(ctx);
  const last = shares.at(-1);
  if (!last) return undefined;
  const { first } = ctx.g;
  const praise = last.praise.length > 0 ? ` (“${last.praise[0]}”)` : '';
  const how = last.praise.length > 0 ? 'publicly, in reply to their share, and ask what they liked about it' : 'with a short note';
  const when = day(last.share.at);
  const variants = shares.length === 1
    ? [`${first} shared your post on ${when}${praise}; thank them ${how} first.`, `${first} shared your post${praise}; thank them ${how} first.`]
    : [
      `${first} shared ${count(shares.length, 'of your posts', 'of your posts')}; thank them for the last one (${when}${praise}) ${how} first.`,
      `${first} shared ${count(shares.length, 'of your posts', 'of your posts')}; thank them for the last one${praise} ${how} first.`,
    ];
  return safe(ctx, variants);
}

export function answerStep(ctx: CoachContext): string | undefined {
  const loop = ctx.g.openLoops.at(-1);
  if (!loop) return undefined;
  return safe(ctx, [
    `Answer ${ctx.g.first}'s question of ${day(loop.at)} first: ${quote(loop.text, 14)}`,
    `Answer ${ctx.g.first}'s question first: ${quote(loop.text, 8)}`,
    `Answer ${ctx.g.first}'s question of ${day(loop.at)} first.`,
  ]);
}

export function noteStep(ctx: CoachContext): string | undefined {
  const { notes, first } = ctx.g;
  const due = [...notes].reverse().find((n) => n.remind && n.remind <= ctx.input.at.slice(0, 10)) ?? notes.at(-1);
  if (!due) return undefined;
  return safe(ctx, [
    `Follow up on what you noted on ${day(due.at)}: ${quote(due.text, 12)} — ask ${first} how it went.`,
    `Follow up on what you noted: ${quote(due.text, 8)}, and ask ${first} how it went.`,
    `Follow up on your note of ${day(due.at)}: ask ${first} how it went.`,
  ]);
}

/** An opener from their own recent words: a post of theirs to reply to, with a few of their words. */
export function openerStep(ctx: CoachContext): string | undefined {
  const { theirRecent, first } = ctx.g;
  const post = theirRecent.find((i) => i.kind === 'post' && i.text) ?? theirRecent.find((i) => i.text);
  if (post?.text) {
    const where = post.kind === 'post' ? `their post of ${day(post.at)}` : `what they wrote on ${day(post.at)}`;
    return safe(ctx, [
      `Reply to ${where}, ${quote(post.text)}, with a question about it — nothing about you.`,
      `Reply to ${where}, ${quote(post.text)}, and ask them about it, nothing about you.`,
      `Reply to ${where}, ${quote(post.text, 6)}, and ask them about it.`,
      `Reply to ${where} and ask them about it, nothing about you.`,
    ]);
  }
  return undefined;
}

/** Something to give before asking: share one of their own posts, saying what you liked. */
export function giveStep(ctx: CoachContext): string | undefined {
  const { theirRecent, first } = ctx.g;
  const post = theirRecent.find((i) => i.kind === 'post' && i.text);
  if (!post?.text) return undefined;
  return safe(ctx, [
    `Give first: boost ${first}'s post of ${day(post.at)}, ${quote(post.text, 8)}, and say what you liked about it.`,
    `Give first: boost ${first}'s recent post, ${quote(post.text, 8)}, and say what you liked about it.`,
    `Give first: quote ${first}'s recent post and say what you liked about it.`,
  ]);
}

export function topicStep(ctx: CoachContext): string | undefined {
  const { relationship, first, bio } = ctx.g;
  return safe(ctx, [
    relationship.topics.length > 0 ? `Ask ${first} about ${relationship.topics.slice(0, 2).join(' or ')}: it is what they talk about.` : undefined,
    bio ? `${first}'s profile says ${quote(bio, 12)}: ask them about that.` : undefined,
    bio ? `Ask ${first} about what their profile says they do.` : undefined,
  ]);
}

function fallbackStep(ctx: CoachContext): string {
  const { first, known } = ctx.g;
  return known
    ? `Get to know ${first} first: read their recent posts and reply to one with a real question, no link.`
    : `rapport has no history with ${ctx.g.handle} yet: start by reading their posts and replying to one with a real question, no link.`;
}

/** The steps that would earn an ask or an offer, most useful first (always at least one). */
export function earnSteps(ctx: CoachContext): string[] {
  const steps = [thankStep(ctx), answerStep(ctx), noteStep(ctx), openerStep(ctx), topicStep(ctx)].filter((s): s is string => s !== undefined);
  return steps.length > 0 ? steps : [fallbackStep(ctx)];
}

/** Something to say about *them*: their post, their topics, their profile. */
export function personalSteps(ctx: CoachContext): string[] {
  const steps = [openerStep(ctx), topicStep(ctx), noteStep(ctx)].filter((s): s is string => s !== undefined);
  return steps.length > 0 ? steps : [fallbackStep(ctx)];
}

function safe(ctx: CoachContext, variants: readonly (string | undefined)[]): string | undefined {
  return firstSafe(ctx.input.read, ctx.input.playbook, variants);
}
