import type { Kysely } from 'kysely';

// A big import into an empty or small embedded workspace sets the secondary indexes of
// `interactions` aside and builds them again at its end (src/store/import-writer.ts,
// `deferIndexes`): building an index from the finished table is far cheaper than keeping it up to
// date row by row, batch by batch. Each index set aside is recorded here with its definition, in
// the same transaction that drops it, so that an import killed half-way leaves a note the next
// import uses to build it again. Empty whenever no import is running; unused on
// PostgreSQL. Released migrations are never edited: add a new file instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('deferred_indexes')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('definition', 'text', (c) => c.notNull())
    .execute();
}
