/** `be-personal`: each follower is a person — a draft pasted to many with the name swapped is not. */
import { personalSteps } from '../suggest.js';
import { day, quote } from '../words.js';
import { has, type Rule } from './rule.js';

export const bePersonal: Rule = {
  principle: 'be-personal',
  check(ctx) {
    const { input, g, e } = ctx;
    const t = e.template;
    if (!t) {
      const personal = has(ctx, 'personal');
      return personal
        ? [{ principle: this.principle, severity: 'ok', evidence: `written for ${g.first}: “${personal.evidence[0] ?? ''}”`, suggestions: [] }]
        : [];
    }
    const example = t.examples[0]!;
    return [{
      principle: this.principle,
      severity: 'revise',
      evidence: `near-identical to ${t.messages} message${t.messages === 1 ? '' : 's'} you sent to ${t.recipients} other people in the last ${input.playbook.coach.templateWindowDays} days, e.g. on ${day(example.at)}${example.handle ? ` to ${example.handle}` : ''}: ${quote(example.text, 12)}`,
      suggestions: [`Write this one for ${g.first} alone: say something only they would recognise.`, ...personalSteps(ctx)],
    }];
  },
};
