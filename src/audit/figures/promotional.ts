/**
 * `no-first-date-proposal` / `ego-in-check`: how much of what you write to people sells.
 * A promotional message to someone not yet engaged is the premature pitch the playbook warns of;
 * a message mostly about you is the ego that pushes people away.
 */
import { byMonth, excerpt, isAtLeast, stageBefore } from '../gather.js';
import { percent, plural, share, type FigureDefinition } from '../figure.js';

export const promotionalShare: FigureDefinition = {
  id: 'promotional-share',
  title: 'Promotional messages',
  principles: ['no-first-date-proposal', 'ego-in-check'],
  reading: 'Share of your messages to people (replies, mentions, DMs, quotes) that pitch, ask a favour or push your link. Lower is better; pitches to people below "engaged" are the ones to stop first.',
  unit: 'share',
  goodDirection: 'down',
  measure(context) {
    const { egoMinSelf, egoRatio } = context.playbook.coach;
    const months = byMonth(context, context.outbound, (m) => m.interaction.at);
    return (month) => {
      const messages = months.get(month.key) ?? [];
      let promotional = 0;
      let premature = 0;
      let aboutYou = 0;
      const examples: { premature: boolean; at: string; handle: string; what: string; text: string | null }[] = [];
      for (const m of messages) {
        const { self, other } = m.analysis.focus;
        if (self >= egoMinSelf && self >= egoRatio * other) aboutYou++;
        if (!m.analysis.promotional) continue;
        promotional++;
        const rel = context.people.get(m.personId)?.relationship;
        const stage = rel ? stageBefore(rel, m.interaction.at) : 'stranger';
        const isPremature = !isAtLeast(stage, 'engaged');
        if (isPremature) premature++;
        examples.push({
          premature: isPremature,
          at: m.interaction.at,
          handle: m.handle,
          what: `promotional ${m.interaction.kind} to someone ${isPremature ? `still at "${stage}"` : `at "${stage}"`}`,
          text: excerpt(m.interaction.text),
        });
      }
      const value = share(promotional, messages.length);
      return {
        value,
        detail: value === null
          ? 'No messages to people this month.'
          : `${promotional} of ${plural(messages.length, 'message')} to people (${percent(value)}) were promotional, ${premature} of them to people not yet engaged; ${aboutYou} were mostly about you.`,
        counts: { messages: messages.length, promotional, toPeopleNotYetEngaged: premature, mostlyAboutYou: aboutYou },
        // The premature pitches first: they are the ones the principle is about.
        examples: examples
          .sort((a, b) => Number(b.premature) - Number(a.premature) || a.at.localeCompare(b.at))
          .slice(0, context.playbook.audit.examples)
          .map(({ at, handle, what, text }) => ({ at, handle, what, text })),
      };
    };
  },
};
