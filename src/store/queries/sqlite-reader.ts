/**
 * A read-only better-sqlite3 connection beside the store's own, for the few reads that go through
 * millions of rows (every history of the workspace, the agenda's candidates' histories). There,
 * Kysely's per-row objects and the async round trip per query cost more than SQLite itself;
 * raw statements that return arrays (`raw()`) and iterate one row at a time do not.
 *
 * Only for the embedded store: on PostgreSQL this returns undefined and callers use the query
 * layer. The connection reads what is committed (WAL), so it never sees a transaction that is
 * still open on the store's own connection — none of its callers run inside one.
 */
import SqliteDatabase from 'better-sqlite3';
import type { Store } from '../store.js';

const readers = new WeakMap<Store, SqliteDatabase.Database>();

export function sqliteReader(store: Store): SqliteDatabase.Database | undefined {
  if (store.dialect !== 'sqlite') return undefined;
  let db = readers.get(store);
  if (!db || !db.open) {
    // `where` is the database file of an embedded store (see open-database.ts).
    db = new SqliteDatabase(store.where, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -65536');
    readers.set(store, db);
  }
  return db;
}

/** Closes the reader of this store, if one was opened (Store.close calls this). */
export function closeSqliteReader(store: Store): void {
  readers.get(store)?.close();
  readers.delete(store);
}
