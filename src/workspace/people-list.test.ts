/** Everyone's relationship as of a moment: the same list whether folded here or by worker threads. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_FILE } from '../cli/commands/demo.js';
import { importPath } from '../ingest/import-path.js';
import { loadSnapshot } from './load-snapshot.js';
import { withTestStore } from '../test-support/test-store.js';
import { relationshipAsOf } from '../relationships/relationship.js';
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
    const here = await listPeople(store, AT, { workers: 0 });
    const inWorkers = await listPeople(store, AT, { workers: 2, peoplePerGroup: 3 });
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
