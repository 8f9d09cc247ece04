/**
 * `thank-proportionately`: a share with praise (a quote or mention that compliments you) earns a
 * public thank-you and a question about their view; a plain share earns a thank-you (never a
 * re-share of your own post). Done once you reply after it, or write them a thank-you.
 */
import type { Interaction } from '../../domain/views.js';
import type { Candidate, PersonContext } from '../types.js';
import { ago, day, DAY_MS, has, outboundAfter, snippet, TALK, times, yourPost } from '../words.js';

export function thankRule(ctx: PersonContext): Candidate | undefined {
  const from = new Date(ctx.now - ctx.playbook.agenda.thankWindowDays * DAY_MS).toISOString();
  const praised = (i: Interaction) => (i.kind === 'quote' || i.kind === 'mention') && has(ctx, i.text, 'compliment');
  const shares = ctx.interactions.filter((i) => i.direction === 'in' && i.at > from && (i.kind === 'share' || i.kind === 'quote' || praised(i)));
  const open = shares.filter((s) => outboundAfter(ctx, s.at, (o) => o.kind === 'reply' || (TALK.has(o.kind) && has(ctx, o.text, 'gratitude'))).length === 0);
  if (open.length === 0) return undefined;
  const withPraise = open.filter(praised);
  const main = (withPraise.at(-1) ?? open.at(-1)) as Interaction;
  const others = open.length - 1;
  const more = others > 0 ? ` They shared your work ${times(others)} more since ${day(open[0]!.at)}, also unthanked.` : '';
  const evidence = open.map((i) => ({ interactionId: i.id, at: i.at, ...(i.text ? { text: i.text } : {}) }));
  if (withPraise.length > 0) {
    const words = snippet(main.text, 70);
    return {
      kind: 'thank-public',
      principles: ['thank-proportionately', 'ask-and-listen'],
      since: main.at,
      why: `${ctx.name} ${main.kind === 'quote' ? `quoted ${yourPost(ctx, main)}` : 'mentioned you'} ${ago(main.at, ctx.now)} (${day(main.at)}) with praise: “${words}”, and you have not thanked them yet. Praise in public deserves a thank-you in public and a question about their view.${more}`,
      evidence,
      suggestion: `Reply to their ${main.kind} in public: “Thank you so much, ${ctx.firstName}! ‘${snippet(main.text, 50)}’ made our day. What did you like most about it?”`,
    };
  }
  const what = main.kind === 'quote' ? `quoted ${yourPost(ctx, main)}` : `shared ${yourPost(ctx, main)}`;
  return {
    kind: 'thank',
    principles: ['thank-proportionately'],
    since: main.at,
    why: `${ctx.name} ${what} ${ago(main.at, ctx.now)} (${day(main.at)}) and you have not thanked them. A short thank-you is enough; no need to re-share your own post.${more}`,
    evidence,
    // The post stays in the "why": quoting your own post back would make the thank-you about you.
    suggestion: `Reply or DM: “Thank you for sharing ${main.kind === 'quote' ? 'and quoting ' : ''}our post, ${ctx.firstName}! It means a lot.”`,
  };
}
