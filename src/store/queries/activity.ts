/**
 * Per counterpart identity, the latest time of each event the agenda's rules look at (the table
 * `counterpart_activity`, migration 0004): what lets `rapport today` pick its candidates on a
 * workspace of millions of interactions without scanning months of them.
 *
 * `refreshCounterpartActivity` runs after every import (src/ingest/import-path.ts). It folds in
 * the interactions added since the last refresh (their ids are higher); when the table is not up
 * to date — never filled, or an interaction was changed or removed since (triggers of migration
 * 0004 drop the workspace's state row) — it rebuilds the workspace's rows. Merging people needs
 * nothing: rows are per identity, and the agenda maps identities to people when it reads them.
 * Written for both SQLite and PostgreSQL; the tables are not in schema.ts, so queries are raw SQL.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { Store } from '../store.js';

const CONVERSATIONAL = sql.raw("('reply', 'dm', 'mention', 'quote', 'meeting')");

/**
 * The latest interaction time this workspace's table covers, or undefined when the table is not
 * up to date: never filled, an interaction changed or removed since, or newer interactions than
 * its last refresh (an import that stopped half-way, or any writer that did not refresh).
 */
export async function counterpartActivityState(store: Store): Promise<{ maxAt: string | null } | undefined> {
  const ws = store.workspaceId;
  const { rows } = await sql<{ max_at: string | null; max_id: number | string }>`select max_at, max_id from counterpart_activity_state where workspace_id = ${ws}`.execute(store.db);
  const row = rows[0];
  if (!row) return undefined;
  return (await newestInteractionId(store.db, ws)) === Number(row.max_id) ? { maxAt: row.max_at } : undefined;
}

/** Refreshes the workspace's table when it is not up to date (see `counterpartActivityState`). */
export async function ensureCounterpartActivity(store: Store): Promise<void> {
  if (!(await counterpartActivityState(store))) await refreshCounterpartActivity(store);
}

// Read backwards by id, the newest row of the workspace first (`+` keeps SQLite off the
// workspace's indexes, where it would sort them all).
async function newestInteractionId(db: Kysely<Database>, ws: number): Promise<number> {
  const top = (await sql<{ id: number | string }>`select id from interactions where +workspace_id = ${ws} order by id desc limit 1`.execute(db)).rows[0];
  return top === undefined ? 0 : Number(top.id);
}

/** Brings the workspace's `counterpart_activity` up to date with its interactions. */
export async function refreshCounterpartActivity(store: Store): Promise<void> {
  await store.transaction(async (trx) => refreshIn(trx, store.workspaceId));
}

async function refreshIn(db: Kysely<Database>, ws: number): Promise<void> {
  const state = (await sql<{ max_id: number | string }>`select max_id from counterpart_activity_state where workspace_id = ${ws}`.execute(db)).rows[0];
  let since = state ? Number(state.max_id) : 0;
  if (!state) await sql`delete from counterpart_activity where workspace_id = ${ws}`.execute(db);
  const maxId = Math.max(since, await newestInteractionId(db, ws));
  if (maxId > since || !state) {
    // The newer of the stored and the new time, column by column (NULL is "never").
    const newer = (column: string) => sql.raw(
      `${column} = case when excluded.${column} is not null and (counterpart_activity.${column} is null or excluded.${column} > counterpart_activity.${column}) then excluded.${column} else counterpart_activity.${column} end`,
    );
    // `+` keeps SQLite on the id range (the new rows only) rather than an index of the whole workspace.
    await sql`
      insert into counterpart_activity (workspace_id, identity_id, last_share_in, last_message_in, last_follow_in, last_message_out, last_reply_out, last_public_out, last_talk)
      select workspace_id, counterpart_id,
        max(case when direction = 'in' and kind in ('share', 'quote', 'mention') then at end),
        max(case when direction = 'in' and kind in ('reply', 'dm', 'mention', 'quote') then at end),
        max(case when direction = 'in' and kind = 'follow' then at end),
        max(case when direction = 'out' and kind in ${CONVERSATIONAL} then at end),
        max(case when direction = 'out' and kind = 'reply' then at end),
        max(case when direction = 'out' and kind in ('share', 'quote', 'mention') then at end),
        max(case when kind in ${CONVERSATIONAL} then at end)
      from interactions
      where +workspace_id = ${ws} and id > ${since} and id <= ${maxId} and +counterpart_id is not null
        and kind in ('share', 'quote', 'mention', 'reply', 'dm', 'follow', 'meeting')
      group by workspace_id, counterpart_id
      on conflict (workspace_id, identity_id) do update set
        ${newer('last_share_in')}, ${newer('last_message_in')}, ${newer('last_follow_in')}, ${newer('last_message_out')},
        ${newer('last_reply_out')}, ${newer('last_public_out')}, ${newer('last_talk')}`.execute(db);
    since = maxId;
  }
  const maxAt = (await sql<{ max_at: string | null }>`select max(at) as max_at from interactions where workspace_id = ${ws}`.execute(db)).rows[0]?.max_at ?? null;
  await sql`
    insert into counterpart_activity_state (workspace_id, max_at, max_id, refreshed_at) values (${ws}, ${maxAt}, ${since}, ${new Date().toISOString()})
    on conflict (workspace_id) do update set max_at = excluded.max_at, max_id = excluded.max_id, refreshed_at = excluded.refreshed_at`.execute(db);
}
