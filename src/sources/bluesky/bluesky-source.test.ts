import assert from 'node:assert/strict';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { blocksToCarFile, getFullRepo, MemoryBlockstore, readCarWithRoot, Repo, WriteOpAction } from '@atproto/repo';
import { encode as encodeCbor } from '@ipld/dag-cbor';
import { CID } from 'multiformats/cid';
import { sha256 } from 'multiformats/hashes/sha2';
import yazl from 'yazl';
import { InputError } from '../../domain/errors.js';
import { parseRecord, type SourceRecord } from '../../domain/records.js';
import { importPath } from '../../ingest/import-path.js';
import { withTestStore } from '../../test-support/test-store.js';
import { openInput } from '../archive/open-input.js';
import { tidFor } from './at-uri.js';
import { blueskySource } from './bluesky-source.js';
import { loadRepo } from './car.js';

// ---- building small repositories with @atproto/repo's own writer ------------------------------

const OWNER = 'did:plc:owner7bakery';
const ANA = 'did:plc:ana4xq';
const BEN = 'did:plc:ben2zz';
const CAI = 'did:plc:cai5rr';
const DEE = 'did:plc:dee6tt';
const EVE = 'did:web:eve.example.com';
const FAY = 'did:plc:fay3mm';
const GUS = 'did:plc:gus7kk';
const HAL = 'did:plc:hal2pp';

// Signatures are not checked on import (that needs the DID document), so any signer will do.
const signer: Parameters<typeof Repo.create>[2] = {
  jwtAlg: 'ES256K',
  did: () => 'did:key:zQ3shTestOnlyNotARealKey',
  sign: async () => new Uint8Array(64),
};

interface Write {
  readonly collection: string;
  readonly rkey: string;
  readonly record: Record<string, unknown>;
}

let clock = 0;
/** A TID record key for a time, as the app makes them (each one distinct). */
function tid(iso: string): string {
  return tidFor(Date.parse(iso), clock++ % 1024);
}

const cidOf = 'bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm';
const ref = (did: string, rkey: string, collection = 'app.bsky.feed.post') => ({ uri: `at://${did}/${collection}/${rkey}`, cid: cidOf });

function post(iso: string | undefined, text: string, extra: Record<string, unknown> = {}, rkey?: string): Write {
  return {
    collection: 'app.bsky.feed.post',
    rkey: rkey ?? tid(iso ?? '2024-02-01T00:00:00Z'),
    record: { $type: 'app.bsky.feed.post', text, ...(iso !== undefined ? { createdAt: iso } : {}), langs: ['en'], ...extra },
  };
}

function subject(collection: 'app.bsky.feed.like' | 'app.bsky.feed.repost', iso: string, subjectRef: unknown, extra: Record<string, unknown> = {}): Write {
  return { collection, rkey: tid(iso), record: { $type: collection, subject: subjectRef, createdAt: iso, ...extra } };
}

function follow(iso: string, did: unknown): Write {
  return { collection: 'app.bsky.graph.follow', rkey: tid(iso), record: { $type: 'app.bsky.graph.follow', subject: did, createdAt: iso } };
}

function mention(text: string, handle: string, did: string) {
  const start = Buffer.byteLength(text.slice(0, text.indexOf(handle)));
  return { index: { byteStart: start, byteEnd: start + Buffer.byteLength(handle) }, features: [{ $type: 'app.bsky.richtext.facet#mention', did }] };
}

const OWN_FIRST = '3kownfirstp22';

/** Every variation of FORMATS.md §3.2, with its expected mapping in the comment. */
function baseWrites(): Write[] {
  const hiText = 'Hello @ana.bsky.social and @eve.example.com — and again @ana.bsky.social 🍞';
  return [
    { collection: 'app.bsky.actor.profile', rkey: 'self', record: { $type: 'app.bsky.actor.profile', displayName: 'Rye & Co Bakery', description: 'Sourdough in Porto', createdAt: '2023-06-01T09:00:00.000Z', avatar: { $type: 'blob', ref: { $link: cidOf }, mimeType: 'image/jpeg', size: 1000 } } },
    // posts (8)
    post('2024-03-01T08:00:00.000Z', 'Our first rye of the season', {}, OWN_FIRST),
    post('2024-03-02T10:00:00+02:00', 'Offset time, no milliseconds'),
    post('2024-03-03T10:00:00.123456Z', 'Microseconds'),
    post(undefined, 'No createdAt: the TID says when', {}, tid('2024-03-04T09:30:00Z')),
    post('not a date', 'Bad createdAt, TID key', {}, tid('2024-03-05T09:30:00Z')),
    post('2024-03-06T12:00:00.000Z', 'With pictures', { embed: { $type: 'app.bsky.embed.images', images: [{ alt: 'rye', image: { $type: 'blob', ref: { $link: cidOf }, mimeType: 'image/jpeg', size: 10 } }] } }),
    post('2024-03-07T12:00:00.000Z', hiText, { facets: [mention(hiText, '@ana.bsky.social', ANA), mention(hiText, '@eve.example.com', EVE), { index: { byteStart: 0, byteEnd: 5 }, features: [{ $type: 'app.bsky.richtext.facet#link', uri: 'https://rye.example' }] }] }), // + mentions ana, eve
    post('2023-01-10T12:00:00.000Z', 'old style @ben', { entities: [{ index: { start: 10, end: 14 }, type: 'mention', value: BEN }] }), // + mention ben
    // replies (5)
    post('2024-03-08T12:00:00.000Z', 'Thank you Ana!', { reply: { root: ref(ANA, '3kanaroot2222'), parent: ref(ANA, '3kanaroot2222') } }),
    post('2024-03-09T12:00:00.000Z', 'Agreed with Cai', { reply: { root: ref(BEN, '3kbenroot2222'), parent: ref(CAI, '3kcaiparent22') } }),
    post('2024-03-10T12:00:00.000Z', 'Thread, part 2', { reply: { root: ref(OWNER, OWN_FIRST), parent: ref(OWNER, OWN_FIRST) } }),
    post('2024-03-11T12:00:00.000Z', 'Replying to Ana while quoting Cai', { reply: { root: ref(ANA, '3kanaroot2222'), parent: ref(ANA, '3kanareply222') }, embed: { $type: 'app.bsky.embed.record', record: ref(CAI, '3kcaiquoted22') } }),
    post('2024-03-12T12:00:00.000Z', '@dee.bsky.social look, and me @rye.bsky.social', { reply: { root: ref(CAI, '3kcairoot2222'), parent: ref(CAI, '3kcairoot2222') }, facets: [{ index: { byteStart: 0, byteEnd: 16 }, features: [{ $type: 'app.bsky.richtext.facet#mention', did: DEE }] }, { index: { byteStart: 30, byteEnd: 46 }, features: [{ $type: 'app.bsky.richtext.facet#mention', did: OWNER }] }] }), // + mention dee (self left out)
    // quotes (2)
    post('2024-03-13T12:00:00.000Z', 'So true', { embed: { $type: 'app.bsky.embed.record', record: ref(BEN, '3kbenquoted22') } }),
    post('2024-03-14T12:00:00.000Z', 'Look at this', { embed: { $type: 'app.bsky.embed.recordWithMedia', record: { $type: 'app.bsky.embed.record', record: ref(DEE, '3kdeequoted22') }, media: { $type: 'app.bsky.embed.images', images: [] } } }),
    // reposts (2): one subject URI names its author by handle, as a few early records do
    subject('app.bsky.feed.repost', '2024-03-15T12:00:00.000Z', ref(ANA, '3kanapost2222')),
    subject('app.bsky.feed.repost', '2024-03-16T12:00:00.000Z', { uri: 'at://kim.bsky.social/app.bsky.feed.post/3kkimpost2222', cid: cidOf }),
    // likes (5): a post, another, a feed generator, one's own post, one reached via a repost
    subject('app.bsky.feed.like', '2024-03-17T12:00:00.000Z', ref(ANA, '3kanapost2222')),
    subject('app.bsky.feed.like', '2024-03-18T12:00:00.000Z', ref(BEN, '3kbenpost2222')),
    subject('app.bsky.feed.like', '2024-03-19T12:00:00.000Z', ref(FAY, 'bakers-feed', 'app.bsky.feed.generator')),
    subject('app.bsky.feed.like', '2024-03-20T12:00:00.000Z', ref(OWNER, OWN_FIRST)),
    subject('app.bsky.feed.like', '2024-03-21T12:00:00.000Z', ref(CAI, '3kcaipost2222'), { via: ref(ANA, '3kanarepost22', 'app.bsky.feed.repost') }),
    // follows (4)
    follow('2024-01-01T12:00:00.000Z', ANA),
    follow('2024-01-02T12:00:00.000Z', BEN),
    follow('2024-01-03T12:00:00.000Z', EVE),
    follow('2024-01-04T12:00:00.000Z', GUS),
    // not imported: a block and a list
    { collection: 'app.bsky.graph.block', rkey: tid('2024-01-05T00:00:00Z'), record: { $type: 'app.bsky.graph.block', subject: 'did:plc:spam', createdAt: '2024-01-05T00:00:00Z' } },
    { collection: 'app.bsky.graph.list', rkey: tid('2024-01-06T00:00:00Z'), record: { $type: 'app.bsky.graph.list', name: 'Bakers', purpose: 'app.bsky.graph.defs#curatelist', createdAt: '2024-01-06T00:00:00Z' } },
    // skipped (3): a like with no subject, a follow of no DID, a post with no time at all
    { collection: 'app.bsky.feed.like', rkey: tid('2024-01-07T00:00:00Z'), record: { $type: 'app.bsky.feed.like', createdAt: '2024-01-07T00:00:00Z' } },
    follow('2024-01-08T00:00:00.000Z', 'ana.bsky.social'),
    post('whenever', 'No time anywhere', {}, 'custom-key'),
  ];
}

const BASE_KINDS = {
  follow: { in: 0, out: 4 },
  like: { in: 0, out: 5 },
  mention: { in: 0, out: 4 },
  post: { in: 0, out: 8 },
  quote: { in: 0, out: 2 },
  reply: { in: 0, out: 5 },
  share: { in: 0, out: 2 },
};
const BASE_INTERACTIONS = 30;
// ana, ben, cai, dee, eve (did:web), fay (feed creator), gus, kim (known by handle only)
const BASE_PEOPLE = 8;

async function carOf(repo: Repo, storage: MemoryBlockstore): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of getFullRepo(storage, repo.cid)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function buildRepo(writes: readonly Write[]): Promise<{ repo: Repo; storage: MemoryBlockstore; car: Buffer }> {
  const storage = new MemoryBlockstore();
  const repo = await Repo.create(storage, OWNER, signer, writes.map((w) => ({ action: WriteOpAction.Create, ...w })) as never);
  return { repo, storage, car: await carOf(repo, storage) };
}

/** The same CAR without one block (the MST still references it). */
async function withoutBlock(car: Uint8Array, pick: (root: string, cids: string[]) => string): Promise<Buffer> {
  const { root, blocks } = await readCarWithRoot(car);
  const drop = pick(root.toString(), blocks.cids().map((c) => c.toString()));
  const victim = blocks.cids().find((c) => c.toString() === drop)!;
  blocks.delete(victim);
  return Buffer.from(await blocksToCarFile(root, blocks));
}

async function collect(path: string): Promise<SourceRecord[]> {
  const files = await openInput(path);
  try {
    assert.ok(await blueskySource.detect(files));
    const out: SourceRecord[] = [];
    for await (const item of blueskySource.read(files, { progress: () => {} })) if ('record' in item) out.push(item.record);
    return out;
  } finally {
    await files.close();
  }
}

// ---- the fixture imports to exactly the expected counts ---------------------------------------

test('a repository export imports to exactly the expected people and kinds, all outbound; again, nothing new', async () => {
  const { car } = await buildRepo(baseWrites());
  await withTestStore(async (store, { dir }) => {
    const file = join(dir, 'repo.car');
    writeFileSync(file, car);
    const first = await importPath(store, file);
    assert.equal(first.format, 'Bluesky repository export');
    assert.equal(
      first.found,
      `Bluesky repository of ${OWNER} (Rye & Co Bakery): 8 posts, 5 replies, 2 quotes, 4 mentions, 2 reposts, 5 likes, 4 follows, 2 other records (blocks, lists, …) not imported, 3 unreadable`,
    );
    assert.equal(first.accounts, 1);
    assert.equal(first.people, BASE_PEOPLE);
    assert.deepEqual(first.byKind, BASE_KINDS);
    assert.deepEqual(first.interactions, { new: BASE_INTERACTIONS, known: 0 });
    assert.equal(first.skippedCount, 3);
    assert.deepEqual(first.skipped.map((s) => s.file), ['repo.car', 'repo.car', 'repo.car']);
    const reasons = first.skipped.map((s) => s.reason).sort();
    assert.match(reasons[0]!, /^at:\/\/did:plc:owner7bakery\/app\.bsky\.feed\.like\/\w+: the like has no subject$/);
    assert.match(reasons[1]!, /app\.bsky\.feed\.post\/custom-key: createdAt "whenever" is not a time$/);
    assert.match(reasons[2]!, /app\.bsky\.graph\.follow\/\w+: the follow's subject "ana\.bsky\.social" is not a DID$/);

    const again = await importPath(store, file);
    assert.equal(again.people, 0);
    assert.equal(again.accounts, 0);
    assert.deepEqual(again.interactions, { new: 0, known: BASE_INTERACTIONS });
    assert.deepEqual(again.byKind, {});

    const stats = await store.stats();
    assert.equal(stats.people, BASE_PEOPLE);
    assert.deepEqual(stats.accounts, [{ platform: 'bluesky', handle: OWNER }]);
    assert.equal(stats.interactions.total, BASE_INTERACTIONS);
    assert.deepEqual(stats.interactions.byKind, BASE_KINDS);

    const [own] = await store.ownAccounts();
    assert.equal(own?.uid, OWNER);
    assert.equal(own?.name, 'Rye & Co Bakery');
    assert.equal(own?.bio, 'Sourdough in Porto');
    assert.equal(own?.avatar, true);
    // Others are known by DID only (or by the handle an old URI carried), never by an invented handle.
    const people = (await store.people()).flatMap((p) => p.identities).filter((i) => !i.isOwn);
    assert.deepEqual(people.map((i) => i.uid ?? `handle:${i.handle}`).sort(), [ANA, BEN, CAI, DEE, FAY, GUS, EVE, 'handle:kim.bsky.social'].sort());
    assert.ok(people.filter((i) => i.uid !== null).every((i) => i.handle === null));
  });
});

test('each record maps to the right kind, ids are AT-URIs, times UTC with the raw value kept', async () => {
  const { car } = await buildRepo(baseWrites());
  await withTestStore(async (_store, { dir }) => {
    const file = join(dir, 'repo.car');
    writeFileSync(file, car);
    const records = await collect(file);
    for (const r of records) assert.ok(parseRecord(r).ok, `${JSON.stringify(r)} is a valid record`);
    assert.deepEqual(records[0], { type: 'account', platform: 'bluesky', handle: OWNER, uid: OWNER, name: 'Rye & Co Bakery' });
    assert.deepEqual(records[1], {
      type: 'profile', platform: 'bluesky', handle: OWNER, uid: OWNER, name: 'Rye & Co Bakery', bio: 'Sourdough in Porto', avatar: true, created: '2023-06-01T09:00:00.000Z',
    });
    const interactions = records.filter((r) => r.type === 'interaction');
    const byText = (text: string) => interactions.filter((r) => r.text === text);
    const uri = (collection: string, rkey: string) => `at://${OWNER}/${collection}/${rkey}`;
    assert.equal(new Set(interactions.map((r) => r.id)).size, interactions.length, 'ids are unique');
    assert.ok(interactions.every((r) => r.actorUid === OWNER && r.actor === undefined));

    assert.deepEqual(byText('Our first rye of the season'), [{
      type: 'interaction', platform: 'bluesky', id: uri('app.bsky.feed.post', OWN_FIRST), at: '2024-03-01T08:00:00.000Z', atRaw: '2024-03-01T08:00:00.000Z', actorUid: OWNER, text: 'Our first rye of the season', kind: 'post',
    }]);
    assert.equal(byText('Offset time, no milliseconds')[0]?.at, '2024-03-02T08:00:00.000Z');
    assert.equal(byText('Offset time, no milliseconds')[0]?.atRaw, '2024-03-02T10:00:00+02:00');
    assert.equal(byText('Microseconds')[0]?.at, '2024-03-03T10:00:00.123Z');
    assert.equal(byText('No createdAt: the TID says when')[0]?.at, '2024-03-04T09:30:00.000Z');
    assert.equal(byText('No createdAt: the TID says when')[0]?.atRaw, undefined);
    assert.deepEqual([byText('Bad createdAt, TID key')[0]?.at, byText('Bad createdAt, TID key')[0]?.atRaw], ['2024-03-05T09:30:00.000Z', 'not a date']);
    assert.equal(byText('With pictures')[0]?.kind, 'post');

    const hi = interactions.filter((r) => r.text?.startsWith('Hello @ana'));
    assert.deepEqual(hi.map((r) => [r.kind, r.targetUid]), [['post', undefined], ['mention', ANA], ['mention', EVE]]);
    assert.equal(hi[1]?.id, `${hi[0]?.id}#mention:${ANA}`);
    assert.equal(hi[1]?.about, hi[0]?.id);
    assert.deepEqual(byText('old style @ben').map((r) => [r.kind, r.targetUid, r.at]), [['post', undefined, '2023-01-10T12:00:00.000Z'], ['mention', BEN, '2023-01-10T12:00:00.000Z']]);

    const reply = byText('Thank you Ana!')[0];
    assert.deepEqual([reply?.kind, reply?.targetUid, reply?.inReplyTo, reply?.about], ['reply', ANA, `at://${ANA}/app.bsky.feed.post/3kanaroot2222`, undefined]);
    assert.deepEqual(byText('Agreed with Cai').map((r) => [r.kind, r.targetUid, r.inReplyTo]), [['reply', CAI, `at://${CAI}/app.bsky.feed.post/3kcaiparent22`]]);
    assert.deepEqual(byText('Thread, part 2').map((r) => [r.kind, r.targetUid]), [['reply', OWNER]]);
    assert.deepEqual(byText('Replying to Ana while quoting Cai').map((r) => [r.kind, r.targetUid, r.inReplyTo, r.about]), [
      ['reply', ANA, `at://${ANA}/app.bsky.feed.post/3kanareply222`, `at://${CAI}/app.bsky.feed.post/3kcaiquoted22`],
    ]);
    assert.deepEqual(byText('@dee.bsky.social look, and me @rye.bsky.social').map((r) => [r.kind, r.targetUid, r.inReplyTo]), [
      ['reply', CAI, `at://${CAI}/app.bsky.feed.post/3kcairoot2222`],
      ['mention', DEE, `at://${CAI}/app.bsky.feed.post/3kcairoot2222`],
    ]);
    assert.deepEqual(byText('So true').map((r) => [r.kind, r.targetUid, r.about]), [['quote', BEN, `at://${BEN}/app.bsky.feed.post/3kbenquoted22`]]);
    assert.deepEqual(byText('Look at this').map((r) => [r.kind, r.targetUid, r.about]), [['quote', DEE, `at://${DEE}/app.bsky.feed.post/3kdeequoted22`]]);

    const shares = interactions.filter((r) => r.kind === 'share');
    assert.deepEqual(shares.map((r) => [r.targetUid ?? r.target, r.about, r.text]), [
      [ANA, `at://${ANA}/app.bsky.feed.post/3kanapost2222`, undefined],
      ['kim.bsky.social', 'at://kim.bsky.social/app.bsky.feed.post/3kkimpost2222', undefined],
    ]);
    assert.ok(shares.every((r) => r.id.startsWith(`at://${OWNER}/app.bsky.feed.repost/`)));
    const likes = interactions.filter((r) => r.kind === 'like');
    assert.deepEqual(likes.map((r) => [r.targetUid, r.about?.split('/')[3]]), [
      [ANA, 'app.bsky.feed.post'], [BEN, 'app.bsky.feed.post'], [FAY, 'app.bsky.feed.generator'], [OWNER, 'app.bsky.feed.post'], [CAI, 'app.bsky.feed.post'],
    ]);
    const follows = interactions.filter((r) => r.kind === 'follow');
    assert.deepEqual(follows.map((r) => [r.targetUid, r.at]), [
      [ANA, '2024-01-01T12:00:00.000Z'], [BEN, '2024-01-02T12:00:00.000Z'], [EVE, '2024-01-03T12:00:00.000Z'], [GUS, '2024-01-04T12:00:00.000Z'],
    ]);
    assert.ok(follows.every((r) => r.id.startsWith(`at://${OWNER}/app.bsky.graph.follow/`)));
  });
});

test('a newer export of the same repository adds only what is new', async () => {
  const { repo, storage, car } = await buildRepo(baseWrites());
  const newer = await repo.applyWrites([
    { action: WriteOpAction.Create, ...post('2024-04-01T12:00:00.000Z', 'Spring loaves') },
    { action: WriteOpAction.Create, ...subject('app.bsky.feed.like', '2024-04-02T12:00:00.000Z', ref(GUS, '3kguspost2222')) },
    { action: WriteOpAction.Create, ...follow('2024-04-03T12:00:00.000Z', HAL) },
  ] as never, signer);
  const newerCar = await carOf(newer, storage);
  await withTestStore(async (store, { dir }) => {
    writeFileSync(join(dir, 'old.car'), car);
    writeFileSync(join(dir, 'new.car'), newerCar);
    await importPath(store, join(dir, 'old.car'));
    const second = await importPath(store, join(dir, 'new.car'));
    assert.equal(second.people, 1);
    assert.equal(second.accounts, 0);
    assert.deepEqual(second.interactions, { new: 3, known: BASE_INTERACTIONS });
    assert.deepEqual(second.byKind, { follow: { in: 0, out: 1 }, like: { in: 0, out: 1 }, post: { in: 0, out: 1 } });
    const stats = await store.stats();
    assert.equal(stats.people, BASE_PEOPLE + 1);
    assert.equal(stats.interactions.total, BASE_INTERACTIONS + 3);
  });
});

test('the export is found in a folder or a zip, and by its header when it has no .car name', async () => {
  const { car } = await buildRepo(baseWrites());
  await withTestStore(async (store, { dir }) => {
    const folder = join(dir, 'export');
    mkdirSync(join(folder, 'bluesky'), { recursive: true });
    writeFileSync(join(folder, 'bluesky', 'repo.car'), car);
    writeFileSync(join(folder, 'README.txt'), 'my exports');
    const fromFolder = await importPath(store, folder, { dryRun: true });
    assert.deepEqual([fromFolder.people, fromFolder.interactions.new, fromFolder.skipped[0]?.file], [BASE_PEOPLE, BASE_INTERACTIONS, 'bluesky/repo.car']);

    const zipPath = join(dir, 'export.zip');
    await new Promise<void>((resolve, reject) => {
      const zip = new yazl.ZipFile();
      zip.addBuffer(car, 'repo.car');
      zip.outputStream.pipe(createWriteStream(zipPath)).on('close', () => resolve()).on('error', reject);
      zip.end();
    });
    const fromZip = await importPath(store, zipPath, { dryRun: true });
    assert.deepEqual([fromZip.format, fromZip.people, fromZip.byKind], ['Bluesky repository export', BASE_PEOPLE, BASE_KINDS]);

    const bare = join(dir, 'getRepo');
    writeFileSync(bare, car);
    const fromBare = await importPath(store, bare);
    assert.deepEqual([fromBare.people, fromBare.interactions.new], [BASE_PEOPLE, BASE_INTERACTIONS]);
  });
});

test('an empty repository imports the owner account alone', async () => {
  const { car } = await buildRepo([]);
  await withTestStore(async (store, { dir }) => {
    writeFileSync(join(dir, 'repo.car'), car);
    const summary = await importPath(store, join(dir, 'repo.car'));
    assert.equal(summary.found, `Bluesky repository of ${OWNER}: no posts, likes or follows`);
    assert.deepEqual([summary.accounts, summary.people, summary.interactions.new], [1, 0, 0]);
  });
});

test('the record tree is walked exactly as @atproto/repo lists it, also when it has several levels', async () => {
  const writes: Write[] = [];
  for (let i = 0; i < 400; i++) writes.push(follow(new Date(Date.parse('2024-01-01T00:00:00Z') + i * 3_600_000).toISOString(), `did:plc:p${i}`));
  for (let i = 0; i < 100; i++) writes.push(post(new Date(Date.parse('2024-02-01T00:00:00Z') + i * 3_600_000).toISOString(), `post ${i}`));
  const { repo, car } = await buildRepo(writes);
  const theirs = await repo.data.list();
  const mine = await loadRepo('repo.car', car);
  assert.equal(mine.did, OWNER);
  assert.equal(mine.rev, repo.commit.rev);
  assert.deepEqual(mine.leaves.map((l) => [l.key, l.cid.toString()]), theirs.map((l) => [l.key, l.value.toString()]));
  const nodes = (await repo.data.allNodes()).filter((n) => !n.isLeaf());
  assert.ok(nodes.length > 1, 'the tree has more than one node');
  const inner = await (nodes[nodes.length - 1] as typeof repo.data).getPointer();
  const noInner = await withoutBlock(car, () => inner.toString());
  await assert.rejects(loadRepo('repo.car', noInner), (e: unknown) =>
    e instanceof InputError && e.message === `repo.car: the CAR file is missing block ${inner.toString()} of the repository's record tree`);
});

// ---- bad input: one clear error naming the file, nothing written ------------------------------

async function assertRefused(store: Parameters<Parameters<typeof withTestStore>[0]>[0], path: string, problem: RegExp): Promise<void> {
  const before = await store.stats();
  await assert.rejects(importPath(store, path), (e: unknown) => {
    assert.ok(e instanceof InputError, `InputError, got ${String(e)}`);
    assert.ok(e.message.startsWith(path), `names the file: ${e.message}`);
    assert.match(e.message, problem);
    assert.ok(e.hint);
    return true;
  });
  assert.deepEqual(await store.stats(), before);
}

test('a CAR file with a missing record block, or a missing tree node, is refused and nothing is written', async () => {
  const { repo, car } = await buildRepo(baseWrites());
  const like = (await repo.data.list()).find((l) => l.key.startsWith('app.bsky.feed.like/'))!;
  const noRecord = await withoutBlock(car, () => like.value.toString());
  const noTree = await withoutBlock(car, () => repo.commit.data.toString());
  const noCommit = await withoutBlock(car, (root) => root);
  await withTestStore(async (store, { dir }) => {
    writeFileSync(join(dir, 'good.car'), car);
    await importPath(store, join(dir, 'good.car'));
    writeFileSync(join(dir, 'no-record.car'), noRecord);
    await assertRefused(store, join(dir, 'no-record.car'), new RegExp(`missing block ${like.value.toString()} holding the record ${like.key.replace('.', '\\.')}`));
    writeFileSync(join(dir, 'no-tree.car'), noTree);
    await assertRefused(store, join(dir, 'no-tree.car'), new RegExp(`missing block ${repo.commit.data.toString()} of the root of the repository's record tree`));
    writeFileSync(join(dir, 'no-commit.car'), noCommit);
    await assertRefused(store, join(dir, 'no-commit.car'), /missing block \w+: its signed commit \(the root\)/);
  });
});

test('a truncated or corrupted CAR file is refused and nothing is written', async () => {
  const { car } = await buildRepo(baseWrites());
  await withTestStore(async (store, { dir }) => {
    writeFileSync(join(dir, 'cut.car'), car.subarray(0, car.length - 25));
    await assertRefused(store, join(dir, 'cut.car'), /the CAR file is damaged: the file is cut off: block \d+ needs \d+ bytes but only \d+ remain/);
    const flipped = Buffer.from(car);
    flipped[flipped.length - 3] = (flipped[flipped.length - 3] ?? 0) ^ 0xff;
    writeFileSync(join(dir, 'flipped.car'), flipped);
    await assertRefused(store, join(dir, 'flipped.car'), /the CAR file is damaged: block \w+ does not match its content/);
    writeFileSync(join(dir, 'header-only.car'), car.subarray(0, 20));
    await assertRefused(store, join(dir, 'header-only.car'), /CAR header is cut off/);
  });
});

test('a .car file that is not a CAR, or a CAR that is not a repository, is refused', async () => {
  const junkRoot = encodeCbor({ hello: 'world' });
  const cid = CID.createV1(0x71, await sha256.digest(junkRoot));
  const header = encodeCbor({ version: 1, roots: [cid] });
  const varint = (n: number) => Buffer.from([n]); // all lengths here are below 128
  const notRepo = Buffer.concat([varint(header.length), header, varint(cid.bytes.length + junkRoot.length), cid.bytes, junkRoot]);
  await withTestStore(async (store, { dir }) => {
    writeFileSync(join(dir, 'text.car'), 'this is not a CAR file\n');
    await assertRefused(store, join(dir, 'text.car'), /not a Bluesky repository export: it does not start with a CAR header/);
    writeFileSync(join(dir, 'lines.car'), '{"type":"account","platform":"bluesky","handle":"ana"}\n');
    await assertRefused(store, join(dir, 'lines.car'), /not a Bluesky repository export/);
    writeFileSync(join(dir, 'not-repo.car'), notRepo);
    await assertRefused(store, join(dir, 'not-repo.car'), /not a Bluesky repository export: its root block is not an AT Protocol repository commit/);
  });
});
