/**
 * `thank-proportionately`, `stay-in-touch`: an advocate (they recommended you, unprompted, with
 * praise) is appreciated in public now and then — not too often: a share, quote or mention of
 * yours in the last weeks means it was done.
 */
import type { Candidate, PersonContext } from '../types.js';
import { ago, day, DAY_MS, has, plural, snippet, times } from '../words.js';

export function appreciateRule(ctx: PersonContext): Candidate | undefined {
  const { agenda } = ctx.playbook;
  const rel = ctx.relationship;
  if (rel.stage !== 'advocate') return undefined;
  const from = new Date(ctx.now - agenda.appreciateWindowDays * DAY_MS).toISOString();
  const praise = ctx.interactions.filter((i) => i.direction === 'in' && (i.kind === 'quote' || i.kind === 'mention' || i.kind === 'share') && has(ctx, i.text, 'compliment'));
  const last = praise.at(-1);
  if (!last || last.at <= from) return undefined;
  const recently = new Date(ctx.now - agenda.appreciateEveryDays * DAY_MS).toISOString();
  if (ctx.interactions.some((i) => i.direction === 'out' && i.at > recently && (i.kind === 'share' || i.kind === 'quote' || i.kind === 'mention'))) return undefined;
  const theirPost = ctx.interactions.filter((i) => i.direction === 'in' && i.kind === 'post' && i.text).at(-1);
  const suggestion = theirPost
    ? `Share ${ctx.firstName}'s post “${snippet(theirPost.text, 60)}” (${day(theirPost.at)}) with a word of your own about why you like it, e.g. “Love this, ${ctx.firstName}! What inspired it?”`
    : `Mention ${ctx.firstName} in public: “A big thank-you to ${ctx.identity.handle ?? ctx.firstName}, who has been cheering us on. ${ctx.firstName}, what have you been up to lately?”`;
  return {
    kind: 'appreciate',
    principles: ['thank-proportionately', 'stay-in-touch'],
    since: last.at,
    why: `${ctx.name} is an advocate: they praised you ${times(praise.length)} (the last ${ago(last.at, ctx.now)}: “${snippet(last.text, 70)}”) and started ${plural(rel.initiated.they, 'conversation')}. You have not shared or mentioned them in public in the last ${agenda.appreciateEveryDays} days.`,
    evidence: [last, ...(theirPost ? [theirPost] : [])].map((i) => ({ interactionId: i.id, at: i.at, ...(i.text ? { text: i.text } : {}) })),
    suggestion,
  };
}
