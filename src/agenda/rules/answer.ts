/**
 * `ask-and-listen`: their question is an open loop until you write back (a reply, DM or mention
 * after it closes it, as the relationship fold records).
 */
import type { Candidate, PersonContext } from '../types.js';
import { ago, day, DAY_MS, plural, snippet } from '../words.js';

export function answerRule(ctx: PersonContext): Candidate | undefined {
  const from = new Date(ctx.now - ctx.playbook.agenda.answerWindowDays * DAY_MS).toISOString();
  const loops = ctx.relationship.openLoops.filter((l) => l.at > from);
  const last = loops.at(-1);
  if (!last) return undefined;
  const first = loops[0]!;
  const earlier = loops.length > 1 ? ` They asked ${plural(loops.length, 'question')} since ${day(first.at)}.` : '';
  const where = last.kind === 'dm' ? 'in the DM' : last.kind === 'reply' ? 'in the same thread' : `under their ${last.kind}`;
  return {
    kind: 'answer',
    principles: ['ask-and-listen'],
    since: first.at,
    why: `${ctx.name} asked you ${ago(last.at, ctx.now)} (${day(last.at)}, by ${last.kind}): “${snippet(last.text, 90)}” and is still waiting for your answer.${earlier}`,
    evidence: loops.map((l) => ({ interactionId: l.interactionId, at: l.at, text: l.text })),
    suggestion: `Answer ${where}: “Hi ${ctx.firstName}, thanks for asking! About ‘${snippet(last.text, 50)}’: …” — give the full answer first, nothing else.`,
  };
}
