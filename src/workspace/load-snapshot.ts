/** Loads a workspace as of one moment into the snapshot the engines read. */
import type { WorkspaceSnapshot } from '../domain/snapshot.js';
import type { Interaction, Note } from '../domain/views.js';
import { groupByPerson } from '../relationships/relationship.js';
import type { Store } from '../store/store.js';
import { messageReaderFor } from './message-context.js';
import { loadPlaybook } from './load-playbook.js';

export async function loadSnapshot(store: Store, at: string): Promise<WorkspaceSnapshot> {
  const interactions = await store.allInteractions({ until: at });
  const ownPosts: Interaction[] = interactions.filter((i) => i.personId === null && i.direction === 'out');
  const notesByPerson = new Map<number, Note[]>();
  for (const note of await store.allNotes()) {
    if (note.at > at) continue;
    const list = notesByPerson.get(note.personId) ?? [];
    list.push(note);
    notesByPerson.set(note.personId, list);
  }
  return {
    at,
    accounts: await store.ownAccounts(),
    people: await store.people(),
    interactionsByPerson: groupByPerson(interactions),
    ownPosts,
    notesByPerson,
    snoozes: await store.snoozes(),
    read: await messageReaderFor(store),
    playbook: await loadPlaybook(store),
  };
}
