/**
 * The store's behaviour suite. It runs unchanged on SQLite and, when DATABASE_URL is set, on
 * PostgreSQL (`.ci/run` does both), like Drizzle's shared driver suites.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SourceRecord } from '../domain/records.js';
import { parseRecord } from '../domain/records.js';
import { createTestLocation, usingPostgres, withTestStore } from '../test-support/test-store.js';
import { emptyTally } from './import-writer.js';
import { Store } from './store.js';

const dialect = usingPostgres ? 'postgres' : 'sqlite';

function records(...lines: object[]): SourceRecord[] {
  return lines.map((line) => {
    const result = parseRecord(line);
    if (!result.ok) throw new Error(result.reason);
    return result.record;
  });
}

const SHOP = { type: 'account', platform: 'mastodon', handle: '@shop@example.social' };
const ana = (id: string, at: string, kind: string, extra: object = {}) => ({
  type: 'interaction', platform: 'mastodon', id, at, actor: '@ana@example.social', target: '@shop@example.social', kind, ...extra,
});

async function write(store: Store, lines: SourceRecord[]) {
  const tally = emptyTally();
  const writer = store.newImportWriter('2026-11-23T00:00:00.000Z');
  await store.transaction((trx) => writer.write(trx, lines, tally));
  return tally;
}

test(`[${dialect}] writing records twice stores them once`, async () => {
  await withTestStore(async (store) => {
    const batch = records(SHOP, ana('m-1', '2026-11-01T10:00:00Z', 'reply', { text: 'Loved this!' }), ana('m-2', '2026-11-01T10:05:00Z', 'share'));
    const first = await write(store, batch);
    assert.deepEqual(first.interactions, { new: 2, known: 0 });
    assert.equal(first.people, 1);
    assert.equal(first.accounts, 1);
    assert.deepEqual(first.byKind, { reply: { in: 1, out: 0 }, share: { in: 1, out: 0 } });
    const second = await write(store, batch);
    assert.deepEqual(second.interactions, { new: 0, known: 2 });
    assert.equal(second.people, 0);
    assert.equal((await store.stats()).interactions.total, 2);
  });
});

test(`[${dialect}] an account named after its interactions still turns them outbound`, async () => {
  await withTestStore(async (store) => {
    await write(store, records({ type: 'interaction', platform: 'mastodon', id: 'm-9', at: '2026-11-01T10:00:00Z', actor: '@shop@example.social', target: '@ana@example.social', kind: 'dm', text: 'hi' }));
    await write(store, records(SHOP));
    const [person] = await store.findIdentities('@ana@example.social');
    assert.ok(person);
    const card = await store.person(person.personId);
    assert.ok(card);
    const [dm] = await store.interactionsWith(card);
    assert.equal(dm?.direction, 'out');
    const stats = await store.stats();
    assert.equal(stats.people, 1, 'the shop is not counted among people');
    assert.deepEqual(stats.accounts, [{ platform: 'mastodon', handle: '@shop@example.social' }]);
  });
});

test(`[${dialect}] someone known first by id only is completed, not duplicated, when their handle appears`, async () => {
  await withTestStore(async (store) => {
    await write(store, records(
      { type: 'account', platform: 'x', handle: '@shop', uid: '1' },
      { type: 'interaction', platform: 'x', id: 'follow:1:77', at: '2026-10-01T00:00:00Z', actorUid: '77', target: '@shop', kind: 'follow' },
    ));
    assert.equal((await store.findIdentities('@pia')).length, 0);
    const later = await write(store, records(
      { type: 'profile', platform: 'x', handle: '@Pia', uid: '77', name: 'Pia' },
      { type: 'interaction', platform: 'x', id: '5001', at: '2026-10-02T00:00:00Z', actor: '@pia', target: '@shop', kind: 'reply', text: 'hello' },
    ));
    assert.equal(later.people, 0, 'Pia is the follower already known by id');
    const [pia] = await store.findIdentities('pia');
    assert.equal(pia?.uid, '77');
    assert.equal(pia?.name, 'Pia');
    const card = await store.person(pia!.personId);
    assert.equal((await store.interactionsWith(card!)).length, 2);
  });
});

test(`[${dialect}] two identities recorded separately (by handle, then by id) are folded into one`, async () => {
  await withTestStore(async (store) => {
    await write(store, records(
      { type: 'account', platform: 'x', handle: '@shop', uid: '1' },
      { type: 'interaction', platform: 'x', id: 'a', at: '2026-10-01T00:00:00Z', actor: '@pia', target: '@shop', kind: 'mention', text: 'hi @shop' },
      { type: 'interaction', platform: 'x', id: 'b', at: '2026-10-01T00:00:00Z', actorUid: '77', target: '@shop', kind: 'follow' },
    ));
    assert.equal((await store.stats()).people, 2);
    await write(store, records({ type: 'profile', platform: 'x', handle: '@pia', uid: '77' }));
    const stats = await store.stats();
    assert.equal(stats.people, 1);
    assert.equal(stats.perPerson.max, 2);
  });
});

test(`[${dialect}] one batch naming a new person by id, by handle and by both makes one identity with both`, async () => {
  await withTestStore(async (store) => {
    const tally = await write(store, records(
      { type: 'account', platform: 'x', handle: '@shop', uid: '1' },
      { type: 'interaction', platform: 'x', id: 'f', at: '2026-10-01T00:00:00Z', actorUid: '77', targetUid: '1', kind: 'follow' },
      { type: 'interaction', platform: 'x', id: 'm', at: '2026-10-02T00:00:00Z', actor: '@pia', target: '@shop', kind: 'mention', text: 'hi @shop' },
      { type: 'interaction', platform: 'x', id: 'r', at: '2026-10-03T00:00:00Z', actor: '@Pia', actorUid: '77', target: '@shop', kind: 'reply', text: 'thanks!' },
    ));
    assert.equal(tally.people, 1);
    const [pia] = await store.findIdentities('@pia', 'x');
    assert.equal(pia?.uid, '77');
    assert.equal((await store.interactionsWith((await store.person(pia!.personId))!)).length, 3);
  });
});

test(`[${dialect}] people known only by their platform id are found by "id:…" or by their DID`, async () => {
  await withTestStore(async (store) => {
    await write(store, records(
      { type: 'account', platform: 'x', handle: '@shop', uid: '1' },
      { type: 'interaction', platform: 'x', id: 'f', at: '2026-10-01T00:00:00Z', actorUid: '48', targetUid: '1', kind: 'follow' },
      { type: 'account', platform: 'bluesky', handle: 'shop.bsky.social', uid: 'did:plc:shop' },
      { type: 'interaction', platform: 'bluesky', id: 'l', at: '2026-10-01T00:00:00Z', actorUid: 'did:plc:pia', targetUid: 'did:plc:shop', kind: 'like' },
    ));
    assert.deepEqual((await store.findIdentities('id:48')).map((i) => [i.platform, i.uid]), [['x', '48']]);
    assert.deepEqual((await store.findIdentities('did:plc:pia')).map((i) => [i.platform, i.uid]), [['bluesky', 'did:plc:pia']]);
    assert.deepEqual(await store.findIdentities('id:48', 'bluesky'), []);
  });
});

test(`[${dialect}] notes are kept once, with their reminder`, async () => {
  await withTestStore(async (store) => {
    const note = { type: 'note', platform: 'mastodon', handle: '@ana@example.social', at: '2026-11-02T09:00:00Z', text: 'away until the 12th', remind: '2026-11-12' };
    assert.deepEqual((await write(store, records(note))).notes, { new: 1, known: 0 });
    assert.deepEqual((await write(store, records(note))).notes, { new: 0, known: 1 });
    const [identity] = await store.findIdentities('@ana@example.social');
    const notes = await store.notesOf((await store.person(identity!.personId))!);
    assert.deepEqual(notes.map((n) => [n.text, n.remind]), [['away until the 12th', '2026-11-12']]);
  });
});

test(`[${dialect}] a failed transaction leaves nothing behind`, async () => {
  await withTestStore(async (store) => {
    const before = await store.stats();
    const writer = store.newImportWriter();
    await assert.rejects(
      store.transaction(async (trx) => {
        await writer.write(trx, records(SHOP, ana('m-1', '2026-11-01T10:00:00Z', 'reply')), emptyTally());
        throw new Error('disk full');
      }),
      /disk full/,
    );
    assert.deepEqual(await store.stats(), before);
  });
});

test(`[${dialect}] one workspace never sees another's data`, async () => {
  const location = await createTestLocation();
  const shop = await Store.open({ ...location.options, workspace: 'bakery' });
  const other = await Store.open({ ...location.options, workspace: 'florist' });
  try {
    await write(shop, records(SHOP, ana('m-1', '2026-11-01T10:00:00Z', 'reply')));
    assert.equal((await shop.stats()).interactions.total, 1);
    assert.equal((await other.stats()).interactions.total, 0);
    assert.deepEqual(await other.findIdentities('@ana@example.social'), []);
    assert.deepEqual(await other.people(), []);
  } finally {
    await shop.close();
    await other.close();
    await location.cleanup();
  }
});

test(`[${dialect}] handles are found without case, without "@", and by their user part`, async () => {
  await withTestStore(async (store) => {
    await write(store, records(SHOP, ana('m-1', '2026-11-01T10:00:00Z', 'reply')));
    for (const typed of ['@ana@example.social', 'ANA@Example.Social', 'ana']) {
      const found = await store.findIdentities(typed);
      assert.equal(found[0]?.handle, '@ana@example.social', typed);
    }
    assert.deepEqual(await store.suggestHandles('anna'), []);
    assert.deepEqual(await store.suggestHandles('@ana@other.social'), ['@ana@example.social']);
  });
});

test(`[${dialect}] settings are stored per workspace and can be removed`, async () => {
  await withTestStore(async (store) => {
    await store.setSetting('brand', 'Crumb & Co');
    assert.equal(await store.getSetting('brand'), 'Crumb & Co');
    await store.setSetting('brand', 'Crumb');
    assert.equal(await store.getSetting('brand'), 'Crumb');
    await store.setSetting('brand', undefined);
    assert.equal(await store.getSetting('brand'), undefined);
  });
});

test(`[${dialect}] identities merged by hand are one person, and unmerging separates them again`, async () => {
  await withTestStore(async (store) => {
    await write(store, records(
      SHOP,
      { type: 'account', platform: 'x', handle: '@shop' },
      ana('m-1', '2026-11-01T10:00:00Z', 'reply'),
      { type: 'interaction', platform: 'x', id: '900', at: '2026-11-02T10:00:00Z', actor: '@ana_x', target: '@shop', kind: 'mention', text: 'hi @shop' },
      { type: 'interaction', platform: 'x', id: '901', at: '2026-11-03T10:00:00Z', actor: '@ana_x2', target: '@shop', kind: 'like' },
    ));
    assert.equal((await store.stats()).people, 3);
    const [mastodon] = await store.findIdentities('@ana@example.social');
    const [x] = await store.findIdentities('@ana_x');
    const [x2] = await store.findIdentities('@ana_x2');
    await store.mergePeople(mastodon!.personId, x!.personId);
    await store.mergePeople(mastodon!.personId, x2!.personId);
    const merged = await store.person(mastodon!.personId);
    assert.deepEqual(merged?.identities.map((i) => i.handle), ['@ana@example.social', '@ana_x', '@ana_x2']);
    assert.equal((await store.interactionsWith(merged!)).length, 3);
    assert.equal((await store.stats()).people, 1);

    // Taking out the identity the person is known by leaves the other two together.
    await store.unmergeIdentity(mastodon!.id);
    assert.equal((await store.stats()).people, 2);
    const [xAgain] = await store.findIdentities('@ana_x');
    const rest = await store.person(xAgain!.personId);
    assert.deepEqual(rest?.identities.map((i) => i.handle), ['@ana_x', '@ana_x2']);
  });
});
