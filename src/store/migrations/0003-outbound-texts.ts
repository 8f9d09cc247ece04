import { sql, type Kysely } from 'kysely';

// The coach compares each draft with your recent messages to other people (is it a pasted
// template?). Outbound texts are a small share of all interactions (likes and follows dominate),
// so a partial index keeps that lookup fast without slowing imports much.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('interactions_outbound_texts')
    .on('interactions')
    .columns(['workspace_id', 'at'])
    .where(sql.ref('direction'), '=', 'out')
    .where(sql.ref('text'), 'is not', null)
    .execute();
}
