/** The agenda's per-counterpart table: kept up to date by imports, exactly what a rebuild gives. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { importPath } from '../../ingest/import-path.js';
import { HistoryBuilder } from '../../test-support/history-builder.js';
import { withTestStore } from '../../test-support/test-store.js';
import type { Store } from '../store.js';
import { counterpartActivityState, refreshCounterpartActivity } from './activity.js';

async function rows(store: Store): Promise<unknown[]> {
  return (await sql`select * from counterpart_activity where workspace_id = ${store.workspaceId} order by identity_id`.execute(store.db)).rows;
}

/** The table as a rebuild from nothing makes it. */
async function rebuilt(store: Store): Promise<unknown[]> {
  await sql`delete from counterpart_activity_state where workspace_id = ${store.workspaceId}`.execute(store.db);
  await refreshCounterpartActivity(store);
  return rows(store);
}

test('imports keep the per-counterpart table equal to a rebuild; a changed interaction makes it stale', async () => {
  const h = new HistoryBuilder();
  h.profile('@ana@example.social', { name: 'Ana' }).profile('@bo@example.social', { name: 'Bo' });
  h.inbound('@ana@example.social', 'follow', '2026-11-01T10:00:00Z');
  h.inbound('@ana@example.social', 'share', '2026-11-02T10:00:00Z');
  h.inbound('@ana@example.social', 'dm', '2026-11-03T10:00:00Z', { text: 'Do you ship to Canada?' });
  h.outbound('@ana@example.social', 'reply', '2026-11-03T11:00:00Z', { text: 'We do!' });
  h.inbound('@bo@example.social', 'like', '2026-11-04T10:00:00Z');
  await withTestStore(async (store, location) => {
    await importPath(store, h.writeTo(location.dir, 'one.jsonl'));
    assert.deepEqual(await counterpartActivityState(store), { maxAt: '2026-11-04T10:00:00.000Z' });
    const first = await rows(store);
    assert.equal(first.length, 1, 'likes open and close nothing: only Ana has a row');
    assert.deepEqual(first, await rebuilt(store));

    // A later import folds in only its new rows, older and newer times alike.
    h.inbound('@bo@example.social', 'mention', '2026-11-05T10:00:00Z', { text: 'Love this bakery' });
    h.inbound('@ana@example.social', 'quote', '2026-10-01T10:00:00Z', { text: 'Old news' });
    h.outbound('@ana@example.social', 'share', '2026-11-06T10:00:00Z');
    await importPath(store, h.writeTo(location.dir, 'two.jsonl'));
    assert.deepEqual(await counterpartActivityState(store), { maxAt: '2026-11-06T10:00:00.000Z' });
    const second = await rows(store);
    assert.equal(second.length, 2);
    assert.deepEqual(second, await rebuilt(store));

    // Interactions changed after a refresh (here by hand) leave the table stale until the next one.
    await sql`update interactions set kind = kind where workspace_id = ${store.workspaceId}`.execute(store.db);
    assert.equal(await counterpartActivityState(store), undefined);
    await refreshCounterpartActivity(store);
    assert.deepEqual(await rows(store), second);

    // An import that learns Bo is one of your accounts turns his interactions around: rebuilt.
    const own = new HistoryBuilder({ shop: '@bo@example.social' });
    await importPath(store, own.writeTo(location.dir, 'three.jsonl'));
    assert.ok(await counterpartActivityState(store));
    const third = await rows(store);
    assert.deepEqual(third, await rebuilt(store));
    const bo = (await store.findIdentities('@bo@example.social'))[0]!;
    assert.ok(!third.some((r) => Number((r as { identity_id: unknown }).identity_id) === bo.id), 'Bo is no longer anyone\'s counterpart');
  });
});
