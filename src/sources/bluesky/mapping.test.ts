import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encode as encodeCbor } from '@ipld/dag-cbor';
import { CID } from 'multiformats/cid';
import { parseAtUri, partyOfUri, tidFor, tidTime } from './at-uri.js';
import { postRecordSchema } from './bluesky-types.js';
import { sniffCarHeader } from './car.js';
import { mapFollow } from './graph.js';
import { recordContext } from './map-record.js';
import { mapPost, mentionedDids, quotedUri } from './posts.js';
import { mapLike, mapRepost } from './reactions.js';
import { parseBskyTime, recordTime } from './times.js';

const OWNER = 'did:plc:owner';

test('createdAt is read liberally and normalised to UTC', () => {
  const cases: [string, string | undefined][] = [
    ['2024-05-01T12:00:00.000Z', '2024-05-01T12:00:00.000Z'],
    ['2024-05-01T12:00:00Z', '2024-05-01T12:00:00.000Z'],
    ['2024-05-01T12:00:00.123456Z', '2024-05-01T12:00:00.123Z'],
    ['2024-05-01T12:00:00.1Z', '2024-05-01T12:00:00.100Z'],
    ['2024-05-01T14:00:00+02:00', '2024-05-01T12:00:00.000Z'],
    ['2024-05-01T14:00:00+0200', '2024-05-01T12:00:00.000Z'],
    ['2024-05-01T07:00:00.5-05:00', '2024-05-01T12:00:00.500Z'],
    ['2024-05-01 12:00:00z', '2024-05-01T12:00:00.000Z'],
    ['2024-05-01t12:00Z', '2024-05-01T12:00:00.000Z'],
    ['2024-05-01T12:00:00', '2024-05-01T12:00:00.000Z'], // zoneless: read as UTC
    ['2024-05-01', '2024-05-01T00:00:00.000Z'],
    ['2024-02-30T12:00:00Z', undefined],
    ['yesterday', undefined],
    ['', undefined],
  ];
  for (const [raw, expected] of cases) assert.equal(parseBskyTime(raw), expected, raw);
  assert.equal(parseBskyTime(1714564800000), undefined);
});

test('a TID record key tells the time when createdAt cannot', () => {
  const ms = Date.parse('2024-05-01T12:34:56.789Z');
  const key = tidFor(ms, 7);
  assert.match(key, /^[2-7a-j][2-7a-z]{12}$/);
  assert.equal(tidTime(key), ms);
  assert.equal(tidTime('3jzfcijpj2z2a'), Date.parse('2023-06-30T15:03:01.887Z')); // as @atproto's TID reads it
  assert.equal(key, '3krgivhbdkc2b');
  assert.equal(tidTime('self'), undefined);
  assert.deepEqual(recordTime(undefined, key), { at: '2024-05-01T12:34:56.789Z' });
  assert.deepEqual(recordTime('garbage', key), { at: '2024-05-01T12:34:56.789Z', atRaw: 'garbage' });
  assert.equal(recordTime('garbage', 'self'), undefined);
});

test('AT-URIs give the author by DID, or by the handle an old URI carried; nothing else', () => {
  assert.deepEqual(parseAtUri('at://did:plc:ana/app.bsky.feed.post/3kabc'), { authority: 'did:plc:ana', collection: 'app.bsky.feed.post', rkey: '3kabc' });
  assert.deepEqual(parseAtUri('at://did:plc:ana'), { authority: 'did:plc:ana' });
  assert.equal(parseAtUri('https://bsky.app/profile/ana'), undefined);
  assert.deepEqual(partyOfUri('at://did:web:eve.example.com/app.bsky.feed.post/1'), { targetUid: 'did:web:eve.example.com' });
  assert.deepEqual(partyOfUri('at://Kim.bsky.social/app.bsky.feed.post/1'), { target: 'kim.bsky.social' });
  assert.equal(partyOfUri('at://not a uri'), undefined);
});

test('mentions come from facets (by DID, once each) and from the deprecated entities', () => {
  const post = postRecordSchema.parse({
    text: 'héllo @ana and @ana and @bo',
    facets: [
      { index: { byteStart: 7, byteEnd: 11 }, features: [{ $type: 'app.bsky.richtext.facet#mention', did: 'did:plc:ana' }] },
      { index: { byteStart: 16, byteEnd: 20 }, features: [{ $type: 'app.bsky.richtext.facet#mention', did: 'did:plc:ana' }] },
      { index: { byteStart: 0, byteEnd: 5 }, features: [{ $type: 'app.bsky.richtext.facet#tag', tag: 'bread' }, { $type: 'app.bsky.richtext.facet#mention', did: 'not-a-did' }] },
      'junk',
    ],
    entities: [{ index: { start: 25, end: 28 }, type: 'mention', value: 'did:plc:bo' }, { type: 'link', value: 'https://x.example' }],
  });
  assert.deepEqual(mentionedDids(post), ['did:plc:ana', 'did:plc:bo']);
});

test('quotes come from record embeds and record-with-media embeds only', () => {
  const ref = { uri: 'at://did:plc:ana/app.bsky.feed.post/1', cid: 'bafy' };
  assert.equal(quotedUri(postRecordSchema.parse({ embed: { $type: 'app.bsky.embed.record', record: ref } })), ref.uri);
  assert.equal(quotedUri(postRecordSchema.parse({ embed: { $type: 'app.bsky.embed.recordWithMedia', record: { record: ref }, media: {} } })), ref.uri);
  assert.equal(quotedUri(postRecordSchema.parse({ embed: { $type: 'app.bsky.embed.external', external: { uri: 'https://x' } } })), undefined);
  assert.equal(quotedUri(postRecordSchema.parse({ embed: { $type: 'app.bsky.embed.record' } })), undefined);
});

test('a reply missing its parent falls back to the root; malformed parts are dropped, not fatal', () => {
  const ctx = recordContext(OWNER, 'app.bsky.feed.post', tidFor(Date.parse('2024-05-01T00:00:00Z')));
  const result = mapPost(ctx, { text: 'hi', createdAt: '2024-05-01T00:00:00Z', reply: { root: { uri: 'at://did:plc:ana/app.bsky.feed.post/r' } }, facets: 'nope', embed: 7 });
  assert.ok(result.ok);
  assert.deepEqual(result.records.map((r) => r.type === 'interaction' && [r.kind, r.targetUid, r.inReplyTo]), [['reply', 'did:plc:ana', 'at://did:plc:ana/app.bsky.feed.post/r']]);
  const empty = mapPost(ctx, { text: '   ', createdAt: '2024-05-01T00:00:00Z' });
  assert.ok(empty.ok && empty.records[0]?.type === 'interaction' && empty.records[0].text === undefined);
});

test('likes, reposts and follows need their subject; they are skipped with the reason otherwise', () => {
  const ctx = (c: string) => recordContext(OWNER, c, '3kabcabcabc22');
  assert.deepEqual(mapLike(ctx('app.bsky.feed.like'), { createdAt: '2024-05-01T00:00:00Z' }), { ok: false, reason: `at://${OWNER}/app.bsky.feed.like/3kabcabcabc22: the like has no subject` });
  assert.deepEqual(mapRepost(ctx('app.bsky.feed.repost'), { subject: { uri: 'https://bsky.app/x' }, createdAt: '2024-05-01T00:00:00Z' }), {
    ok: false,
    reason: `at://${OWNER}/app.bsky.feed.repost/3kabcabcabc22: the repost's subject "https://bsky.app/x" is not an AT-URI`,
  });
  assert.equal(mapFollow(ctx('app.bsky.graph.follow'), { subject: 42, createdAt: '2024-05-01T00:00:00Z' }).ok, false);
  const ok = mapFollow(ctx('app.bsky.graph.follow'), { subject: 'did:plc:ana', createdAt: '2024-05-01T00:00:00Z' });
  assert.ok(ok.ok);
  assert.deepEqual(ok.records[0], {
    type: 'interaction', platform: 'bluesky', id: `at://${OWNER}/app.bsky.graph.follow/3kabcabcabc22`, at: '2024-05-01T00:00:00.000Z', atRaw: '2024-05-01T00:00:00Z', kind: 'follow', actorUid: OWNER, targetUid: 'did:plc:ana',
  });
});

test('the CAR header is recognised from its first bytes', () => {
  const cid = CID.parse('bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm');
  const header = encodeCbor({ version: 1, roots: [cid] });
  const car = Buffer.concat([Buffer.from([header.length]), header, Buffer.from([0x01, 0x02])]);
  assert.deepEqual(sniffCarHeader(car), { ok: true, roots: 1 });
  assert.deepEqual(sniffCarHeader(car.subarray(0, 20)), { ok: false, problem: 'its CAR header is cut off' });
  const v2 = encodeCbor({ version: 2, roots: [] });
  assert.deepEqual(sniffCarHeader(Buffer.concat([Buffer.from([v2.length]), v2])), { ok: false, problem: 'it is a CAR file of version 2, not version 1 as repository exports are' });
  assert.equal(sniffCarHeader(Buffer.from('this is text')).ok, false);
  assert.equal(sniffCarHeader(Buffer.from('{"type":"account"}')).ok, false);
  assert.equal(sniffCarHeader(Buffer.alloc(0)).ok, false);
});
