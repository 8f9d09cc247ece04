/**
 * Every test that touches the store runs against the embedded SQLite store by default and
 * against a real PostgreSQL server when DATABASE_URL is set; each gets its own database (or
 * folder) and removes it afterwards, so tests never see each other's data.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Store, type StoreOptions } from '../store/store.js';

export interface TestLocation {
  /** Options for `Store.open`. */
  readonly options: StoreOptions;
  /** Environment for a CLI child process that must use the same store. */
  readonly env: Record<string, string>;
  /** A folder of its own, for files the test writes. */
  readonly dir: string;
  cleanup(): Promise<void>;
}

export const usingPostgres = Boolean(process.env.DATABASE_URL);

let counter = 0;

export async function createTestLocation(): Promise<TestLocation> {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-test-'));
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    return {
      options: { dataDir: join(dir, 'workspace') },
      env: { RAPPORT_HOME: join(dir, 'workspace'), DATABASE_URL: '' },
      dir,
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `rapport_test_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    options: { dataDir: join(dir, 'workspace'), databaseUrl: url.toString() },
    env: { RAPPORT_HOME: join(dir, 'workspace'), DATABASE_URL: url.toString() },
    dir,
    cleanup: async () => {
      rmSync(dir, { recursive: true, force: true });
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** Opens a fresh store for one test, hands it to `fn`, and removes everything afterwards. */
export async function withTestStore<T>(fn: (store: Store, location: TestLocation) => Promise<T>, workspace?: string): Promise<T> {
  const location = await createTestLocation();
  const store = await Store.open({ ...location.options, ...(workspace ? { workspace } : {}) });
  try {
    return await fn(store, location);
  } finally {
    await store.close();
    await location.cleanup();
  }
}
