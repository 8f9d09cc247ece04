/**
 * The benchmark workspace is written straight into the store for speed: it must hold exactly the
 * rows that importing the same records as rapport JSONL through `importPath` gives.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { importPath } from '../ingest/import-path.js';
import { SQLITE_FILE } from '../store/open-database.js';
import { Store } from '../store/store.js';
import { writeBenchJsonl, writeBenchStore } from './bench-workspace.js';

test('the bench workspace written straight into the store equals the one imported from its JSONL', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-ws-'));
  try {
    const size = { people: 300, interactions: 6_000 };
    const direct = await writeBenchStore(join(dir, 'direct'), size);
    const file = join(dir, 'bench.jsonl');
    const written = await writeBenchJsonl(file, size);
    assert.deepEqual(direct, written);
    const store = await Store.open({ dataDir: join(dir, 'imported') });
    try {
      const summary = await importPath(store, file);
      assert.equal(summary.skippedCount, 0);
    } finally {
      await store.close();
    }
    const rows = (name: string, query: string) => {
      const db = new SqliteDatabase(join(dir, name, SQLITE_FILE), { readonly: true });
      try {
        return db.prepare(query).all();
      } finally {
        db.close();
      }
    };
    for (const query of [
      'select id, workspace_id, platform, handle, handle_norm, uid, person_id, is_own, name, bio, location, followers, following, posts, created, avatar, url from identities order by id',
      'select * from interactions order by id',
      'select * from notes order by id',
      "select name, sql from sqlite_master where type = 'index' order by name",
    ]) {
      assert.deepEqual(rows('direct', query), rows('imported', query), query);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
