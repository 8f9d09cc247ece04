/**
 * The state of one relationship as of a moment: stage and its history, counts by kind and
 * direction, and the first and last touch each way. Pure over the person's interactions.
 */
import type { Interaction } from '../domain/views.js';
import { DEFAULT_PLAYBOOK, type Playbook, type Stage } from '../playbook/playbook.js';
import { foldStage, type StageStep } from './stage.js';

export interface Touches {
  readonly firstIn: string | null;
  readonly firstOut: string | null;
  readonly lastIn: string | null;
  readonly lastOut: string | null;
}

export interface Relationship {
  readonly stage: Stage;
  readonly history: readonly StageStep[];
  readonly total: number;
  readonly byKind: Record<string, { in: number; out: number }>;
  readonly touches: Touches;
  readonly exchanges: number;
  readonly ledger: { readonly gives: number; readonly asks: number };
}

export function relationshipAsOf(interactions: readonly Interaction[], at: string, playbook: Playbook = DEFAULT_PLAYBOOK): Relationship {
  const byKind: Record<string, { in: number; out: number }> = {};
  let firstIn: string | null = null;
  let firstOut: string | null = null;
  let lastIn: string | null = null;
  let lastOut: string | null = null;
  let total = 0;
  for (const i of interactions) {
    if (i.at > at) break;
    total++;
    const counts = (byKind[i.kind] ??= { in: 0, out: 0 });
    counts[i.direction]++;
    if (i.direction === 'in') {
      firstIn ??= i.at;
      lastIn = i.at;
    } else {
      firstOut ??= i.at;
      lastOut = i.at;
    }
  }
  const fold = foldStage(interactions, at, playbook);
  return {
    stage: fold.stage,
    history: fold.history,
    total,
    byKind,
    touches: { firstIn, firstOut, lastIn, lastOut },
    exchanges: fold.exchanges,
    ledger: fold.ledger,
  };
}

/** Groups a workspace's interactions (in time order) by the person on the other side. */
export function groupByPerson(interactions: readonly Interaction[]): Map<number, Interaction[]> {
  const groups = new Map<number, Interaction[]>();
  for (const i of interactions) {
    if (i.personId === null) continue;
    let list = groups.get(i.personId);
    if (!list) groups.set(i.personId, (list = []));
    list.push(i);
  }
  return groups;
}
