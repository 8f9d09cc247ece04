/** Everyone's relationship as of a moment: the same list whether folded here or by worker threads. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_FILE } from '../cli/commands/demo.js';
import { importPath } from '../ingest/import-path.js';
import { loadSnapshot } from './load-snapshot.js';
import { withTestStore } from '../test-support/test-store.js';
import { relationshipAsOf } from '../relationships/relationship.js';
import { deserializeIntentTable, serializeIntentTable } from '../relationships/message-intents.js';
import { saveTextIntents } from '../store/queries/text-intents.js';
import { listPeople } from './people-list.js';

const AT = '2026-11-20T18:00:00.000Z';

test('the list folds every person, closest first, as the whole-workspace snapshot does', async () => {
  await withTestStore(async (store) => {
    await importPath(store, DEMO_FILE);
    const rows = await listPeople(store, AT, { workers: 0 });
    const snapshot = await loadSnapshot(store, AT);
    assert.equal(rows.length, snapshot.people.length);
    for (const row of rows) {
      const person = snapshot.people.find((p) => p.id === row.id);
      assert.ok(person, `person ${row.id} is in the workspace`);
      const rel = relationshipAsOf({ interactions: snapshot.interactionsByPerson.get(row.id) ?? [], at: AT, read: snapshot.read, playbook: snapshot.playbook, identities: person.identities });
      assert.equal(row.stage, rel.stage, `stage of ${row.name}`);
      assert.deepEqual(row.warmth, rel.warmth);
      assert.deepEqual(row.touches, rel.touches);
    }
    const ranks = rows.map((r) => ['stranger', 'connected', 'acquainted', 'engaged', 'trusted', 'advocate'].indexOf(r.stage));
    assert.deepEqual(ranks, [...ranks].sort((a, b) => b - a), 'closest stages first');
    assert.ok(rows.some((r) => r.stage === 'advocate') && rows.some((r) => r.stage === 'connected'), 'the demo has people at several stages');
  });
});

test('worker threads give exactly the list folded in one thread', async () => {
  await withTestStore(async (store) => {
    await importPath(store, DEMO_FILE);
    // Nothing stored yet: the workers share out the workspace's texts first, then fold.
    const inWorkers = await listPeople(store, AT, { workers: 2, peoplePerGroup: 3 });
    await store.db.deleteFrom('text_intents').execute();
    // In one thread, each text is read as the fold comes to it.
    const here = await listPeople(store, AT, { workers: 0 });
    assert.deepEqual(inWorkers, here);
  });
});

test('a damaged stored model stops the list with the way out, whether folded here or in threads', async () => {
  await withTestStore(async (store) => {
    await importPath(store, DEMO_FILE);
    await store.setSetting('language.model', '{"weights": "not a model"}');
    for (const workers of [0, 2]) {
      await assert.rejects(listPeople(store, AT, { workers }), (e: Error & { hint?: string }) => /damaged/.test(e.message) && /rapport train --reset/.test(e.hint ?? ''));
    }
  });
});

test('each text is read once: the next list finds its intents stored, until a setting changes how texts read', async () => {
  await withTestStore(async (store) => {
    await importPath(store, DEMO_FILE);
    const stored = async () => {
      const row = await store.db.selectFrom('text_intents').selectAll().where('workspace_id', '=', store.workspaceId).executeTakeFirst();
      return row && { fingerprint: row.fingerprint, table: deserializeIntentTable(row.intents)! };
    };
    const first = await listPeople(store, AT, { workers: 0 });
    const before = await stored();
    assert.ok(before && before.table.size > 50, `the demo's texts are stored (${before?.table.size})`);
    assert.deepEqual(await listPeople(store, AT, { workers: 0 }), first, 'the same list from stored intents');
    assert.deepEqual(await listPeople(store, AT, { workers: 2, peoplePerGroup: 3 }), first, 'the same in worker threads');
    assert.equal((await stored())?.table.size, before.table.size, 'nothing new to store');

    // Stored intents are used as they are: make every stored text a pitch, and asks appear.
    const pitches = { ...before.table, sets: before.table.sets.map(() => '{"pitch":{"score":1,"evidence":["stored"]}}') };
    await saveTextIntents(store, before.fingerprint, serializeIntentTable(pitches));
    const asks = (rows: typeof first) => rows.reduce((n, r) => n + r.ledger.asks, 0);
    assert.ok(asks(await listPeople(store, AT, { workers: 0 })) > asks(first));

    // A new brand domain changes how links read: every text is read again with it.
    await store.setSetting('brand.domains', JSON.stringify(['far-away-bakery.example']));
    assert.deepEqual(await listPeople(store, AT, { workers: 0 }), first);
    const after = await stored();
    assert.notEqual(after?.fingerprint, before.fingerprint);
    assert.equal(after?.table.size, before.table.size);
  });
});

test('stored intents that are not a table are read as none and replaced', async () => {
  await withTestStore(async (store) => {
    await importPath(store, DEMO_FILE);
    const first = await listPeople(store, AT, { workers: 0 });
    const row = await store.db.selectFrom('text_intents').selectAll().executeTakeFirstOrThrow();
    await saveTextIntents(store, row.fingerprint, new Uint8Array([1, 2, 3]));
    assert.deepEqual(await listPeople(store, AT, { workers: 0 }), first);
    const again = await store.db.selectFrom('text_intents').selectAll().executeTakeFirstOrThrow();
    assert.ok(deserializeIntentTable(again.intents));
  });
});
