import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

// Released migrations are never edited: add a new file instead.
export async function up(db: Kysely<unknown>, { idType }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('workspaces')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('identities')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('workspace_id', 'integer', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('handle', 'text')
    .addColumn('handle_norm', 'text')
    .addColumn('uid', 'text')
    .addColumn('person_id', 'integer')
    .addColumn('is_own', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('name', 'text')
    .addColumn('bio', 'text')
    .addColumn('location', 'text')
    .addColumn('followers', 'integer')
    .addColumn('following', 'integer')
    .addColumn('posts', 'integer')
    .addColumn('created', 'text')
    .addColumn('avatar', 'integer')
    .addColumn('url', 'text')
    .addColumn('first_seen', 'text', (c) => c.notNull())
    .addUniqueConstraint('identities_handle_key', ['workspace_id', 'platform', 'handle_norm'])
    .addUniqueConstraint('identities_uid_key', ['workspace_id', 'platform', 'uid'])
    .execute();
  await db.schema.createIndex('identities_person').on('identities').columns(['workspace_id', 'person_id']).execute();

  await db.schema
    .createTable('interactions')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('workspace_id', 'integer', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('pid', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('at_raw', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer', (c) => c.notNull())
    .addColumn('target_id', 'integer')
    .addColumn('counterpart_id', 'integer')
    .addColumn('text', 'text')
    .addColumn('in_reply_to', 'text')
    .addColumn('about', 'text')
    .addUniqueConstraint('interactions_pid_key', ['workspace_id', 'platform', 'pid'])
    .execute();
  await db.schema.createIndex('interactions_counterpart').on('interactions').columns(['workspace_id', 'counterpart_id', 'at']).execute();
  await db.schema.createIndex('interactions_at').on('interactions').columns(['workspace_id', 'at']).execute();

  await db.schema
    .createTable('notes')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('workspace_id', 'integer', (c) => c.notNull())
    .addColumn('identity_id', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('remind', 'text')
    .addColumn('key', 'text', (c) => c.notNull())
    .addUniqueConstraint('notes_key', ['workspace_id', 'key'])
    .execute();
  await db.schema.createIndex('notes_identity').on('notes').columns(['workspace_id', 'identity_id']).execute();

  await db.schema
    .createTable('settings')
    .addColumn('workspace_id', 'integer', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('settings_pkey', ['workspace_id', 'key'])
    .execute();

  await db.schema
    .createTable('imports')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('workspace_id', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .execute();
}
