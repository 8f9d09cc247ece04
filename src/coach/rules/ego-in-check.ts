/** `ego-in-check`: don't make it about you — I/we/our heavily outweighing you/your/their name. */
import { tokenize } from '../../language/index.js';
import { OTHER_WORDS, SELF_WORDS } from '../../language/lexicons.js';
import { personalSteps } from '../suggest.js';
import type { Rule } from './rule.js';

export const egoInCheck: Rule = {
  principle: 'ego-in-check',
  check(ctx) {
    const { input, g, e } = ctx;
    const { self, other } = e.analysis.focus;
    const { egoMinSelf, egoRatio, egoMinWords } = input.playbook.coach;
    const tokens = tokenize(input.draft.text).filter((t) => t.kind === 'word');
    const first = g.first.toLowerCase();
    const mine = tokens.filter((t) => SELF_WORDS.has(t.norm)).map((t) => t.text);
    const theirs = tokens.filter((t) => OTHER_WORDS.has(t.norm) || t.norm === first).map((t) => t.text);
    if (mine.length >= egoMinWords && self >= egoMinSelf && self >= egoRatio * other) {
      return [{
        principle: this.principle,
        severity: 'revise',
        evidence: `${mine.length} word${mine.length === 1 ? '' : 's'} about you (${listed(mine)}) and ${theirs.length === 0 ? 'none' : `${theirs.length} (${listed(theirs)})`} about ${g.first}`,
        suggestions: [`Turn it towards ${g.first}: keep one sentence about you and end with a question about them.`, ...personalSteps(ctx)],
      }];
    }
    if (other > self && theirs.length > 0) {
      return [{ principle: this.principle, severity: 'ok', evidence: `the draft is about ${g.first} (${listed(theirs)}) more than about you`, suggestions: [] }];
    }
    return [];
  },
};

function listed(ws: readonly string[]): string {
  const distinct = [...new Set(ws.map((w) => w.toLowerCase()))];
  return distinct.slice(0, 5).map((w) => `“${w}”`).join(', ');
}
