/**
 * The ordered, versioned migrations. Written once against Kysely's schema builder so that the
 * same files create the same tables on SQLite and PostgreSQL; only the id column type differs.
 */
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import * as initial from './0001-initial.js';
import * as snoozes from './0002-snoozes.js';
import * as outboundTexts from './0003-outbound-texts.js';
import * as counterpartActivity from './0004-counterpart-activity.js';
import * as deferredIndexes from './0005-deferred-indexes.js';
import * as textIntents from './0006-text-intents.js';

export interface MigrationContext {
  /** `integer` on SQLite (an alias of the rowid), `bigserial` on PostgreSQL. */
  readonly idType: 'integer' | 'bigserial';
}

type MigrationModule = { up(db: Kysely<unknown>, context: MigrationContext): Promise<void> };

const MIGRATIONS: Record<string, MigrationModule> = {
  '0001-initial': initial,
  '0002-snoozes': snoozes,
  '0003-outbound-texts': outboundTexts,
  '0004-counterpart-activity': counterpartActivity,
  '0005-deferred-indexes': deferredIndexes,
  '0006-text-intents': textIntents,
};

export function migrationProvider(context: MigrationContext): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return Object.fromEntries(
        Object.entries(MIGRATIONS).map(([name, m]) => [name, { up: (db: Kysely<unknown>) => m.up(db, context) }]),
      );
    },
  };
}
