/**
 * `consistency`: weeks in which you talked with people at all. A week belongs to the month that
 * holds its Thursday; weeks that have not started yet are not counted.
 */
import { weekOf, weeksOf } from '../months.js';
import { plural, share, type FigureDefinition } from '../figure.js';

export const activeWeeks: FigureDefinition = {
  id: 'active-weeks',
  title: 'Active weeks',
  principles: ['consistency'],
  reading: 'Share of the weeks in which you wrote to at least one person. Higher is better: regular presence beats bursts.',
  unit: 'share',
  goodDirection: 'up',
  measure(context) {
    const active = new Map<string, number>();
    for (const m of context.outbound) active.set(weekOf(m.interaction.at), (active.get(weekOf(m.interaction.at)) ?? 0) + 1);
    return (month) => {
      const weeks = weeksOf(month, context.snapshot.at);
      const busy = weeks.filter((w) => active.has(w));
      const value = share(busy.length, weeks.length);
      return {
        value,
        detail: weeks.length === 0 ? 'No week of this month has started yet.' : `You wrote to people in ${busy.length} of ${plural(weeks.length, 'week')}.`,
        counts: { weeks: weeks.length, activeWeeks: busy.length },
        examples: weeks.filter((w) => !active.has(w)).slice(0, context.playbook.audit.examples).map((w) => ({
          at: `${w}T00:00:00.000Z`, handle: null, what: `the week of ${w}: no message to anyone`, text: null,
        })),
      };
    };
  },
};
