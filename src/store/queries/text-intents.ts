/**
 * The intents a fold acts on, stored per workspace as one binary table (migration 0006) with the
 * fingerprint of the settings they were read with. This layer keeps the bytes; their form is
 * message-intents.ts's.
 */
import type { Store } from '../store.js';

/** The stored table, if it was read with these settings. */
export async function loadTextIntents(store: Store, fingerprint: string): Promise<Uint8Array | undefined> {
  const row = await store.db.selectFrom('text_intents').select(['fingerprint', 'intents']).where('workspace_id', '=', store.workspaceId).executeTakeFirst();
  return row?.fingerprint === fingerprint ? row.intents : undefined;
}

/** Replaces the stored table, whatever settings it was read with. */
export async function saveTextIntents(store: Store, fingerprint: string, intents: Uint8Array): Promise<void> {
  await store.db
    .insertInto('text_intents')
    .values({ workspace_id: store.workspaceId, fingerprint, intents })
    .onConflict((oc) => oc.column('workspace_id').doUpdateSet({ fingerprint, intents }))
    .execute();
}
