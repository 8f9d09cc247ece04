/**
 * `give-before-ask`: favour-asks (share this, review us, introduce me) made while the give/ask
 * ledger with that person was not positive, or before they trusted you.
 */
import type { LedgerEntry } from '../../relationships/relationship.js';
import { byMonth, excerpt, isAtLeast, stageBefore } from '../gather.js';
import { plural, type FigureDefinition } from '../figure.js';

export const asksBeforeGiving: FigureDefinition = {
  id: 'asks-before-giving',
  title: 'Favour-asks before giving',
  principles: ['give-before-ask'],
  reading: 'Favour-asks you made of people you had not given more than you asked (shares, help, thanks), or who were not yet at "trusted". Fewer is better; zero is the goal.',
  unit: 'count',
  goodDirection: 'down',
  accumulates: true,
  measure(context) {
    const asks = context.outbound.filter((m) => context.has(m.analysis, 'favour-ask'));
    const months = byMonth(context, asks, (m) => m.interaction.at);
    return (month) => {
      const list = months.get(month.key) ?? [];
      let early = 0;
      const examples = [];
      for (const m of list) {
        const rel = context.people.get(m.personId)?.relationship;
        const { gives, asks: asked } = rel ? ledgerBefore(rel.ledger.entries, m.interaction) : { gives: 0, asks: 0 };
        const stage = rel ? stageBefore(rel, m.interaction.at) : 'stranger';
        if (gives > asked && isAtLeast(stage, 'trusted')) continue;
        early++;
        examples.push({
          at: m.interaction.at,
          handle: m.handle,
          what: `asked a favour at "${stage}" having given ${gives} and asked ${asked} before`,
          text: excerpt(m.interaction.text),
        });
      }
      return {
        value: early,
        detail: list.length === 0
          ? 'No favour-asks this month.'
          : `${early} of ${plural(list.length, 'favour-ask')} came before you had given more than you asked of that person.`,
        counts: { favourAsks: list.length, beforeGiving: early },
        examples: examples.slice(0, context.playbook.audit.examples),
      };
    };
  },
};

/** Gives and asks recorded before the message (the ledger is in time order). */
function ledgerBefore(entries: readonly LedgerEntry[], message: { id: number; at: string }): { gives: number; asks: number } {
  let gives = 0;
  let asks = 0;
  for (const e of entries) {
    if (e.interactionId === message.id || e.at > message.at) break;
    if (e.side === 'give') gives++;
    else asks++;
  }
  return { gives, asks };
}
