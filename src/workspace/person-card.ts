import { displayName, type Identity, type Interaction, type Note, type Person } from '../domain/views.js';
import type { Playbook } from '../playbook/playbook.js';
import type { FollowerInsight, FollowReason } from '../relationships/follow-reasons.js';
import type { FollowerQuality } from '../relationships/follower-quality.js';
import type { MessageReader } from '../relationships/message-reader.js';
import { relationshipAsOf, type Relationship } from '../relationships/relationship.js';

export interface PersonCard {
  readonly at: string;
  readonly id: number;
  readonly name: string;
  readonly identities: readonly Identity[];
  readonly relationship: Relationship;
  readonly latest: readonly Interaction[];
  readonly notes: readonly Note[];
  /** Why they probably followed you, with evidence ([] when they do not follow you). */
  readonly followReasons: readonly FollowReason[];
  /** Whether they look like a bot (null when they do not follow you). */
  readonly followerQuality: FollowerQuality | null;
}

export function buildCard(
  person: Person,
  interactions: readonly Interaction[],
  notes: readonly Note[],
  // followInsight: from `followInsightFor(store, person, at)` (src/workspace/followers.ts); it needs the whole workspace.
  { at, limit, read, playbook, followInsight }: { at: string; limit: number; read: MessageReader; playbook: Playbook; followInsight?: FollowerInsight },
): PersonCard {
  return {
    at,
    id: person.id,
    name: displayName(person),
    identities: person.identities,
    relationship: relationshipAsOf({ interactions, at, read, playbook, identities: person.identities }),
    latest: interactions.slice(-limit).reverse(),
    notes,
    followReasons: followInsight?.followReasons ?? [],
    followerQuality: followInsight?.followerQuality ?? null,
  };
}

