/**
 * The shapes the store hands to engines and interfaces. Engines depend on these, never on the
 * store itself, so they stay pure and testable with plain objects.
 */
import type { Direction, Kind, Platform } from './records.js';

export interface Identity {
  readonly id: number;
  readonly personId: number;
  readonly platform: Platform;
  readonly handle: string | null;
  readonly uid: string | null;
  readonly isOwn: boolean;
  readonly name: string | null;
  readonly bio: string | null;
  readonly location: string | null;
  readonly followers: number | null;
  readonly following: number | null;
  readonly posts: number | null;
  readonly created: string | null;
  readonly avatar: boolean | null;
  readonly url: string | null;
}

export interface Interaction {
  readonly id: number;
  readonly platform: Platform;
  /** The platform's own id of the event or post. */
  readonly pid: string;
  readonly at: string;
  readonly kind: Kind;
  readonly direction: Direction;
  readonly actorId: number;
  readonly targetId: number | null;
  /** The person on the other side (merged identities share one), or null for your own posts. */
  readonly personId: number | null;
  readonly text: string | null;
  readonly inReplyTo: string | null;
  readonly about: string | null;
}

/** The fields of an interaction a relationship fold reads: histories of everyone are read with only these. */
export type FoldedInteraction = Pick<Interaction, 'id' | 'pid' | 'at' | 'kind' | 'direction' | 'text' | 'about'>;

export interface Note {
  readonly id: number;
  readonly identityId: number;
  readonly at: string;
  readonly text: string;
  readonly remind: string | null;
}

/** Who someone is, as one card: every identity merged into the person. */
export interface Person {
  readonly id: number;
  readonly identities: readonly Identity[];
}

/** The best name to show for a person: a profile name, else the first handle. */
export function displayName(person: Person): string {
  const named = person.identities.find((i) => i.name);
  return named?.name ?? person.identities[0]?.handle ?? `#${person.id}`;
}

export function displayHandle(identity: Identity): string {
  return identity.handle ?? (identity.uid ? `id:${identity.uid}` : `#${identity.id}`);
}
