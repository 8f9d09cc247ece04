/**
 * `stay-in-touch`: at each month's end, the warm relationships (engaged or closer) with no
 * conversation either way for a while — the ones to reach out to before they fade.
 */
import { displayName } from '../../domain/views.js';
import { isAtLeast, MESSAGE_KINDS, stageAt } from '../gather.js';
import { percent, plural, type FigureDefinition } from '../figure.js';

const DAY_MS = 86_400_000;

export const goingQuiet: FigureDefinition = {
  id: 'going-quiet',
  title: 'Warm contacts going quiet',
  principles: ['stay-in-touch'],
  reading: 'Relationships at "engaged" or closer with no conversation for weeks, at the end of each month. Fewer is better: reconnect before they fade.',
  unit: 'count',
  goodDirection: 'down',
  measure(context) {
    const quietMs = context.playbook.audit.quietAfterDays * DAY_MS;
    const fadedMs = context.playbook.audit.quietLookbackDays * DAY_MS;
    return (month) => {
      const end = month.end < context.snapshot.at ? month.end : context.snapshot.at;
      let warm = 0;
      let faded = 0;
      const quiet: { at: string; handle: string; name: string; days: number }[] = [];
      for (const [, history] of context.people) {
        if (!isAtLeast(stageAt(history.relationship, end), 'engaged')) continue;
        warm++;
        let last: string | undefined;
        for (const i of history.interactions) {
          if (i.at > end) break;
          if (MESSAGE_KINDS.has(i.kind) || i.kind === 'meeting') last = i.at;
        }
        const silentMs = last ? Date.parse(end) - Date.parse(last) : Infinity;
        // Silent for longer than the lookback: long gone, not "going" quiet; counted apart.
        if (silentMs > fadedMs) faded++;
        else if (silentMs >= quietMs) quiet.push({ at: last ?? end, handle: history.handle, name: displayName(history.person), days: Math.floor(silentMs / DAY_MS) });
      }
      quiet.sort((a, b) => a.at.localeCompare(b.at) || a.handle.localeCompare(b.handle));
      return {
        value: warm === 0 ? null : quiet.length,
        detail: warm === 0
          ? 'No relationship had reached "engaged" by the end of this month.'
          : `${quiet.length} of ${plural(warm, 'warm relationship')} (${percent(quiet.length / warm)}) had gone quiet for ${context.playbook.audit.quietAfterDays} days or more${faded > 0 ? `; ${faded} more had been silent longer than ${context.playbook.audit.quietLookbackDays} days` : ''}.`,
        counts: { warm, quiet: quiet.length, silentLonger: faded },
        examples: quiet.slice(-context.playbook.audit.examples).reverse().map((q) => ({
          at: q.at, handle: q.handle, what: `${q.name}: no conversation for ${q.days} days`, text: null,
        })),
      };
    };
  },
};
