import type { WorkspaceSnapshot } from '../domain/snapshot.js';
import { displayHandle, displayName } from '../domain/views.js';
import { stageRank, type Stage } from '../playbook/playbook.js';
import { relationshipAsOf, type Relationship } from '../relationships/relationship.js';

export interface PersonRow {
  readonly id: number;
  readonly name: string;
  readonly handles: readonly { platform: string; handle: string }[];
  readonly stage: Stage;
  readonly warmth: Relationship['warmth'];
  readonly ledger: { readonly gives: number; readonly asks: number };
  readonly interactions: { readonly in: number; readonly out: number };
  readonly touches: Relationship['touches'];
}

/** People sorted by stage (closest first), then by their latest touch. */
export function listPeople(snapshot: WorkspaceSnapshot): PersonRow[] {
  const { at, read, playbook } = snapshot;
  const rows = snapshot.people.map((person) => {
    const rel = relationshipAsOf({ interactions: snapshot.interactionsByPerson.get(person.id) ?? [], at, read, playbook, identities: person.identities });
    const count = (dir: 'in' | 'out') => Object.values(rel.byKind).reduce((s, c) => s + c[dir], 0);
    return {
      id: person.id,
      name: displayName(person),
      handles: person.identities.map((i) => ({ platform: i.platform, handle: displayHandle(i) })),
      stage: rel.stage,
      warmth: rel.warmth,
      ledger: { gives: rel.ledger.gives, asks: rel.ledger.asks },
      interactions: { in: count('in'), out: count('out') },
      touches: rel.touches,
    };
  });
  const last = (r: PersonRow) => [r.touches.lastIn, r.touches.lastOut].filter(Boolean).sort().at(-1) ?? '';
  return rows.sort((a, b) => stageRank(b.stage) - stageRank(a.stage) || last(b).localeCompare(last(a)) || a.id - b.id);
}
