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
        suggestions.push(`Add a question about them, e.g. what they liked about it or what they are baking these days.`);
      }
      if (problems.length > 0) {
        return [{ principle: this.principle, severity: 'revise', evidence: `${what}; ${problems.join(', and ')}`, suggestions }];
      }
      return [{ principle: this.principle, severity: 'ok', evidence: `${what}, and this thanks them in proportion`, suggestions: [] }];
    }
    const step = thankStep(ctx);
    if (step && unthankedShares(ctx).length > 0) {
      return [{ principle: this.principle, severity: 'note', evidence: `${first} shared your work and has not been thanked yet`, suggestions: [step] }];
    }
    return [];
  },
};
