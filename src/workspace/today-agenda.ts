import { buildAgenda, type Agenda } from '../agenda/index.js';
import type { WorkspaceSnapshot } from '../domain/snapshot.js';
import { ensureCounterpartActivity } from '../store/queries/activity.js';
import { agendaCandidates, loadPeopleHistories } from '../store/queries/agenda.js';
import type { Store } from '../store/store.js';
import { loadPlaybook } from './load-playbook.js';
import { messageReaderFor } from './message-context.js';

/** The real path of `rapport today`: load only the people who may need an action, then build. */
export async function todayAgenda(store: Store, at: string, limit?: number): Promise<Agenda> {
  const snapshot = await loadAgendaSnapshot(store, at);
  return buildAgenda(snapshot, limit === undefined ? {} : { limit });
}

/**
 * A snapshot with only the agenda's candidates in it (see src/store/queries/agenda.ts): on a
 * big workspace loading everyone would take far longer than the agenda itself.
 */
export async function loadAgendaSnapshot(store: Store, at: string): Promise<WorkspaceSnapshot> {
  const playbook = await loadPlaybook(store);
  // Normally done by the last import; here for a workspace made before the table existed, or an
  // import that stopped half-way. Cheap when there is nothing to do.
  await ensureCounterpartActivity(store);
  const { personIds } = await agendaCandidates(store, at, playbook.agenda);
  const histories = await loadPeopleHistories(store, personIds, at);
  return {
    at,
    accounts: await store.ownAccounts(),
    people: histories.people,
    interactionsByPerson: histories.interactionsByPerson,
    ownPosts: histories.ownPosts,
    notesByPerson: histories.notesByPerson,
    snoozes: await store.snoozes(),
    read: await messageReaderFor(store),
    playbook,
  };
}

