/**
 * `be-personal`: messages near-identical to ones you sent to other people (a pasted template),
 * and how many people they reached. Templates are found over the whole period (so a greeting
 * pasted once a month still shows) by the language engine's near-duplicate grouping; copies that
 * are word for word the same apart from names, links and numbers are counted apart too, as the
 * plainest evidence.
 */
import { groupTemplates } from '../../language/index.js';
import { byMonth, excerpt, type OutboundMessage } from '../gather.js';
import { plural, type FigureDefinition } from '../figure.js';

export const templatedMessages: FigureDefinition = {
  id: 'templated-messages',
  title: 'Templated messages',
  principles: ['be-personal'],
  reading: 'Messages you sent that are near-copies of messages to other people, and how many people received them. Fewer is better: write each one for its reader.',
  unit: 'count',
  goodDirection: 'down',
  accumulates: true,
  measure(context) {
    const { templateSimilarity, templateMinRecipients, examples } = context.playbook.audit;
    const first = context.months[0]?.start ?? '';
    const inPeriod = context.outbound.filter((m) => m.interaction.at >= first);
    const groups = groupTemplates(
      inPeriod.map((m) => ({ id: String(m.interaction.id), text: m.interaction.text ?? '', recipient: m.handle })),
      { similarity: templateSimilarity, minRecipients: templateMinRecipients },
    );
    const groupOf = new Map<string, number>();
    groups.forEach((g, n) => g.ids.forEach((id) => groupOf.set(id, n)));
    const templated = inPeriod.filter((m) => groupOf.has(String(m.interaction.id)));
    const exactReach = exactCopies(templated, templateMinRecipients);
    const months = byMonth(context, templated, (m) => m.interaction.at);
    const sent = byMonth(context, inPeriod, (m) => m.interaction.at);
    return (month) => {
      const list = months.get(month.key) ?? [];
      const people = new Set(list.map((m) => m.personId)).size;
      const used = new Set(list.map((m) => groupOf.get(String(m.interaction.id))));
      const pasted = list.filter((m) => exactReach.has(m.analysis.fingerprint)).length;
      const total = sent.get(month.key)?.length ?? 0;
      return {
        value: list.length,
        detail: list.length === 0
          ? `None of your ${plural(total, 'message')} to people this month was a template.`
          : `${list.length} of your ${plural(total, 'message')} to people came from ${plural(used.size, 'template')} (${pasted} word for word but the name) and reached ${plural(people, 'person', 'people')}.`,
        counts: { messages: total, templated: list.length, wordForWord: pasted, templates: used.size, peopleReached: people },
        examples: examplesOf(list, groupOf, groups.map((g) => g.recipients), exactReach, examples),
      };
    };
  },
};

/** Fingerprint → people reached, for the exact copies (names, links, numbers aside) that reached enough people. */
function exactCopies(messages: readonly OutboundMessage[], minRecipients: number): Map<string, number> {
  const people = new Map<string, Set<number>>();
  for (const m of messages) {
    const fp = m.analysis.fingerprint;
    let set = people.get(fp);
    if (!set) people.set(fp, (set = new Set()));
    set.add(m.personId);
  }
  return new Map([...people].filter(([, set]) => set.size >= minRecipients).map(([fp, set]) => [fp, set.size]));
}

/** One example per template used this month: word-for-word copies first, then the widest-reaching. */
function examplesOf(list: readonly OutboundMessage[], groupOf: ReadonlyMap<string, number>, reach: readonly number[], exactReach: ReadonlyMap<string, number>, max: number) {
  const seen = new Set<number>();
  const out = [];
  for (const m of list) {
    const g = groupOf.get(String(m.interaction.id)) as number;
    if (seen.has(g)) continue;
    seen.add(g);
    const exact = exactReach.get(m.analysis.fingerprint) ?? 0;
    const what = exact > 0
      ? `the same words went to ${exact} people in the period, only the name changed`
      : `near-copies of this went to ${reach[g]} people in the period`;
    out.push({ g, exact, example: { at: m.interaction.at, handle: m.handle, what, text: excerpt(m.interaction.text) } });
  }
  return out
    .sort((a, b) => b.exact - a.exact || (reach[b.g] ?? 0) - (reach[a.g] ?? 0) || a.g - b.g)
    .slice(0, max)
    .map((x) => x.example);
}
