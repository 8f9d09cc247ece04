/**
 * `no-cold-blast`: DMs carrying a link or a pitch sent within hours of someone's follow — the
 * "thanks for following, here is my e-book" the playbook forbids.
 */
import type { Interaction } from '../../domain/views.js';
import { byMonth, excerpt } from '../gather.js';
import { plural, type FigureDefinition } from '../figure.js';

const HOUR_MS = 3_600_000;

export const coldDms: FigureDefinition = {
  id: 'cold-dms',
  title: 'Cold DMs after a follow',
  principles: ['no-cold-blast'],
  reading: 'DMs with a link or a pitch you sent soon after someone followed you. Zero is the goal: greet a new follower, or say nothing.',
  unit: 'count',
  goodDirection: 'down',
  accumulates: true,
  measure(context) {
    const windowMs = context.playbook.audit.coldDmHours * HOUR_MS;
    const afterFollow = [];
    for (const m of context.outbound) {
      if (m.interaction.kind !== 'dm') continue;
      const follow = lastFollowBefore(context.people.get(m.personId)?.interactions ?? [], m.interaction.at);
      if (!follow) continue;
      const gap = Date.parse(m.interaction.at) - Date.parse(follow.at);
      if (gap > windowMs) continue;
      const selling = m.analysis.links.length > 0 || m.analysis.promotional || context.has(m.analysis, 'pitch');
      afterFollow.push({ m, gap, selling });
    }
    const months = byMonth(context, afterFollow, (x) => x.m.interaction.at);
    return (month) => {
      const list = months.get(month.key) ?? [];
      const cold = list.filter((x) => x.selling);
      return {
        value: cold.length,
        detail: list.length === 0
          ? 'No DMs to new followers this month.'
          : `${cold.length} of ${plural(list.length, 'DM')} sent within ${context.playbook.audit.coldDmHours} hours of a follow carried a link or a pitch.`,
        counts: { dmsAfterFollow: list.length, cold: cold.length },
        examples: cold.slice(0, context.playbook.audit.examples).map(({ m, gap }) => ({
          at: m.interaction.at,
          handle: m.handle,
          what: `DM ${hours(gap)} after they followed you, with ${m.analysis.links.length > 0 ? 'a link' : 'a pitch'}`,
          text: excerpt(m.interaction.text),
        })),
      };
    };
  },
};

function lastFollowBefore(interactions: readonly Interaction[], at: string): Interaction | undefined {
  let follow: Interaction | undefined;
  for (const i of interactions) {
    if (i.at > at) break;
    if (i.direction === 'in' && i.kind === 'follow') follow = i;
  }
  return follow;
}

function hours(ms: number): string {
  const h = ms / HOUR_MS;
  return h < 1 ? `${Math.max(1, Math.round(h * 60))} minutes` : `${Math.round(h)} hour${Math.round(h) === 1 ? '' : 's'}`;
}
