/**
 * The agenda's order, one documented score per action:
 *
 *   score = weights[kind]                               what kind of action it is
 *         + stageWeight  × stage rank (stranger 0 … advocate 5)   closer people first
 *         + warmthWeight × ln(1 + warmth)               warmer relationships first
 *         + for answer, follow-up, reconnect: waitingWeight × min(days waited, waitingCapDays)
 *           (the longer someone waits, the more it matters)
 *         + for thanks, welcome, appreciate: freshWeight × ½^(days since / freshHalfLifeDays)
 *           (a thank-you or a hello is worth most while the moment is fresh)
 *
 * Every number comes from the playbook's `agenda` section.
 */
import { stageRank, type Playbook } from '../playbook/playbook.js';
import type { Relationship } from '../relationships/relationship.js';
import type { ActionKind, Candidate } from './types.js';
import { DAY_MS } from './words.js';

const WAITING: ReadonlySet<ActionKind> = new Set(['answer', 'follow-up', 'reconnect']);

export function scoreOf(candidate: Candidate, relationship: Relationship, now: number, playbook: Playbook): { score: number; parts: Record<string, number> } {
  const a = playbook.agenda;
  const days = Math.max(0, (now - Date.parse(candidate.since)) / DAY_MS);
  const parts: Record<string, number> = {
    kind: a.weights[candidate.kind],
    stage: a.stageWeight * stageRank(relationship.stage),
    warmth: a.warmthWeight * Math.log1p(Math.max(0, relationship.warmth.value)),
  };
  if (WAITING.has(candidate.kind)) parts.waiting = a.waitingWeight * Math.min(days, a.waitingCapDays);
  else parts.fresh = a.freshWeight * 0.5 ** (days / a.freshHalfLifeDays);
  for (const key of Object.keys(parts)) parts[key] = round(parts[key] ?? 0);
  return { score: round(Object.values(parts).reduce((s, v) => s + v, 0)), parts };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
