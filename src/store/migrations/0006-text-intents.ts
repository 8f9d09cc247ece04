import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

// `rapport people` folds every relationship of the workspace, and reading each message with the
// language engine was most of its cost, repeated on every run. `text_intents` keeps, per
// workspace, the intents a fold acts on for every distinct text read so far, as one table in
// binary form (src/relationships/message-intents.ts: a hash table from text keys to intents, read
// back into memory in one piece), and the fingerprint of the settings they were read with
// (src/workspace/intents-fingerprint.ts): stored under another fingerprint, they are stale and
// replaced on the next fold. A cache: removing the row changes no result.
//
// On SQLite the counterpart index becomes a covering one: a fold reads every history through it,
// and each row fetched from the table by its rowid was a B-tree search of its own (most of a
// fold's time on a big workspace); with the fields a fold reads in the index, a range of people
// is one sequential pass over it. It costs disk (about 15% more on a workspace of short
// messages), and it cannot be done on PostgreSQL, whose index entries are limited to about 2.7 kB
// (a long message would not fit). Released migrations are never edited: add a new file instead.
export async function up(db: Kysely<unknown>, { idType }: MigrationContext): Promise<void> {
  const sqlite = idType === 'integer';
  await db.schema
    .createTable('text_intents')
    .addColumn('workspace_id', 'integer', (c) => c.primaryKey())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('intents', sqlite ? 'blob' : 'bytea', (c) => c.notNull())
    .execute();

  if (sqlite) {
    await db.schema.dropIndex('interactions_counterpart').ifExists().execute();
    // An import killed with the index set aside (migration 0005) must not build the old one again.
    await sql`delete from deferred_indexes where name = 'interactions_counterpart'`.execute(db);
    // In the order a fold reads them (person, time, then id: the store's tie-break), then the rest of FoldedInteraction.
    await db.schema.createIndex('interactions_history').on('interactions')
      .columns(['workspace_id', 'counterpart_id', 'at', 'id', 'kind', 'direction', 'pid', 'about', 'text']).execute();
  }
}
