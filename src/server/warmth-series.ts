/** The warmth-over-time chart of a person card: warmth as of each month end of the last year (pure). */
import type { Identity, Interaction } from '../domain/views.js';
import type { Playbook } from '../playbook/playbook.js';
import type { MessageReader } from '../relationships/message-reader.js';
import { relationshipAsOf } from '../relationships/relationship.js';

export interface WarmthPoint {
  readonly at: string;
  readonly value: number;
}

/**
 * Thirteen points: the same moment 12, 11, … 1 months before `at` (the day clamped to the end
 * of shorter months), then `at` itself — each computed as the relationship stood then.
 */
export function warmthSeries(
  interactions: readonly Interaction[],
  { at, read, playbook, identities, months = 12 }: { at: string; read: MessageReader; playbook: Playbook; identities: readonly Identity[]; months?: number },
): WarmthPoint[] {
  const points: WarmthPoint[] = [];
  for (let back = months; back >= 0; back--) {
    const when = monthsBefore(at, back);
    const upTo = interactions.filter((i) => i.at <= when);
    points.push({ at: when, value: relationshipAsOf({ interactions: upTo, at: when, read, playbook, identities }).warmth.value });
  }
  return points;
}

export function monthsBefore(at: string, months: number): string {
  const d = new Date(at);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d.toISOString();
}
