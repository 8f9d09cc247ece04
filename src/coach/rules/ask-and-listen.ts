/** `ask-and-listen`: their question comes first; and a question about them is always welcome. */
import { day, daysBetween, quote, talksAbout } from '../words.js';
import { has, type Rule } from './rule.js';

export const askAndListen: Rule = {
  principle: 'ask-and-listen',
  check(ctx) {
    const { input, g, e } = ctx;
    const { first } = g;
    const threadPids = new Set(g.thread?.chain.map((i) => i.pid) ?? []);
    // Only fresh questions wait for an answer first; a question from last year is not a reason to hold a message.
    const fresh = g.openLoops.filter((l) => daysBetween(l.at, input.at) <= input.playbook.coach.openLoopDays);
    const open = fresh.filter((l) => !(input.draft.inReplyTo === l.pid || threadPids.has(l.pid) || talksAbout(input.draft.text, l.text)));
    if (open.length > 0 && open.length === fresh.length) {
      const loop = open.at(-1)!;
      const more = open.length > 1 ? ` (and ${open.length - 1} earlier question${open.length > 2 ? 's' : ''})` : '';
      return [{
        principle: this.principle,
        severity: 'revise',
        evidence: `${first} asked you on ${day(loop.at)}: ${quote(loop.text, 14)}${more} — still unanswered, and this draft talks about something else`,
        suggestions: [`Answer ${first}'s question first: ${quote(loop.text, 14)} Then say what you wanted to say.`],
      }];
    }
    if (e.answers) {
      return [{ principle: this.principle, severity: 'ok', evidence: `it answers ${first}'s question of ${day(e.answers.at)}: ${quote(e.answers.text, 14)}`, suggestions: [] }];
    }
    const question = has(ctx, 'question');
    if (question && !e.selling && !e.favourAsk) {
      return [{ principle: this.principle, severity: 'ok', evidence: `it asks ${first} a question: “${question.evidence.at(-1) ?? ''}”`, suggestions: [] }];
    }
    return [];
  },
};
