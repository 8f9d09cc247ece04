/**
 * Personal next steps: what would earn the ask, drawn from this person's own history — shares
 * to thank, questions to answer, notes to follow up, their recent posts and topics. Never a
 * pitch and never a link of yours: these are what to do *instead* of selling.
 */
import type { CoachContext } from './rules/rule.js';
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
  const what = shares.length === 1 ? 'shared your post' : `shared ${count(shares.length, 'of your posts', 'of your posts')}`;
  const praise = last.praise.length > 0 ? ` (“${last.praise[0]}”)` : '';
  const how = last.praise.length > 0 ? 'publicly, in reply to their share, and ask what they liked about it' : 'with a short note';
  return shares.length === 1
    ? `${first} ${what} on ${day(last.share.at)}${praise}; thank them ${how} first.`
    : `${first} ${what}; thank them for the last one (${day(last.share.at)}${praise}) ${how} first.`;
}

export function answerStep(ctx: CoachContext): string | undefined {
  const loop = ctx.g.openLoops.at(-1);
  if (!loop) return undefined;
  return `Answer ${ctx.g.first}'s question of ${day(loop.at)} first: ${quote(loop.text, 14)}`;
}

export function noteStep(ctx: CoachContext): string | undefined {
  const { notes, first } = ctx.g;
  const due = [...notes].reverse().find((n) => n.remind && n.remind <= ctx.input.at.slice(0, 10)) ?? notes.at(-1);
  if (!due) return undefined;
  return `Follow up on what you noted on ${day(due.at)}: ${quote(due.text, 12)} — ask ${first} how it went.`;
}

/** An opener from their own recent words: a post of theirs to reply to, with a few of their words. */
export function openerStep(ctx: CoachContext): string | undefined {
  const { theirRecent, first } = ctx.g;
  const post = theirRecent.find((i) => i.kind === 'post' && i.text) ?? theirRecent.find((i) => i.text);
  if (post?.text) {
    const where = post.kind === 'post' ? `their post of ${day(post.at)}` : `what they wrote on ${day(post.at)}`;
    return `Reply to ${where}, ${quote(post.text)}, with a question about it — nothing about you.`;
  }
  return undefined;
}

export function topicStep(ctx: CoachContext): string | undefined {
  const { relationship, first, bio } = ctx.g;
  if (relationship.topics.length > 0) {
    return `Ask ${first} about ${relationship.topics.slice(0, 2).join(' or ')}: it is what they talk about.`;
  }
  if (bio) return `${first}'s profile says ${quote(bio, 12)}: ask them about that.`;
  return undefined;
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
