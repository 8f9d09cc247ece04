import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

// `rapport today` must pick, out of millions of interactions, the few hundred people who may need
// an action. Scanning the last months of interactions for that takes seconds on a big workspace;
// this table keeps, per counterpart identity, the latest time of each event the agenda's rules
// look at (refreshed after every import, see src/store/queries/activity.ts), and
// `counterpart_activity_state` says for which workspaces it is up to date and up to when (no row:
// not up to date, and the agenda scans the interactions instead). Workspaces are refreshed on
// their next import; none is filled here, so that opening a big workspace stays quick.
// Released migrations are never edited: add a new file instead.
export async function up(db: Kysely<unknown>, { idType }: MigrationContext): Promise<void> {
  const dialect = idType === 'integer' ? 'sqlite' : 'postgres';
  await db.schema
    .createTable('counterpart_activity')
    .addColumn('workspace_id', 'integer', (c) => c.notNull())
    .addColumn('identity_id', 'integer', (c) => c.notNull())
    // Their latest share, quote or mention; message (reply, dm, mention, quote); follow.
    .addColumn('last_share_in', 'text')
    .addColumn('last_message_in', 'text')
    .addColumn('last_follow_in', 'text')
    // Your latest message to them (reply, dm, mention, quote, meeting); reply; share, quote or mention.
    .addColumn('last_message_out', 'text')
    .addColumn('last_reply_out', 'text')
    .addColumn('last_public_out', 'text')
    // The latest conversational event either way (reply, dm, mention, quote, meeting).
    .addColumn('last_talk', 'text')
    .addPrimaryKeyConstraint('counterpart_activity_pkey', ['workspace_id', 'identity_id'])
    .execute();
  for (const column of ['last_share_in', 'last_message_in', 'last_follow_in', 'last_talk']) {
    await db.schema.createIndex(`counterpart_activity_${column}`).on('counterpart_activity').columns(['workspace_id', column]).execute();
  }
  await db.schema
    .createTable('counterpart_activity_state')
    .addColumn('workspace_id', 'integer', (c) => c.primaryKey())
    // The latest interaction of the workspace when the table was refreshed: valid for any moment from then on.
    .addColumn('max_at', 'text')
    // The highest interaction id folded in: the next refresh starts above it.
    .addColumn('max_id', 'bigint', (c) => c.notNull())
    .addColumn('refreshed_at', 'text', (c) => c.notNull())
    .execute();

  // New interactions are folded in after each import by their ids (above the last refresh's); an
  // interaction changed or removed afterwards (an import learning that an identity is your own
  // account, or that two identities are one) marks the workspace's table stale, to be rebuilt.
  if (dialect === 'sqlite') {
    await sql`create trigger interactions_activity_update after update of workspace_id, kind, direction, counterpart_id, at on interactions
      begin delete from counterpart_activity_state where workspace_id in (old.workspace_id, new.workspace_id); end`.execute(db);
    await sql`create trigger interactions_activity_delete after delete on interactions
      begin delete from counterpart_activity_state where workspace_id = old.workspace_id; end`.execute(db);
  } else {
    await sql`create function counterpart_activity_stale() returns trigger language plpgsql as $$
      begin
        delete from counterpart_activity_state where workspace_id = old.workspace_id;
        if tg_op = 'UPDATE' then delete from counterpart_activity_state where workspace_id = new.workspace_id; end if;
        return null;
      end $$`.execute(db);
    await sql`create trigger interactions_activity_update after update of workspace_id, kind, direction, counterpart_id, at on interactions
      for each row execute function counterpart_activity_stale()`.execute(db);
    await sql`create trigger interactions_activity_delete after delete on interactions
      for each row execute function counterpart_activity_stale()`.execute(db);
  }
}
