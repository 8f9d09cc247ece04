/** `give-before-ask`: no share, review, vote or intro asked of someone you have not given to. */
import { stageRank } from '../../playbook/playbook.js';
import { earnSteps, giveStep } from '../suggest.js';
import { day } from '../words.js';
import { words, type Rule } from './rule.js';

export const giveBeforeAsk: Rule = {
  principle: 'give-before-ask',
  check(ctx) {
    const { g, e } = ctx;
    if (!e.favourAsk) return [];
    const { first, relationship: rel } = g;
    const { gives, asks, balance, entries } = rel.ledger;
    const lastGive = [...entries].reverse().find((x) => x.side === 'give');
    const lastAsk = [...entries].reverse().find((x) => x.side === 'ask');
    const ledger = `your ledger with ${first}: ${gives} given${lastGive ? ` (last: ${lastGive.what}, ${day(lastGive.at)})` : ''}, ${asks} asked${lastAsk ? ` (last: ${lastAsk.what}, ${day(lastAsk.at)})` : ''}`;
    const trusted = stageRank(rel.stage) >= stageRank('trusted');
    if (trusted && balance > 0) {
      return [{ principle: this.principle, severity: 'ok', evidence: `${first} is ${rel.stage} and you have given more than you asked (${ledger})`, suggestions: [] }];
    }
    const why = [
      ...(trusted ? [] : [`${first} is ${g.known ? rel.stage : 'a stranger'}, not yet trusted`]),
      ...(balance > 0 ? [] : [`you have not given more than you asked (${ledger})`]),
    ].join(', and ');
    return [{
      principle: this.principle,
      severity: 'wait',
      evidence: `${words(e.favourAsk)} asks ${first} a favour, but ${why}`,
      suggestions: [...[giveStep(ctx)].filter((x): x is string => x !== undefined && rel.ledger.balance <= 0), ...earnSteps(ctx)],
    }];
  },
};
