import type { Kysely } from 'kysely';

// `rapport snooze HANDLE --until DATE` hides a person from the agenda until then.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('snoozes')
    .addColumn('workspace_id', 'integer', (c) => c.notNull())
    .addColumn('person_id', 'integer', (c) => c.notNull())
    .addColumn('until', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('snoozes_pkey', ['workspace_id', 'person_id'])
    .execute();
}
