import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { InputError } from '../../domain/errors.js';
import { importPath } from '../../ingest/import-path.js';
import { openInput } from '../archive/open-input.js';
import { withTestStore } from '../../test-support/test-store.js';
import type { Store } from '../../store/store.js';
import { mastodonSource } from './mastodon-source.js';
import {
  ANN, BO, CSV, csvFiles, LIKED, NEWER_BY_KIND, NEWER_PEOPLE, newerArchive, olderArchive, outboxItems, outboxJson, writeFolder, writeTarGz, writeZip,
} from './test-fixtures.js';

const isInputError = (pattern: RegExp) => (e: unknown) => {
  assert.ok(e instanceof InputError, String(e));
  assert.match(e.message, pattern);
  return true;
};


const OLDER_BY_KIND = {
  dm: { in: 0, out: 3 },
  like: { in: 0, out: 3 },
  mention: { in: 0, out: 2 },
  post: { in: 0, out: 3 },
  reply: { in: 0, out: 2 },
  share: { in: 0, out: 3 },
};

async function interactions(store: Store) {
  const rows = await store.db
    .selectFrom('interactions as i')
    .leftJoin('identities as a', 'a.id', 'i.actor_id')
    .leftJoin('identities as t', 't.id', 'i.target_id')
    .select(['i.pid', 'i.kind', 'i.direction', 'i.at', 'i.at_raw', 'i.text', 'i.in_reply_to', 'i.about', 'a.handle as actor', 't.handle as target'])
    .orderBy('i.pid')
    .execute();
  return new Map(rows.map((r) => [r.pid, r]));
}

test('a Mastodon archive zip imports posts, replies, mentions, DMs, boosts, quotes and likes; twice adds nothing', async () => {
  await withTestStore(async (store, { dir }) => {
    const file = await writeZip(join(dir, 'archive-20240310120000-0123456789abcdef0123456789abcdef.zip'), newerArchive());
    const first = await importPath(store, file);
    assert.equal(first.format, 'Mastodon archive');
    assert.equal(first.found, 'Mastodon archive of @ann@ex.social: 13 posts (replies and DMs among them), 3 boosts, 5 likes');
    assert.deepEqual(first.byKind, NEWER_BY_KIND);
    assert.equal(first.people, NEWER_PEOPLE);
    assert.equal(first.accounts, 1);
    assert.equal(first.interactions.new, 22);
    assert.deepEqual(first.skipped.map((s) => s.reason.replace(/ \(.*/, '')), [
      'item 15: a post given only by its address',
      'item 16: direct post https://ex.social/users/ann/statuses/1016: addressed to nobody but its author',
      'bookmarks are not imported: they are private and say nothing about the author',
    ]);

    const stats = await store.stats();
    assert.deepEqual(stats.accounts, [{ platform: 'mastodon', handle: '@ann@ex.social' }]);

    const again = await importPath(store, file);
    assert.deepEqual(again.byKind, {});
    assert.equal(again.people, 0);
    assert.deepEqual(again.interactions, { new: 0, known: 22 });
    assert.deepEqual(await store.stats(), stats);
  });
});

test('each activity maps to the right kind, other party, time and text', async () => {
  await withTestStore(async (store, { dir }) => {
    await importPath(store, await writeZip(join(dir, 'a.zip'), newerArchive()));
    const all = await interactions(store);
    const s = (n: number) => `${ANN}/statuses/${n}`;
    const get = (pid: string) => {
      const row = all.get(pid);
      assert.ok(row, `no interaction ${pid}; have ${[...all.keys()].join(', ')}`);
      return row;
    };

    const post = get(s(1001));
    assert.equal(post.kind, 'post');
    assert.equal(post.direction, 'out');
    assert.equal(post.actor, '@ann@ex.social');
    assert.equal(post.target, null);
    assert.equal(post.text, 'Our first rye of the season & more\n\nLine two\nline three');
    assert.equal(post.at, '2024-03-01T09:00:00.000Z');
    assert.equal(post.at_raw, '2024-03-01T09:00:00Z');

    const reply = get(s(1002));
    assert.equal(reply.kind, 'reply');
    assert.equal(reply.target, '@bo@other.net');
    assert.equal(reply.in_reply_to, `${BO}/statuses/77`);
    assert.equal(reply.text, '@bo Loved this! See https://example.com/rye');

    const mentioned = get(s(1003));
    assert.equal(mentioned.kind, 'post');
    assert.equal(mentioned.at, '2024-03-03T11:00:00.000Z');
    assert.equal(mentioned.at_raw, '2024-03-03T12:00:00+01:00');
    assert.equal(get(`${s(1003)}#mention:https://ex.social/users/cy`).target, '@cy@ex.social');
    assert.equal(get(`${s(1003)}#mention:https://far.example/users/dee`).target, '@dee@far.example');

    const thread = get(s(1004));
    assert.equal(thread.kind, 'post');
    assert.equal(thread.in_reply_to, s(1001));

    const dm = get(s(1005));
    assert.equal(dm.kind, 'dm');
    assert.equal(dm.target, '@bo@other.net');
    assert.equal(dm.text, '@bo are you free on Friday? <3');
    assert.equal(get(s(1006)).target, '@bo@other.net');
    assert.equal(get(`${s(1006)}#dm:https://far.example/users/dee`).target, '@dee@far.example');

    assert.equal(get(s(1007)).kind, 'reply');
    assert.equal(get(s(1007)).target, '@dee@far.example');
    assert.equal(get(s(1007)).in_reply_to, 'https://far.example/objects/5f1c');

    const boost = get(`${s(1008)}/activity`);
    assert.equal(boost.kind, 'share');
    assert.equal(boost.target, '@bo@other.net');
    assert.equal(boost.about, `${BO}/statuses/88`);
    assert.equal(get(`${s(1009)}/activity`).target, '@eve@misc.net');
    assert.equal(get(`${s(1010)}/activity`).target, null);
    assert.equal(get(`${s(1010)}/activity`).about, s(1004));

    const quote = get(s(1011));
    assert.equal(quote.kind, 'quote');
    assert.equal(quote.target, '@bo@other.net');
    assert.equal(quote.about, `${BO}/statuses/90`);
    assert.equal(get(s(1012)).kind, 'quote');
    assert.equal(get(s(1012)).about, null);
    assert.equal(get(s(1013)).kind, 'post');
    assert.equal(get(s(1014)).text, 'food\n\nBurnt the loaf.');

    const like = get(`like:ann@ex.social:${LIKED.bo}`);
    assert.equal(like.kind, 'like');
    assert.equal(like.target, '@bo@other.net');
    assert.equal(like.about, LIKED.bo);
    assert.equal(like.at, '2024-02-20T08:30:00.000Z', 'a like is dated by the liked status id');
    assert.equal(like.at_raw, null);
    assert.equal(get(`like:ann@ex.social:${LIKED.eve}`).target, '@eve@misc.net');
    assert.equal(get(`like:ann@ex.social:${LIKED.eve}`).at, '1970-01-01T00:00:00.000Z');
    assert.equal(get(`like:ann@ex.social:${LIKED.pleroma}`).target, null);
    assert.equal(get(`like:ann@ex.social:${LIKED.own}`).target, null);
    assert.equal(get(`like:ann@ex.social:${LIKED.fay}`).target, '@fay@newbie.org');

    const [owner] = await store.ownAccounts();
    assert.equal(owner?.handle, '@ann@ex.social');
    const ownRow = await store.db.selectFrom('identities').selectAll().where('is_own', '=', 1).executeTakeFirstOrThrow();
    assert.equal(ownRow.uid, ANN);
    assert.equal(ownRow.name, 'Ann’s Bakery');
    assert.equal(ownRow.bio, 'Bread & pastries in Porto.\nOrders by DM.');
  });
});

test('an older .tar.gz archive, then a newer overlapping zip: the zip adds only what is new', async () => {
  await withTestStore(async (store, { dir }) => {
    const older = await writeTarGz(join(dir, 'archive-20240307.tar.gz'), join(dir, 'older'), olderArchive());
    const first = await importPath(store, older);
    assert.equal(first.found, 'Mastodon archive of @ann@ex.social: 7 posts (replies and DMs among them), 3 boosts, 3 likes');
    assert.deepEqual(first.byKind, OLDER_BY_KIND);
    assert.equal(first.people, 4);

    const newer = await importPath(store, await writeZip(join(dir, 'newer.zip'), newerArchive()));
    assert.deepEqual(newer.byKind, {
      like: { in: 0, out: 2 },
      post: { in: 0, out: 2 },
      quote: { in: 0, out: 2 },
    });
    assert.equal(newer.people, 1);
    assert.deepEqual(newer.interactions, { new: 6, known: 16 });
  });
});

test('the unpacked folder imports like the zip, and the CSV exports in it add follows', async () => {
  await withTestStore(async (store, { dir }) => {
    const folder = writeFolder(join(dir, 'archive'), { ...newerArchive(), ...csvFiles() });
    const summary = await importPath(store, folder);
    assert.equal(summary.found, 'Mastodon archive of @ann@ex.social: 13 posts (replies and DMs among them), 3 boosts, 5 likes, 2 followers, 4 followed accounts, 5 other CSV exports not imported (blocked accounts, blocked domains, bookmarks, list members, muted accounts)');
    assert.deepEqual(summary.byKind, { ...NEWER_BY_KIND, follow: { in: 2, out: 3 } });
    // + gus, hal (following), ivy (follower); bo and dee were known from the outbox.
    assert.equal(summary.people, NEWER_PEOPLE + 3);
    const reasons = summary.skipped.filter((s) => s.file?.endsWith('.csv')).map((s) => `${s.file}${s.line ? `:${s.line}` : ''} ${s.reason}`).sort();
    const expected = [
      /^blocked_accounts\.csv a bare list of accounts \(the shape of the blocked-accounts export\) is not imported/,
      /^blocked_domains\.csv blocked domains are not imported/,
      /^bookmarks\.csv bookmarks are not imported/,
      /^following_accounts\.csv:5 "not-an-address" is not an account address/,
      /^lists\.csv list memberships are not imported/,
      /^muted_accounts\.csv muted accounts are not imported/,
    ];
    assert.equal(reasons.length, expected.length, reasons.join('\n'));
    expected.forEach((pattern, i) => assert.match(reasons[i] ?? '', pattern));
    const all = await interactions(store);
    const follow = all.get('follow:ann@ex.social:gus@gus.social');
    assert.equal(follow?.direction, 'out');
    assert.equal(follow?.at, '1970-01-01T00:00:00.000Z');
    assert.equal(all.get('follow:ivy@ivy.town:ann@ex.social')?.direction, 'in');
    assert.equal(all.get('follow:ivy@ivy.town:ann@ex.social')?.actor, 'ivy@ivy.town'.replace(/^/, '@'));

    const again = await importPath(store, folder);
    assert.equal(again.interactions.new, 0);
    assert.equal(again.people, 0);
  });
});

test('a lone outbox.json imports with the owner taken from its activities', async () => {
  await withTestStore(async (store, { dir }) => {
    const file = join(dir, 'outbox.json');
    writeFileSync(file, outboxJson(outboxItems().newer));
    const summary = await importPath(store, file);
    assert.equal(summary.found, 'Mastodon archive of @ann@ex.social: 13 posts (replies and DMs among them), 3 boosts');
    const { like: _like, ...outboxKinds } = NEWER_BY_KIND;
    assert.deepEqual(summary.byKind, outboxKinds);
    assert.equal(summary.people, 4);
    assert.deepEqual((await store.stats()).accounts, [{ platform: 'mastodon', handle: '@ann@ex.social' }]);
  });
});

test('a lone muted-accounts CSV is recognised by its header and skipped with a reason', async () => {
  await withTestStore(async (store, { dir }) => {
    const file = join(dir, 'export (3).csv');
    writeFileSync(file, CSV.muted);
    const summary = await importPath(store, file);
    assert.equal(summary.format, 'Mastodon CSV export');
    assert.equal(summary.interactions.new, 0);
    assert.match(summary.skipped[0]?.reason ?? '', /muted accounts are not imported/);
  });
});

test('a lone following CSV, which does not say whose it is, is refused with a way out', async () => {
  await withTestStore(async (store, { dir }) => {
    const file = join(dir, 'following_accounts.csv');
    writeFileSync(file, CSV.following);
    const before = await store.stats();
    await assert.rejects(importPath(store, file), isInputError(/following_accounts\.csv does not say whose account it is/));
    assert.deepEqual(await store.stats(), before);
  });
});

test('a lone following CSV imports when the pipeline names the one Mastodon account', async () => {
  await withTestStore(async (_store, { dir }) => {
    const file = join(dir, 'following_accounts.csv');
    writeFileSync(file, CSV.following);
    const files = await openInput(file);
    try {
      const context = { progress: () => {}, ownAccounts: [{ platform: 'mastodon', handle: '@ann@ex.social' }] };
      const kinds: string[] = [];
      for await (const item of mastodonSource.read(files, context)) {
        if ('record' in item) kinds.push(item.record.type === 'interaction' ? `${item.record.kind}:${item.record.target}` : item.record.type);
      }
      assert.deepEqual(kinds, ['account', 'follow:@bo@other.net', 'follow:@gus@gus.social', 'follow:@hal@ex.social']);
    } finally {
      await files.close();
    }
  });
});

test('a lone following CSV goes to the Mastodon account the workspace already has', async () => {
  await withTestStore(async (store, { dir }) => {
    await importPath(store, await writeZip(join(dir, 'archive.zip'), newerArchive()));
    const file = join(dir, 'following_accounts.csv');
    writeFileSync(file, CSV.following);
    const summary = await importPath(store, file);
    assert.equal(summary.format, 'Mastodon CSV export');
    assert.deepEqual(summary.byKind, { follow: { in: 0, out: 3 } });
    assert.equal(summary.accounts, 0);
    // bo was known from the archive; gus and hal are new.
    assert.equal(summary.people, 2);
    assert.deepEqual((await store.stats()).accounts, [{ platform: 'mastodon', handle: '@ann@ex.social' }]);
    assert.equal((await importPath(store, file)).interactions.new, 0);
  });
});

test('bad input names the file and the problem, and leaves the store as it was', async () => {
  await withTestStore(async (store, { dir }) => {
    await importPath(store, await writeZip(join(dir, 'old.zip'), olderArchive()));
    const before = await store.stats();

    // outbox.json cut in the middle: the items before the cut must not be written either.
    const full = outboxJson(outboxItems().newer);
    const cut = await writeZip(join(dir, 'cut.zip'), { ...newerArchive(), 'outbox.json': full.slice(0, Math.floor(full.length * 0.8)) });
    await assert.rejects(importPath(store, cut), isInputError(/cut\.zip: outbox\.json: not valid JSON, the file looks cut off or damaged/));
    assert.deepEqual(await store.stats(), before);

    // A CSV with a wrong header, alone and inside an archive folder.
    const bad = join(dir, 'following_accounts.csv');
    writeFileSync(bad, 'Acount adress,Show boosts\nbo@other.net,true\n');
    await assert.rejects(importPath(store, bad), isInputError(/following_accounts\.csv: the header "Acount adress,Show boosts" is not one of Mastodon's export headers/));
    const folder = writeFolder(join(dir, 'with-bad-csv'), { ...newerArchive(), 'following_accounts.csv': 'Account address,Boosts\nbo@other.net,true\n' });
    await assert.rejects(importPath(store, folder), isInputError(/with-bad-csv: following_accounts\.csv: the header "Account address,Boosts" has columns no Mastodon export has/));
    assert.deepEqual(await store.stats(), before);

    // A zip that is not a Mastodon archive (nor anything else).
    const other = await writeZip(join(dir, 'holiday.zip'), { 'notes.txt': 'hello', 'outbox.txt': 'not it' });
    await assert.rejects(importPath(store, other), isInputError(/holiday\.zip: not a kind of file rapport can import/));

    // actor.json that is not an actor.
    const noActor = writeFolder(join(dir, 'broken-actor'), { 'actor.json': '{"preferredUsername":"ann","outbox":"outbox.json"', 'outbox.json': outboxJson([]) });
    await assert.rejects(importPath(store, noActor), isInputError(/broken-actor: actor\.json: not valid JSON/));
    assert.deepEqual(await store.stats(), before);
  });
});

test('detect leaves other kinds of input alone', async () => {
  await withTestStore(async (_store, { dir }) => {
    mkdirSync(join(dir, 'x'));
    const cases: Record<string, string> = {
      'tweets.js': 'window.YTD.tweets.part0 = []',
      'data.json': '{"hello":"world"}',
      'Connections.csv': 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAna,Silva,https://www.linkedin.com/in/ana,,Acme,CEO,01 Mar 2024\n',
      'Email Addresses.csv': 'Email Address,Confirmed,Primary,Updated On\nann@ex.social,Yes,Yes,2024-01-01\n',
    };
    for (const [name, content] of Object.entries(cases)) {
      const file = join(dir, 'x', name);
      writeFileSync(file, content);
      const files = await openInput(file);
      try {
        assert.equal(await mastodonSource.detect(files), null, name);
      } finally {
        await files.close();
      }
    }
  });
});
