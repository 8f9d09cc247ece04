/** `no-first-date-proposal`: don't pitch before you have met — unless they asked. */
import { stageRank } from '../../playbook/playbook.js';
import { earnSteps } from '../suggest.js';
import { day, quote } from '../words.js';
import { words, type Rule } from './rule.js';

export const noFirstDateProposal: Rule = {
  principle: 'no-first-date-proposal',
  check({ input, g, e }) {
    if (!e.selling) return [];
    const { first, relationship: rel } = g;
    if (e.answers) {
      return [{ principle: this.principle, severity: 'ok', evidence: `the offer answers ${first}'s own question of ${day(e.answers.at)}: ${quote(e.answers.text, 14)}`, suggestions: [] }];
    }
    if (stageRank(rel.stage) >= stageRank('engaged')) {
      return [{ principle: this.principle, severity: 'ok', evidence: `${first} is ${rel.stage}: ${rel.exchanges} two-way exchanges on ${rel.exchangeDays} different days, so an offer is not a first-date proposal`, suggestions: [] }];
    }
    const needed = input.playbook.stages.engagedMinDays;
    const met = g.known
      ? `${first} is only ${rel.stage}${sinceOf(g)}: you have exchanged messages on ${rel.exchangeDays} day${rel.exchangeDays === 1 ? '' : 's'}, and an offer is welcome once you have talked on ${needed} different days`
      : `rapport has never seen ${g.handle}: to them you are a stranger`;
    return [{
      principle: this.principle,
      severity: 'wait',
      evidence: `${words(e.selling)} ${e.selling.length === 1 ? 'is' : 'are'} a pitch, and ${met}`,
      suggestions: [...earnSteps({ input, g, e }), `Keep the offer for later: talk with ${first} about them on ${needed} different days first.`],
    }];
  },
};

function sinceOf(g: { relationship: { history: readonly { stage: string; at: string }[] } }): string {
  const step = g.relationship.history.at(-1);
  return step ? ` (since ${day(step.at)})` : '';
}
