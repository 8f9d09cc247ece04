/**
 * The import pipeline's own guarantees around its two speed-ups: secondary indexes set aside
 * during a big import (and always built again, even after an import was killed), and reading
 * in a worker thread (same records, same errors). Runs on SQLite and, with DATABASE_URL, on
 * PostgreSQL, where indexes are never set aside.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { InputError } from '../domain/errors.js';
import { usingPostgres, withTestStore } from '../test-support/test-store.js';
import type { Store } from '../store/store.js';
import { importPath } from './import-path.js';

const dialect = usingPostgres ? 'postgres' : 'sqlite';

function writeJsonl(file: string, count: number, from = 0): string {
  const lines = ['{"type":"account","platform":"mastodon","handle":"@shop@bakers.social"}'];
  for (let i = from; i < from + count; i++) {
    const out = i % 3 === 0;
    const person = `@p${(i * 7) % 40}@example.social`;
    lines.push(JSON.stringify({
      type: 'interaction', platform: 'mastodon', id: `m-${i}`, at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
      actor: out ? '@shop@bakers.social' : person, target: out ? person : '@shop@bakers.social', kind: i % 2 ? 'reply' : 'like', ...(i % 2 ? { text: `hello ${i}` } : {}),
    }));
  }
  lines.splice(5, 0, '{"type":"interaction","platform":"mastodon","id":"bad","at":"yesterday","actor":"@x","kind":"like"}');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** The embedded file's indexes and notes, read through a connection of its own. */
function indexState(store: Store): { indexes: string[]; notes: number } {
  const db = new SqliteDatabase(store.where, { readonly: true });
  try {
    const indexes = (db.prepare("select name from sqlite_master where type = 'index' and tbl_name = 'interactions' order by name").all() as { name: string }[]).map((r) => r.name);
    const notes = (db.prepare('select count(*) as n from deferred_indexes').get() as { n: number }).n;
    return { indexes, notes };
  } finally {
    db.close();
  }
}

/** Everything an import writes, without the ids the database chose. */
async function snapshot(store: Store) {
  const interactions = await store.db
    .selectFrom('interactions as i')
    .innerJoin('identities as a', 'a.id', 'i.actor_id')
    .leftJoin('identities as c', 'c.id', 'i.counterpart_id')
    .select(['i.platform', 'i.pid', 'i.at', 'i.at_raw', 'i.kind', 'i.direction', 'i.text', 'a.handle as actor', 'c.handle as counterpart'])
    .orderBy('i.pid')
    .execute();
  return { stats: await store.stats(), people: (await store.people()).map((p) => p.identities.map((i) => i.handle)).sort(), interactions };
}

test(`[${dialect}] an import with its indexes set aside stores exactly what one without does, and builds them again`, async () => {
  const plain = await withTestStore(async (store, { dir }) => {
    const summary = await importPath(store, writeJsonl(join(dir, 'a.jsonl'), 3000), { deferIndexes: false, batchSize: 500 });
    return { summary, state: await snapshot(store), indexes: usingPostgres ? undefined : indexState(store) };
  });
  await withTestStore(async (store, { dir }) => {
    const file = writeJsonl(join(dir, 'a.jsonl'), 3000);
    const summary = await importPath(store, file, { deferIndexes: true, batchSize: 500 });
    assert.deepEqual({ ...summary, file: '' }, { ...plain.summary, file: '' });
    assert.deepEqual(await snapshot(store), plain.state);
    if (!usingPostgres) assert.deepEqual(indexState(store), plain.indexes);
    assert.ok(!usingPostgres || plain.indexes === undefined);
    const again = await importPath(store, file, { deferIndexes: true, batchSize: 500 });
    assert.deepEqual(again.interactions, { new: 0, known: 3000 });
    assert.equal(again.people, 0);
  });
});

test(`[${dialect}] indexes left aside by an import that was killed are built by the next import`, async () => {
  await withTestStore(async (store, { dir }) => {
    await importPath(store, writeJsonl(join(dir, 'a.jsonl'), 200));
    if (usingPostgres) {
      assert.equal(store.newImportWriter().deferIndexes(0, true), false);
      return;
    }
    const before = indexState(store);
    assert.ok(before.indexes.length >= 4);
    // What a killed import leaves: the indexes dropped and noted, nothing built.
    assert.equal(store.newImportWriter().deferIndexes(0, true), true);
    const killed = indexState(store);
    assert.deepEqual(killed.indexes, ['sqlite_autoindex_interactions_1']);
    assert.equal(killed.notes, before.indexes.length - 1);
    const summary = await importPath(store, writeJsonl(join(dir, 'b.jsonl'), 100, 200), { deferIndexes: false });
    assert.deepEqual(summary.interactions, { new: 100, known: 0 });
    assert.deepEqual(indexState(store), { indexes: before.indexes, notes: 0 });
  });
});

test(`[${dialect}] a damaged archive imported with its indexes set aside leaves the store and its indexes as they were`, async () => {
  await withTestStore(async (store, { dir }) => {
    await importPath(store, writeJsonl(join(dir, 'a.jsonl'), 200));
    const before = { state: await snapshot(store), indexes: usingPostgres ? undefined : indexState(store) };
    const root = join(dir, 'archive');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(root, 'data'), { recursive: true });
    writeFileSync(join(root, 'data', 'account.js'), 'window.YTD.account.part0 = [ { "account": { "username": "shop", "accountId": "100" } } ]');
    writeFileSync(join(root, 'data', 'tweets.js'), 'window.YTD.tweets.part0 = [ { "tweet": { "id_str": "1", "created_at": "Wed Oct 10 20:19:24 +0000 2018", "full_text": "hi" } }, { "tweet": { "id_');
    await assert.rejects(importPath(store, root, { deferIndexes: true }), (e: unknown) => e instanceof InputError && /cut off/.test(e.message));
    assert.deepEqual({ state: await snapshot(store), indexes: usingPostgres ? undefined : indexState(store) }, before);
  });
});

test(`[${dialect}] read in a worker thread, a file gives the same summary and the same errors`, async () => {
  await withTestStore(async (store, { dir }) => {
    const file = writeJsonl(join(dir, 'a.jsonl'), 5000);
    let last = 0;
    const inWorker = await importPath(store, file, { readInWorker: true, onProgress: (done) => (last = done) });
    assert.equal(last, (await import('node:fs')).statSync(file).size);
    assert.equal(inWorker.skippedCount, 1);
    assert.match(inWorker.skipped[0]!.reason, /bad date "yesterday"/);
    assert.equal(inWorker.skipped[0]!.line, 6);
    const again = await importPath(store, file, { readInWorker: false });
    assert.deepEqual(again.interactions, { new: 0, known: 5000 });

    const root = join(dir, 'archive');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(root, 'data'), { recursive: true });
    writeFileSync(join(root, 'data', 'account.js'), 'window.YTD.account.part0 = [ { "account": { "username": "shop", "accountId": "100" } } ]');
    writeFileSync(join(root, 'data', 'like.js'), 'window.YTD.like.part0 = [ { "like": { "tweetId": "1", oops } } ]');
    const before = await snapshot(store);
    await assert.rejects(importPath(store, root, { readInWorker: true }), (e: unknown) => {
      assert.ok(e instanceof InputError, `expected an InputError, got ${String(e)}`);
      assert.match(e.message, /data\/like\.js: item 1 is not valid JSON/);
      assert.ok(e.hint);
      return true;
    });
    assert.deepEqual(await snapshot(store), before);
  });
});
