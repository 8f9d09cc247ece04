/** `be-personal`: each follower is a person — a draft pasted to many with the name swapped is not. */
import { personalSteps } from '../suggest.js';
import { day, quote, sharedWords } from '../words.js';
import { has, type CoachContext, type Rule } from './rule.js';

export const bePersonal: Rule = {
  principle: 'be-personal',
  check(ctx) {
    const { input, g, e } = ctx;
    const t = e.template;
    if (!t) {
      const why = personalTouch(ctx);
      return why ? [{ principle: this.principle, severity: 'ok', evidence: `written for ${g.first}: ${why}`, suggestions: [] }] : [];
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

/** What makes the draft theirs alone: their name, or the words of something they wrote. */
function personalTouch(ctx: CoachContext): string | undefined {
  const { input, g } = ctx;
  const personal = has(ctx, 'personal');
  if (personal) return `“${personal.evidence[0] ?? ''}”`;
  const named = g.known && new RegExp(`(?<![\\p{L}])${escapeRe(g.first)}(?![\\p{L}])`, 'iu').test(input.draft.text);
  // One shared word ("Christmas") is chance; two or more mean the draft picks up what they wrote.
  const theirs = g.theirRecent.slice(0, 20).find((i) => i.text && sharedWords(input.draft.text, i.text).length >= 2);
  if (theirs?.text) return `it picks up what they wrote on ${day(theirs.at)}, ${quote(theirs.text)}`;
  if (named) return `it names ${g.first}`;
  return undefined;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
