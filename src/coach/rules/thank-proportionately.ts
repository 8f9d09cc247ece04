/** `thank-proportionately`: thank a share; a share with praise deserves a public thank-you and a question. */
import { daysBetween, day, quote } from '../words.js';
import { thankStep, unthankedShares } from '../suggest.js';
import { has, type Rule } from './rule.js';

export const thankProportionately: Rule = {
  principle: 'thank-proportionately',
  check(ctx) {
    const { input, g } = ctx;
    const { first } = g;
    const window = input.playbook.coach.thankWindowDays;
    const gratitude = has(ctx, 'gratitude');
    // An ask or an offer while their share of your work waits for a thank-you takes without giving back.
    const asking = ctx.e.favourAsk !== null || (ctx.e.selling !== null && ctx.e.answers === null);
    const unthanked = unthankedShares(ctx);
    const thank = thankStep(ctx);
    if (asking && thank && unthanked.length > 0) {
      const last = unthanked.at(-1)!;
      return [{
        principle: this.principle,
        severity: 'wait',
        evidence: `${first} shared your work ${unthanked.length === 1 ? `on ${day(last.share.at)}` : `${unthanked.length} times, last on ${day(last.share.at)}`}${last.praise.length > 0 ? ` with praise (“${last.praise[0]}”)` : ''}, and you have not thanked them yet; this draft ${ctx.e.favourAsk ? 'asks for more' : 'sells to them'} first`,
        suggestions: [thank],
      }];
    }
    const recent = g.shares.filter((s) => daysBetween(s.share.at, input.at) <= window && !s.thanked?.publicly);
    const share = recent.at(-1);
    if (gratitude && share) {
      const praised = share.praise.length > 0;
      const what = `${first} shared your post on ${day(share.share.at)}${praised ? ` with praise (“${share.praise[0]}”${share.share.text ? `: ${quote(share.share.text, 10)}` : ''})` : ''}`;
      const problems: string[] = [];
      const suggestions: string[] = [];
      if (praised && input.draft.channel === 'dm') {
        problems.push('a private thank-you undersells a public compliment');
        suggestions.push(`Thank ${first} in public: reply to their share so their followers see it.`);
      }
      if (praised && !has(ctx, 'question')) {
        problems.push('the thank-you asks them nothing');
        const topic = g.relationship.topics[0];
        suggestions.push(`Add a question about them, e.g. what they liked about it${topic ? ` or how ${topic} is going for them` : ''}.`);
      }
      if (problems.length > 0) {
        return [{ principle: this.principle, severity: 'revise', evidence: `${what}; ${problems.join(', and ')}`, suggestions }];
      }
      return [{ principle: this.principle, severity: 'ok', evidence: `${what}, and this thanks them in proportion`, suggestions: [] }];
    }
    if (thank && unthanked.length > 0) {
      return [{ principle: this.principle, severity: 'note', evidence: `${first} shared your work on ${day(unthanked.at(-1)!.share.at)} and has not been thanked yet`, suggestions: [thank] }];
    }
    return [];
  },
};
