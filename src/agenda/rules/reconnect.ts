/**
 * `stay-in-touch`: an engaged (or closer) relationship whose conversation stopped weeks ago and
 * whose warmth is cooling. Done as soon as either of you writes again.
 */
import { stageRank } from '../../playbook/playbook.js';
import type { Candidate, PersonContext } from '../types.js';
import { calendarDaysBetween, day, DAY_MS, snippet, TALK, theirTopic } from '../words.js';

export function reconnectRule(ctx: PersonContext): Candidate | undefined {
  const { agenda } = ctx.playbook;
  const rel = ctx.relationship;
  if (stageRank(rel.stage) < stageRank('engaged')) return undefined;
  // Worth reconnecting: enough conversation within the lookback, and none in the quiet period.
  const lookbackFrom = new Date(ctx.now - agenda.quietLookbackDays * DAY_MS).toISOString();
  const quietFrom = new Date(ctx.now - agenda.quietAfterDays * DAY_MS).toISOString();
  const talk = ctx.interactions.filter((i) => TALK.has(i.kind) && i.at > lookbackFrom);
  const last = talk.at(-1);
  if (!last || last.at > quietFrom || talk.length < agenda.quietMinMessages) return undefined;
  if (rel.warmth.trend !== 'cooling' && rel.warmth.value >= rel.warmth.previous) return undefined;
  const lastTheirs = talk.filter((i) => i.direction === 'in' && i.text).at(-1);
  const topic = theirTopic(ctx);
  const ask = topic ? `How are things going with ${topic}?` : 'How have you been?';
  const since = new Date(Date.parse(last.at) + agenda.quietAfterDays * DAY_MS).toISOString();
  return {
    kind: 'reconnect',
    principles: ['stay-in-touch'],
    since,
    why: `You and ${ctx.name} talked on ${rel.exchangeDays} different days (${rel.stage}), but the last conversation was on ${day(last.at)}, ${calendarDaysBetween(last.at, ctx.now)} days ago, and warmth is cooling (${rel.warmth.previous.toFixed(1)} → ${rel.warmth.value.toFixed(1)}).${lastTheirs ? ` Their last words: “${snippet(lastTheirs.text, 70)}”.` : ''}`,
    evidence: [last, ...(lastTheirs && lastTheirs !== last ? [lastTheirs] : [])].map((i) => ({ interactionId: i.id, at: i.at, ...(i.text ? { text: i.text } : {}) })),
    suggestion: `Send ${ctx.firstName} a note with no agenda: “Hi ${ctx.firstName}, it has been a while and we miss hearing from you! ${ask}”`,
  };
}
