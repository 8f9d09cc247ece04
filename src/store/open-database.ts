/**
 * Opens the Kysely database for a workspace: an embedded SQLite file by default, PostgreSQL when
 * a `postgres://` URL is given. Migrations run on open, so a new folder or an empty database is
 * ready at once. This is the only file that knows about drivers.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { StoreError } from '../domain/errors.js';
import { migrationProvider } from './migrations/index.js';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseLocation {
  /** Workspace folder for the embedded store (ignored when `databaseUrl` is set). */
  readonly dataDir?: string;
  /** `postgres://…`: use this PostgreSQL server instead of the embedded file. */
  readonly databaseUrl?: string;
}

export const SQLITE_FILE = 'rapport.db';

export interface OpenedDatabase {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  /** Where the data lives, for messages; never contains a password. */
  readonly where: string;
  /**
   * The embedded database's own handle, for the few hot paths (bulk import) where going through
   * the query builder costs more than the database work itself. Undefined on PostgreSQL.
   */
  readonly sqlite?: SqliteDatabase.Database;
}

export async function openDatabase(location: DatabaseLocation): Promise<OpenedDatabase> {
  const opened = location.databaseUrl ? openPostgres(location.databaseUrl) : openSqlite(location.dataDir);
  try {
    await migrate(opened);
  } catch (e) {
    await opened.db.destroy().catch(() => {});
    throw e;
  }
  return opened;
}

function openSqlite(dataDir: string | undefined): OpenedDatabase {
  if (!dataDir) throw new StoreError('No workspace folder given', { hint: 'Pass --data DIR or set RAPPORT_HOME.' });
  const file = join(dataDir, SQLITE_FILE);
  let sqlite: SqliteDatabase.Database;
  try {
    mkdirSync(dataDir, { recursive: true });
    sqlite = new SqliteDatabase(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('busy_timeout = 5000');
    // 64 MB of page cache keeps the interaction indexes in memory during big imports.
    sqlite.pragma('cache_size = -65536');
  } catch (e) {
    throw new StoreError(`Cannot open the workspace database ${file}: ${(e as Error).message}`, {
      hint: 'Check that the folder is writable, or choose another with --data DIR.',
      cause: e,
    });
  }
  const cached = withStatementCache(sqlite);
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: cached }) }), dialect: 'sqlite', where: file, sqlite: cached };
}

/**
 * Kysely prepares every query afresh; an import runs the same 1,000-row insert thousands of
 * times, and parsing that statement costs more than running it. Prepared statements are kept
 * by their SQL text (a few dozen distinct ones in practice).
 */
function withStatementCache(sqlite: SqliteDatabase.Database, size = 64): SqliteDatabase.Database {
  const cache = new Map<string, SqliteDatabase.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  return new Proxy(sqlite, {
    get(target, property, receiver) {
      if (property !== 'prepare') {
        const value = Reflect.get(target, property, receiver) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      }
      return (source: string) => {
        let statement = cache.get(source);
        if (!statement) {
          statement = prepare(source);
          if (cache.size >= size) cache.delete(cache.keys().next().value as string);
          cache.set(source, statement);
        }
        return statement;
      };
    },
  });
}

function openPostgres(url: string): OpenedDatabase {
  const where = redactUrl(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: 4,
    // COUNT(*) and bigserial ids arrive as int8; they fit comfortably in a JS number here.
    types: { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === 20 ? Number : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser },
  });
  pool.on('error', () => {});
  return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres', where };
}

async function migrate(opened: OpenedDatabase): Promise<void> {
  const migrator = new Migrator({
    db: opened.db,
    provider: migrationProvider({ idType: opened.dialect === 'sqlite' ? 'integer' : 'bigserial' }),
  });
  const { error } = await migrator.migrateToLatest();
  if (error) {
    const message = (error as Error).message ?? String(error);
    throw new StoreError(`Cannot prepare the database at ${opened.where}: ${message}`, {
      hint: opened.dialect === 'postgres'
        ? 'Check that PostgreSQL is running and that DATABASE_URL names a database you may write to.'
        : 'Check that the workspace folder is writable and not used by a newer rapport.',
      cause: error,
    });
  }
}

/** A database URL fit for messages and logs: the password is never shown. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the configured database';
  }
}
