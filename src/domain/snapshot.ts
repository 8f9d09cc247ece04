/**
 * Everything the engines (coach, agenda, audit) need about a workspace as of one moment, loaded
 * once by the interface that calls them. Engines read it and never touch the store.
 */
import type { Playbook } from '../playbook/playbook.js';
import type { MessageReader } from '../relationships/message-reader.js';
import type { Identity, Interaction, Note, Person } from './views.js';

export interface WorkspaceSnapshot {
  /** The moment everything is judged as of; nothing later is included. */
  readonly at: string;
  readonly accounts: readonly Identity[];
  readonly people: readonly Person[];
  /** Each person's interactions up to `at`, in time order. */
  readonly interactionsByPerson: ReadonlyMap<number, readonly Interaction[]>;
  /** Your own posts (no one on the other side) up to `at`, in time order. */
  readonly ownPosts: readonly Interaction[];
  readonly notesByPerson: ReadonlyMap<number, readonly Note[]>;
  /** Person id → last day (YYYY-MM-DD, inclusive) they are hidden from the agenda. */
  readonly snoozes: ReadonlyMap<number, string>;
  readonly read: MessageReader;
  readonly playbook: Playbook;
}
