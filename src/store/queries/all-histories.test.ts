/** Every person's history in batches: complete, in time order, up to the moment, merged people together. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { importPath } from '../../ingest/import-path.js';
import { HistoryBuilder } from '../../test-support/history-builder.js';
import { withTestStore } from '../../test-support/test-store.js';
import { personHistoryBatches, SqliteHistoryReader, type PersonHistory } from './all-histories.js';

test('batches hold every person once, with their interactions up to the moment in time order', async () => {
  const h = new HistoryBuilder();
  h.profile('@ana@example.social', { name: 'Ana' }).profile('@bo@example.social', { name: 'Bo' }).profile('@ana@other.social', { name: 'Ana too' });
  h.inbound('@ana@example.social', 'dm', '2026-11-03T10:00:00Z', { text: 'Hello!' });
  h.inbound('@ana@example.social', 'follow', '2026-11-01T10:00:00Z');
  h.outbound('@ana@example.social', 'dm', '2026-11-03T11:00:00Z', { text: 'Hi Ana!' });
  h.inbound('@ana@other.social', 'like', '2026-11-02T10:00:00Z');
  h.inbound('@bo@example.social', 'follow', '2026-11-02T10:00:00Z');
  h.inbound('@bo@example.social', 'dm', '2026-11-30T10:00:00Z', { text: 'Later' });
  h.post('2026-11-01T08:00:00Z', 'Our rye');
  await withTestStore(async (store, location) => {
    await importPath(store, h.writeTo(location.dir));
    const [ana, other] = [(await store.findIdentities('@ana@example.social'))[0]!, (await store.findIdentities('@ana@other.social'))[0]!];
    await store.mergePeople(ana.personId, other.personId);

    const batches: PersonHistory[][] = [];
    for await (const batch of personHistoryBatches(store, { until: '2026-11-20T00:00:00.000Z', maxInteractionsPerBatch: 1 })) batches.push(batch);
    assert.equal(batches.length, 2, 'a busy person fills a batch of their own');
    const all = batches.flat();
    assert.deepEqual(all.map((p) => p.person.identities.map((i) => i.handle)), [['@ana@example.social', '@ana@other.social'], ['@bo@example.social']]);
    assert.deepEqual(all[0]!.interactions.map((i) => [i.at.slice(0, 10), i.kind, i.direction]), [
      ['2026-11-01', 'follow', 'in'], ['2026-11-02', 'like', 'in'], ['2026-11-03', 'dm', 'in'], ['2026-11-03', 'dm', 'out'],
    ]);
    assert.equal(new Set(all.flatMap((p) => p.interactions.map((i) => i.id))).size, 5, 'no interaction twice');
    assert.deepEqual(all[1]!.interactions.map((i) => i.kind), ['follow'], 'nothing after the moment');
  });
});

test('on the embedded store a range of histories is one pass over a covering index, never the table', async (t) => {
  await withTestStore(async (store) => {
    if (store.dialect !== 'sqlite') return t.skip('the covering index is the embedded store\'s');
    const reader = new SqliteHistoryReader(store.where, store.workspaceId, '2026-11-20T00:00:00.000Z');
    try {
      const plan = reader.plan();
      assert.equal(plan.length, 1, plan.join('; '));
      assert.match(plan[0]!, /USING COVERING INDEX interactions_history/);
    } finally {
      reader.close();
    }
  });
});
