/**
 * `thank-proportionately`: shares and quotes of your work, and whether you thanked them — in
 * public (a reply, mention or quote), in private (a DM), or not at all. A share with praise
 * deserves a public thank-you.
 */
import type { Interaction } from '../../domain/views.js';
import { byMonth, excerpt } from '../gather.js';
import { percent, plural, share, type FigureDefinition } from '../figure.js';

const DAY_MS = 86_400_000;
const PUBLIC: ReadonlySet<string> = new Set(['reply', 'mention', 'quote']);

type Thanks = 'public' | 'private' | 'none' | 'waiting';

interface Share {
  readonly share: Interaction;
  readonly handle: string;
  readonly praised: boolean;
  readonly thanks: Thanks;
}

export const sharesThanked: FigureDefinition = {
  id: 'shares-thanked',
  title: 'Shares thanked',
  principles: ['thank-proportionately'],
  reading: 'Share of the shares and quotes of your work that you thanked within a few days (public or private). Higher is better; a share with praise should get a public thank-you.',
  unit: 'share',
  goodDirection: 'up',
  measure(context) {
    const windowMs = context.playbook.audit.thankWindowDays * DAY_MS;
    const now = Date.parse(context.snapshot.at);
    const shares: Share[] = [];
    for (const [, history] of context.people) {
      const list = history.interactions;
      list.forEach((i, n) => {
        if (i.direction !== 'in' || (i.kind !== 'share' && i.kind !== 'quote')) return;
        const t = Date.parse(i.at);
        const praised = Boolean(i.text) && context.has(context.snapshot.read(i.text as string), 'compliment');
        let thanks: Thanks = t + windowMs > now ? 'waiting' : 'none';
        for (let k = n + 1; k < list.length; k++) {
          const later = list[k] as Interaction;
          if (Date.parse(later.at) - t > windowMs) break;
          if (later.direction !== 'out' || !later.text || !context.has(context.snapshot.read(later.text), 'gratitude')) continue;
          if (PUBLIC.has(later.kind)) {
            thanks = 'public';
            break;
          }
          if (later.kind === 'dm') thanks = 'private';
        }
        shares.push({ share: i, handle: history.handle, praised, thanks });
      });
    }
    shares.sort((a, b) => a.share.at.localeCompare(b.share.at));
    const months = byMonth(context, shares, (s) => s.share.at);
    return (month) => {
      const all = months.get(month.key) ?? [];
      // Shares still inside the thank-you window are not judged yet.
      const judged = all.filter((s) => s.thanks !== 'waiting');
      const count = (t: Thanks, praised?: boolean) => judged.filter((s) => s.thanks === t && (praised === undefined || s.praised === praised)).length;
      const publicly = count('public');
      const privately = count('private');
      const not = count('none');
      const praised = judged.filter((s) => s.praised).length;
      const value = share(publicly + privately, judged.length);
      return {
        value,
        detail: value === null
          ? all.length > 0 ? `${plural(all.length, 'share')} this month, still within the thank-you window.` : 'No one shared your work this month.'
          : `${publicly + privately} of ${plural(judged.length, 'share')} thanked (${percent(value)}): ${publicly} in public, ${privately} in private, ${not} not at all; ${praised} came with praise, ${count('public', true)} of those thanked in public.`,
        counts: { shares: judged.length, withPraise: praised, thankedPublicly: publicly, thankedPrivately: privately, notThanked: not, praiseThankedPublicly: count('public', true), waiting: all.length - judged.length },
        // The ones still owed a thank-you, praise first.
        examples: judged
          .filter((s) => s.thanks !== 'public' && (s.thanks === 'none' || s.praised))
          .sort((a, b) => Number(b.praised) - Number(a.praised) || a.share.at.localeCompare(b.share.at))
          .slice(0, context.playbook.audit.examples)
          .map((s) => ({
            at: s.share.at,
            handle: s.handle,
            what: `${s.share.kind}${s.praised ? ' with praise' : ''}, ${s.thanks === 'none' ? 'never thanked' : 'thanked only in private'}`,
            text: excerpt(s.share.text),
          })),
      };
    };
  },
};
