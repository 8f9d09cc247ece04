import assert from 'node:assert/strict';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import yazl from 'yazl';
import { InputError } from '../../domain/errors.js';
import { importPath } from '../../ingest/import-path.js';
import type { Store } from '../../store/store.js';
import { withTestStore } from '../../test-support/test-store.js';

// ---- fixture builders (shapes from FORMATS.md §2) -------------------------------------------

type Files = Record<string, string>;

const ytd = (global: string, items: unknown[]) => `window.YTD.${global} = ${JSON.stringify(items, null, 2)}`;
const wrap = (key: string, items: unknown[]) => items.map((v) => ({ [key]: v }));

function writeFolder(root: string, files: Files): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

async function writeZip(path: string, files: Files): Promise<string> {
  const zip = new yazl.ZipFile();
  for (const [name, text] of Object.entries(files)) zip.addBuffer(Buffer.from(text), name);
  zip.end();
  await new Promise<void>((resolve, reject) => {
    const out = createWriteStream(path);
    zip.outputStream.pipe(out).on('close', resolve).on('error', reject);
  });
  return path;
}

const OWNER = { username: 'shop', accountId: '100', accountDisplayName: 'Crumb & Co', createdAt: '2015-03-01T09:00:00.000Z', email: 'x@example.com', createdVia: 'web' };

const mention = (id: string, screen: string, name: string) => ({ id_str: id, id, screen_name: screen, name, indices: ['0', String(screen.length + 1)] });
const entities = (user_mentions: unknown[] = [], urls: unknown[] = []) => ({ user_mentions, urls, hashtags: [], symbols: [] });

// Main archive (zip): every tweet variation, 1:1 and group DMs with reactions, likes, follows.
const TWEETS = [
  // T1 post, HTML-escaped, old API date format
  { id_str: '1001', id: '1001', created_at: 'Wed Oct 10 20:19:24 +0000 2018', full_text: 'Our first rye &amp; more &lt;3', entities: entities(), favorite_count: '0', retweet_count: '0', retweeted: false },
  // T2 reply to @kim that also mentions @ana → reply out + secondary mention out
  { id_str: '1790000000000000001', created_at: 'Mon Jun 03 09:15:00 +0000 2024', full_text: '@kim @ana thanks &amp; see you', in_reply_to_status_id_str: '1789999999999999990', in_reply_to_user_id_str: '42', in_reply_to_screen_name: 'kim', entities: entities([mention('42', 'kim', 'Kim'), mention('43', 'ana', 'Ana')]) },
  // T3 retweet of @ana: share, about from media source_status_id
  { id_str: '1003', created_at: 'Tue Jun 04 10:00:00 +0000 2024', full_text: 'RT @ana: Our new sourdough class https://t.co/x', retweeted: false, entities: entities([mention('43', 'ana', 'Ana')]), extended_entities: { media: [{ type: 'photo', source_status_id_str: '901', source_user_id_str: '43' }] } },
  // T4 quote of @bob (handle only, from the URL)
  { id_str: '1004', created_at: 'Tue Jun 04 11:00:00 +0000 2024', full_text: 'So true https://t.co/abc', entities: entities([], [{ url: 'https://t.co/abc', expanded_url: 'https://twitter.com/bob/status/902', display_url: 'twitter.com/bob/status/902' }]) },
  // T5 mentions @carol and @dave → mention carol (primary) + mention dave (secondary)
  { id_str: '1005', created_at: 'Tue Jun 04 12:00:00 +0000 2024', full_text: 'Hello @carol and @dave', entities: entities([mention('45', 'carol', 'Carol'), mention('46', 'dave', 'Dave')]) },
  // T6 reply to own tweet (a thread) → post with inReplyTo
  { id_str: '1006', created_at: 'Tue Jun 04 12:01:00 +0000 2024', full_text: 'And another thing', in_reply_to_status_id_str: '1001', in_reply_to_user_id_str: '100', in_reply_to_screen_name: 'shop', entities: entities() },
  // T7 old reply: user id -1, no screen name, no mention entities → target from the leading @
  { id_str: '1007', created_at: 'Fri Mar 02 08:00:00 +0000 2012', full_text: '@eve hi there', in_reply_to_status_id: '899', in_reply_to_user_id: '-1', entities: entities() },
];
const TWEETS_PART1 = [
  // T8 bare object (no wrapper), only a numeric id
  { id: 1234567, created_at: 'Sat Jan 01 00:00:00 +0100 2011', full_text: 'Happy new year' },
  // T9 a snowflake written as a JSON number: digits already lost → skipped
  { id: 9007199254740993, created_at: 'Sat Jan 01 00:00:00 +0000 2022', full_text: 'lost' },
];

const DMS = [
  {
    conversationId: '42-100',
    messages: [
      { messageCreate: { id: '5003', senderId: '42', recipientId: '100', text: 'Sure, see you then', createdAt: '2024-06-05T10:02:00.000Z', mediaUrls: [], reactions: [{ senderId: '100', reactionKey: 'like', eventId: '6002', createdAt: '2024-06-05T10:03:00.000Z' }] } },
      { messageCreate: { id: '5002', senderId: '100', recipientId: '42', text: 'Details: https://t.co/zz', createdAt: '2024-06-05T10:01:00.000Z', mediaUrls: [], urls: [{ url: 'https://t.co/zz', expanded: 'https://crumb.example/class', display: 'crumb.example/class' }], reactions: [{ senderId: '42', reactionKey: 'heart', eventId: '6001', createdAt: '2024-06-05T10:01:30.000Z' }] } },
      { messageCreate: { id: '5001', senderId: '42', recipientId: '100', text: 'Hi! Is the class full?', createdAt: '2024-06-05T10:00:00.000Z', mediaUrls: [] } },
    ],
  },
];
const GROUP_DMS = [
  {
    conversationId: '1700000000000000000',
    messages: [
      { messageCreate: { id: '5103', senderId: '47', recipientId: '0', text: 'Count me in', createdAt: '2024-06-06T09:02:00.000Z', mediaUrls: [], reactions: [{ senderId: '43', reactionKey: 'like', eventId: '6101', createdAt: '2024-06-06T09:03:00.000Z' }] } },
      { messageCreate: { id: '5102', senderId: '100', text: 'Yes, Saturday works', createdAt: '2024-06-06T09:01:00.000Z', mediaUrls: [] } },
      { messageCreate: { id: '5101', senderId: '43', text: 'Bake-off on Saturday?', createdAt: '2024-06-06T09:00:00.000Z', mediaUrls: [] } },
      { participantsJoin: { initiatingUserId: '43', userIds: ['47'], createdAt: '2024-06-06T08:59:00.000Z' } },
      { joinConversation: { initiatingUserId: '43', participantsSnapshot: ['43', '47', '100'], createdAt: '2024-06-06T08:58:00.000Z' } },
    ],
  },
];
const LIKES = [
  { like: { tweetId: '1700000000000000903', fullText: 'A liked tweet', expandedUrl: 'https://twitter.com/i/web/status/1700000000000000903' } },
  { like: { tweetId: '1790000000000000005', fullText: 'Another', expandedUrl: 'https://twitter.com/frank/status/1790000000000000005' } },
  { tweetId: '12345' }, // bare, pre-snowflake id: no time inside → archive generation date
];

function mainArchive(): Files {
  return {
    'Your archive.html': '<html></html>',
    'assets/js/main.js': 'window.YTD = {}; var x = [1,2];',
    'data/manifest.js': `window.__THAR_CONFIG = ${JSON.stringify({
      userInfo: { accountId: '100', userName: 'shop', displayName: 'Crumb & Co' },
      archiveInfo: { sizeBytes: '1000', generationDate: '2024-07-01T12:00:00.000Z', isPartialArchive: false, maxPartSizeBytes: '53687091200' },
      dataTypes: {
        tweets: { files: [{ fileName: 'data/tweets.js', globalName: 'YTD.tweets.part0', count: '7' }, { fileName: 'data/tweets-part1.js', globalName: 'YTD.tweets.part1', count: '2' }] },
        like: { files: [{ fileName: 'data/like.js', globalName: 'YTD.like.part0', count: '3' }] },
        follower: { files: [{ fileName: 'data/follower.js', globalName: 'YTD.follower.part0', count: '3' }] },
        following: { files: [{ fileName: 'data/following.js', globalName: 'YTD.following.part0', count: '2' }] },
        directMessages: { files: [{ fileName: 'data/direct-messages.js', globalName: 'YTD.direct_messages.part0', count: '1' }] },
      },
    }, null, 2)};`,
    'data/account.js': ytd('account.part0', [{ account: OWNER }]),
    'data/profile.js': ytd('profile.part0', [{ profile: { description: { bio: 'Bakery in Porto', website: 'https://t.co/site', location: 'Porto' }, avatarMediaUrl: 'https://pbs.twimg.com/profile_images/1/a.jpg' } }]),
    'data/tweets.js': ytd('tweets.part0', wrap('tweet', TWEETS)),
    'data/tweets-part1.js': ytd('tweets.part1', TWEETS_PART1),
    'data/direct-messages.js': ytd('direct_messages.part0', wrap('dmConversation', DMS)),
    'data/direct-messages-group.js': ytd('direct_messages_group.part0', wrap('dmConversation', GROUP_DMS)),
    'data/like.js': ytd('like.part0', LIKES),
    'data/follower.js': ytd('follower.part0', wrap('follower', [
      { accountId: '42', userLink: 'https://twitter.com/intent/user?user_id=42' },
      { accountId: '48', userLink: 'https://twitter.com/intent/user?user_id=48' },
      { userLink: 'https://twitter.com/intent/user?user_id=49' },
    ])),
    'data/following.js': ytd('following.part0', wrap('following', [
      { accountId: '42', userLink: 'https://twitter.com/intent/user?user_id=42' },
      { accountId: '50', userLink: 'https://twitter.com/intent/user?user_id=50' },
    ])),
    'data/tweets_media/1003-abc.jpg': 'not really a jpeg',
  };
}

const MAIN_BY_KIND = {
  dm: { in: 4, out: 2 },
  follow: { in: 3, out: 2 },
  like: { in: 1, out: 4 },
  mention: { in: 0, out: 3 },
  post: { in: 0, out: 3 },
  quote: { in: 0, out: 1 },
  reply: { in: 0, out: 2 },
  share: { in: 0, out: 1 },
};
// kim 42, ana 43, bob (handle only), carol 45, dave 46, eve (handle only), 47 (uid only),
// frank (handle only), 48, 49, 50 (uids only)
const MAIN_PEOPLE = 11;
const MAIN_TOTAL = 26;

async function statsOf(store: Store) {
  return store.stats();
}

// ---- acceptance -----------------------------------------------------------------------------

test('an X archive zip imports to exactly the expected people and interactions; a second import adds nothing', async () => {
  await withTestStore(async (store, { dir }) => {
    const zip = await writeZip(join(dir, 'twitter-2024-07-01.zip'), mainArchive());
    const first = await importPath(store, zip);
    assert.equal(first.format, 'X archive');
    assert.equal(first.found, 'X archive of @shop: 9 tweets, 6 DMs, 3 followers, 2 following, 3 likes');
    assert.equal(first.accounts, 1);
    assert.equal(first.people, MAIN_PEOPLE);
    assert.deepEqual(first.byKind, MAIN_BY_KIND);
    assert.deepEqual(first.interactions, { new: MAIN_TOTAL, known: 0 });
    assert.equal(first.skippedCount, 1);
    assert.match(first.skipped[0]!.reason, /item 2: tweet id is a number too large/);
    assert.equal(first.skipped[0]!.file, 'data/tweets-part1.js');

    const before = await statsOf(store);
    const again = await importPath(store, zip);
    assert.equal(again.people, 0);
    assert.equal(again.accounts, 0);
    assert.deepEqual(again.interactions, { new: 0, known: MAIN_TOTAL });
    assert.deepEqual(again.byKind, {});
    assert.deepEqual(await statsOf(store), before);
  });
});

test('read in a worker thread with its indexes set aside, the archive imports to the same summary and the same store', async () => {
  const plain = await withTestStore(async (store, { dir }) => {
    const summary = await importPath(store, await writeZip(join(dir, 'a.zip'), mainArchive()), { readInWorker: false, deferIndexes: false });
    return { summary: { ...summary, file: '' }, stats: await statsOf(store) };
  });
  await withTestStore(async (store, { dir }) => {
    const summary = await importPath(store, await writeZip(join(dir, 'a.zip'), mainArchive()), { readInWorker: true, deferIndexes: true });
    assert.deepEqual({ ...summary, file: '' }, plain.summary);
    assert.deepEqual(await statsOf(store), plain.stats);
  });
});

test('the mapping keeps ids as strings, times in UTC with the raw value, the right parties and links', async () => {
  await withTestStore(async (store, { dir }) => {
    await importPath(store, writeFolder(join(dir, 'archive'), mainArchive()));
    const all = await store.allInteractions();
    const byPid = new Map(all.map((i) => [i.pid, i]));
    const handleOf = async (id: number | null) => {
      if (id === null) return null;
      for (const p of await store.people()) for (const ident of p.identities) if (ident.id === id) return ident.handle ?? `uid:${ident.uid}`;
      return 'own';
    };

    const t1 = byPid.get('1001')!;
    assert.equal(t1.kind, 'post');
    assert.equal(t1.at, '2018-10-10T20:19:24.000Z');
    assert.equal(t1.text, 'Our first rye & more <3');

    const t2 = byPid.get('1790000000000000001')!;
    assert.equal(t2.kind, 'reply');
    assert.equal(t2.inReplyTo, '1789999999999999990');
    assert.equal(await handleOf(t2.targetId), '@kim');
    const t2m = byPid.get('mention:1790000000000000001:43')!;
    assert.equal(t2m.kind, 'mention');
    assert.equal(await handleOf(t2m.targetId), '@ana');

    const t3 = byPid.get('1003')!;
    assert.equal(t3.kind, 'share');
    assert.equal(t3.about, '901');
    assert.equal(t3.text, null);
    assert.equal(await handleOf(t3.targetId), '@ana');

    const t4 = byPid.get('1004')!;
    assert.deepEqual([t4.kind, t4.about, t4.text], ['quote', '902', 'So true https://twitter.com/bob/status/902']);
    assert.equal(await handleOf(t4.targetId), '@bob');

    assert.equal(byPid.get('1005')!.kind, 'mention');
    assert.equal(await handleOf(byPid.get('1005')!.targetId), '@carol');
    assert.equal(await handleOf(byPid.get('mention:1005:46')!.targetId), '@dave');

    const t6 = byPid.get('1006')!;
    assert.deepEqual([t6.kind, t6.inReplyTo, t6.targetId, t6.personId], ['post', '1001', null, null]);

    const t7 = byPid.get('1007')!;
    assert.deepEqual([t7.kind, t7.inReplyTo, t7.at], ['reply', '899', '2012-03-02T08:00:00.000Z']);
    assert.equal(await handleOf(t7.targetId), '@eve');

    const t8 = byPid.get('1234567')!;
    assert.deepEqual([t8.kind, t8.at], ['post', '2010-12-31T23:00:00.000Z']); // +0100 → UTC

    // DMs: direction from the owner's side; group answer targets whom it answers.
    assert.deepEqual([byPid.get('5001')!.direction, await handleOf(byPid.get('5001')!.actorId)], ['in', '@kim']);
    assert.equal(byPid.get('5002')!.direction, 'out');
    assert.equal(byPid.get('5002')!.text, 'Details: https://crumb.example/class');
    assert.equal(byPid.get('5002')!.at, '2024-06-05T10:01:00.000Z');
    assert.deepEqual([byPid.get('reaction:6001')!.kind, byPid.get('reaction:6001')!.direction, byPid.get('reaction:6001')!.about], ['like', 'in', '5002']);
    assert.deepEqual([byPid.get('reaction:6002')!.direction, byPid.get('reaction:6002')!.about], ['out', '5003']);
    assert.equal(byPid.has('reaction:6101'), false); // between two other members
    assert.equal(byPid.get('5101')!.direction, 'in');
    assert.equal(byPid.get('5102')!.direction, 'out');
    assert.equal(await handleOf(byPid.get('5102')!.targetId), '@ana');
    assert.equal(await handleOf(byPid.get('5103')!.actorId), 'uid:47');

    // Likes: deterministic times (snowflake, else the archive's generation date).
    const like1 = byPid.get('like:100:1700000000000000903')!;
    assert.deepEqual([like1.direction, like1.about, like1.targetId, like1.text], ['out', '1700000000000000903', null, null]);
    assert.equal(like1.at, new Date(Number((1700000000000000903n >> 22n) + 1288834974657n)).toISOString());
    assert.equal(await handleOf(byPid.get('like:100:1790000000000000005')!.targetId), '@frank');
    assert.equal(byPid.get('like:100:12345')!.at, '2024-07-01T12:00:00.000Z');

    // Follows: edge ids, generation date as time.
    const f = byPid.get('follow:48:100')!;
    assert.deepEqual([f.kind, f.direction, f.at], ['follow', 'in', '2024-07-01T12:00:00.000Z']);
    assert.equal(byPid.get('follow:100:50')!.direction, 'out');
    assert.equal(await handleOf(byPid.get('follow:49:100')!.actorId), 'uid:49');

    // Owner account and profile; mentioned people got their names.
    const [own] = await store.ownAccounts();
    assert.deepEqual([own?.handle, own?.uid, own?.name, own?.bio, own?.location, own?.created], ['@shop', '100', 'Crumb & Co', 'Bakery in Porto', 'Porto', '2015-03-01T09:00:00.000Z']);
    const [kim] = await store.findIdentities('kim', 'x');
    assert.deepEqual([kim?.uid, kim?.name], ['42', 'Kim']);
  });
});

test('a newer overlapping archive adds only what is new, and completes people known by id only', async () => {
  await withTestStore(async (store, { dir }) => {
    await importPath(store, await writeZip(join(dir, 'old.zip'), mainArchive()));
    const newer = mainArchive();
    newer['data/tweets.js'] = ytd('tweets.part0', wrap('tweet', [
      { id_str: '1900000000000000001', created_at: 'Mon Sep 02 09:00:00 +0000 2024', full_text: 'New loaves today', entities: entities() },
      { id_str: '1900000000000000002', created_at: 'Mon Sep 02 10:00:00 +0000 2024', full_text: '@gina welcome!', in_reply_to_status_id_str: '1899999999999999999', in_reply_to_user_id_str: '51', in_reply_to_screen_name: 'gina', entities: entities([mention('51', 'gina', 'Gina')]) },
      // follower 48 (known by id only) is now named: completes the identity, no new person
      { id_str: '1900000000000000003', created_at: 'Mon Sep 02 11:00:00 +0000 2024', full_text: 'Thanks @hank', entities: entities([mention('48', 'hank', 'Hank')]) },
      ...TWEETS,
    ]));
    newer['data/follower.js'] = ytd('follower.part0', wrap('follower', [{ accountId: '52' }, { accountId: '42' }, { accountId: '48' }, { accountId: '49' }]));
    const dms = structuredClone(DMS);
    dms[0]!.messages.unshift({ messageCreate: { id: '5004', senderId: '42', recipientId: '100', text: 'Thanks again', createdAt: '2024-09-01T10:00:00.000Z', mediaUrls: [] } } as never);
    newer['data/direct-messages.js'] = ytd('direct_messages.part0', wrap('dmConversation', dms));
    delete newer['data/manifest.js']; // counts by scanning instead
    const summary = await importPath(store, await writeZip(join(dir, 'newer.zip'), newer));
    assert.equal(summary.found, 'X archive of @shop: 12 tweets, 7 DMs, 4 followers, 2 following, 3 likes');
    assert.equal(summary.people, 2); // gina 51, follower 52
    assert.deepEqual(summary.byKind, { dm: { in: 1, out: 0 }, follow: { in: 1, out: 0 }, mention: { in: 0, out: 1 }, post: { in: 0, out: 1 }, reply: { in: 0, out: 1 } });
    assert.deepEqual(summary.interactions, { new: 5, known: MAIN_TOTAL });
    const [hank] = await store.findIdentities('@hank', 'x');
    assert.deepEqual([hank?.uid, hank?.name], ['48', 'Hank']);
    assert.equal((await store.stats()).people, MAIN_PEOPLE + 2);
  });
});

test('however the records are batched, each person ends as one identity with both handle and id', async () => {
  const identitiesAfter = (batchSize: number) => withTestStore(async (store, { dir }) => {
    const summary = await importPath(store, await writeZip(join(dir, 'archive.zip'), mainArchive()), { batchSize });
    const identities = (await store.people()).flatMap((p) => p.identities).filter((i) => !i.isOwn);
    return { people: (await store.stats()).people, interactions: summary.interactions, identities: identities.map((i) => `${i.handle ?? '-'}:${i.uid ?? '-'}`).sort() };
  });
  const whole = await identitiesAfter(2000);
  assert.equal(whole.people, MAIN_PEOPLE);
  assert.ok(whole.identities.includes('@kim:42') && whole.identities.includes('@ana:43'), whole.identities.join(' '));
  for (const batchSize of [1, 3]) assert.deepEqual(await identitiesAfter(batchSize), whole, `batches of ${batchSize}`);
});

test('an unpacked folder of an older archive: tweet.js, bare items, direct-message*.js, screen-name change, no manifest', async () => {
  await withTestStore(async (store, { dir }) => {
    const root = writeFolder(join(dir, 'twitter-2019'), {
      // The user gave the data folder's parent, without Your archive.html; account from account.js alone.
      'data/account.js': ytd('account.part0', [{ account: { username: 'newname', accountId: '200', accountDisplayName: 'Old Shop', createdAt: '2012-01-01T00:00:00.000Z' } }]),
      'data/screen-name-change.js': ytd('screen_name_change.part0', [{ screenNameChange: { accountId: '200', screenNameChange: { changedAt: '2018-01-01T00:00:00.000Z', changedFrom: 'oldname', changedTo: 'newname' } } }]),
      'data/tweet.js': `\uFEFFwindow.YTD.tweet.part0 = ${JSON.stringify([
        { id_str: '2001', created_at: 'Thu Jan 04 10:00:00 +0000 2018', full_text: 'Still me: continuing', in_reply_to_status_id_str: '2000', in_reply_to_screen_name: 'oldname', entities: { user_mentions: [], urls: [] } },
        { id_str: '2002', created_at: 'Thu Jan 04 11:00:00 +0000 2018', full_text: '@zoe [brackets] "quotes" \\ and ünïcödé ✓', in_reply_to_status_id_str: '1999', in_reply_to_user_id_str: '60', in_reply_to_screen_name: 'zoe', entities: { user_mentions: [{ id_str: '60', screen_name: 'zoe', name: 'Zoë' }] } },
        { id_str: '2003', created_at: 'Thu Jan 04 12:00:00 +0000 2018', full_text: 'Quoting https://t.co/q', entities: { urls: [{ url: 'https://t.co/q', expanded_url: 'https://x.com/i/web/status/1998' }] } },
      ])};\n`,
      'data/direct-message.js': ytd('direct_message.part0', wrap('dmConversation', [
        { conversationId: '60-200', messages: [{ messageCreate: { id: '7001', senderId: '60', text: 'no recipientId here', createdAt: '2018-02-01T00:00:00.000Z' } }] },
      ])),
      // The same message without its text: ignored, since the full file is there.
      'data/direct-message-headers.js': ytd('direct_message_headers.part0', wrap('dmConversation', [
        { conversationId: '60-200', messages: [{ messageCreate: { id: '7001', senderId: '60', createdAt: '2018-02-01T00:00:00.000Z' } }, { messageCreate: { id: '7002', senderId: '60', createdAt: '2018-02-01T00:00:00.000Z' } }] },
      ])),
      'data/direct-message-group.js': ytd('direct_message_group.part0', wrap('dmConversation', [
        { conversationId: 'g2', messages: [{ messageCreate: { id: '7101', senderId: '200', text: 'Hello all', createdAt: '2018-02-02T00:00:00.000Z' } }] },
      ])),
      'data/following.js': ytd('following.part0', wrap('following', [{ accountId: '60' }])),
    });
    const summary = await importPath(store, root);
    assert.equal(summary.found, 'X archive of @newname: 3 tweets, 2 DMs, 0 followers, 1 following, 0 likes');
    assert.equal(summary.people, 1); // zoe (60)
    assert.deepEqual(summary.byKind, { dm: { in: 1, out: 1 }, follow: { in: 0, out: 1 }, post: { in: 0, out: 1 }, quote: { in: 0, out: 1 }, reply: { in: 0, out: 1 } });
    const all = await store.allInteractions();
    const byPid = new Map(all.map((i) => [i.pid, i]));
    assert.equal(byPid.get('2002')!.text, '@zoe [brackets] "quotes" \\ and ünïcödé ✓');
    assert.deepEqual([byPid.get('2003')!.about, byPid.get('2003')!.targetId], ['1998', null]);
    assert.equal(byPid.get('7101')!.targetId, null); // the owner spoke first in the group
    assert.equal(byPid.get('7001')!.text, 'no recipientId here');
    // No manifest and no generation date: follows fall back to the account's creation date.
    assert.equal(byPid.get('follow:200:60')!.at, '2012-01-01T00:00:00.000Z');
  });
});

test('an archive with DM headers only (no texts) still imports the DMs', async () => {
  await withTestStore(async (store, { dir }) => {
    const summary = await importPath(store, writeFolder(join(dir, 'headers'), {
      'data/account.js': ytd('account.part0', [{ account: { username: 'h', accountId: '300' } }]),
      'data/direct-message-headers.js': ytd('direct_message_headers.part0', wrap('dmConversation', [
        { conversationId: '61-300', messages: [{ messageCreate: { id: '8002', senderId: '300', recipientId: '61', createdAt: '2020-01-01T00:01:00.000Z' } }, { messageCreate: { id: '8001', senderId: '61', recipientId: '300', createdAt: '2020-01-01T00:00:00.000Z' } }] },
      ])),
    }));
    assert.equal(summary.found, 'X archive of @h: 0 tweets, 2 DMs, 0 followers, 0 following, 0 likes');
    assert.deepEqual(summary.byKind, { dm: { in: 1, out: 1 } });
    assert.equal(summary.people, 1);
  });
});

// ---- bad input: one clear InputError naming the file, store unchanged -------------------------

async function expectRefused(store: Store, path: string, message: RegExp): Promise<void> {
  const before = await store.stats();
  await assert.rejects(importPath(store, path), (e: unknown) => {
    assert.ok(e instanceof InputError, `expected an InputError, got ${String(e)}`);
    assert.match(e.message, message);
    assert.ok(e.hint);
    return true;
  });
  assert.deepEqual(await store.stats(), before);
}

test('a tweets.js cut in the middle is refused, naming the file; nothing is written', async () => {
  await withTestStore(async (store, { dir }) => {
    await importPath(store, writeFolder(join(dir, 'seed'), { 'data/account.js': ytd('account.part0', [{ account: { username: 'seed', accountId: '9' } }]) }));
    const files = mainArchive();
    const text = files['data/tweets.js']!;
    files['data/tweets.js'] = text.slice(0, Math.floor(text.length * 0.6));
    await expectRefused(store, await writeZip(join(dir, 'cut.zip'), files), /data\/tweets\.js: the file is cut off in the middle/);
    // A DM file cut after the tweets were read: still all or nothing.
    const files2 = mainArchive();
    files2['data/follower.js'] = files2['data/follower.js']!.slice(0, 60);
    await expectRefused(store, writeFolder(join(dir, 'cut2'), files2), /data\/follower\.js: the file is cut off/);
  });
});

test('damaged items, a missing owner, a lone data file, a classic archive and a foreign zip are refused', async () => {
  await withTestStore(async (store, { dir }) => {
    await importPath(store, await writeZip(join(dir, 'ok.zip'), mainArchive()));

    const broken = mainArchive();
    broken['data/like.js'] = 'window.YTD.like.part0 = [ { "like": { "tweetId": "1", oops } } ]';
    await expectRefused(store, await writeZip(join(dir, 'broken.zip'), broken), /data\/like\.js: item 1 is not valid JSON/);

    const object = mainArchive();
    object['data/follower.js'] = 'window.YTD.follower.part0 = { "follower": {} }';
    await expectRefused(store, writeFolder(join(dir, 'object'), object), /data\/follower\.js: expected a list of items/);

    const ownerless = mainArchive();
    delete ownerless['data/account.js'];
    delete ownerless['data/manifest.js'];
    await expectRefused(store, await writeZip(join(dir, 'ownerless.zip'), ownerless), /does not say whose it is/);

    const lone = join(dir, 'tweets.js');
    writeFileSync(lone, mainArchive()['data/tweets.js']!);
    await expectRefused(store, lone, /one file of an X archive/);

    const classic = writeFolder(join(dir, 'classic'), { 'data/js/tweet_index.js': 'var tweet_index = []', 'data/js/tweets/2012_01.js': 'Grailbird.data.tweets_2012_01 = []' });
    await expectRefused(store, classic, /pre-2018 "classic" Twitter archive/);

    const foreign = await writeZip(join(dir, 'holiday.zip'), { 'photos/a.txt': 'hello', 'notes/account.js': 'var account = 1;' });
    await expectRefused(store, foreign, /holiday\.zip: not a kind of file rapport can import/);
  });
});
