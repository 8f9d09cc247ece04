/**
 * Importing platform exports as a user does: the built `rapport` in a child process, real exit
 * codes, real output. Each fixture is built once, from the shapes in FORMATS.md, into one
 * folder shared by the tests (run `npm run build` first: the CLI runs from dist/).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { blocksToCarFile, getFullRepo, MemoryBlockstore, readCarWithRoot, Repo, WriteOpAction } from '@atproto/repo';
import { badHeaderConnections, basicExport as linkedinExport } from '../src/sources/linkedin/test-fixtures.js';
import { NEWER_BY_KIND, newerArchive as mastodonArchive, writeFolder, writeZip } from '../src/sources/mastodon/test-fixtures.js';
import { runCli, type CliResult } from '../src/test-support/run-cli.js';
import { createTestLocation, type TestLocation } from '../src/test-support/test-store.js';

type Files = Record<string, string | Buffer>;
type ByKind = Record<string, { in: number; out: number }>;
interface Summary {
  format: string;
  found: string;
  dryRun: boolean;
  people: number;
  accounts: number;
  interactions: { new: number; known: number };
  byKind: ByKind;
}

// ---- fixtures -------------------------------------------------------------------------------

const ytd = (global: string, items: unknown[]) => `window.YTD.${global} = ${JSON.stringify(items, null, 2)}`;
const wrap = (key: string, items: unknown[]) => items.map((v) => ({ [key]: v }));
const userLink = (id: string) => ({ accountId: id, userLink: `https://twitter.com/intent/user?user_id=${id}` });

/**
 * The X archive of @shop (user 100): a post, a reply to @bo (42), a retweet of @ana (43); a 1:1
 * conversation with bo (one message in, two out); 3 followers and 2 followed accounts known by
 * id only (bo among them, completed by the reply); one like.
 */
function xArchive(): Files {
  const mention = (id: string, screen: string) => ({ id_str: id, screen_name: screen, name: screen, indices: ['0', '3'] });
  const tweets = [
    { id_str: '1001', created_at: 'Mon Jun 03 09:00:00 +0000 2024', full_text: 'Fresh rye today', entities: { user_mentions: [], urls: [] } },
    { id_str: '1002', created_at: 'Mon Jun 03 09:15:00 +0000 2024', full_text: '@bo thanks &amp; see you', in_reply_to_status_id_str: '900', in_reply_to_user_id_str: '42', in_reply_to_screen_name: 'bo', entities: { user_mentions: [mention('42', 'bo')], urls: [] } },
    { id_str: '1003', created_at: 'Tue Jun 04 10:00:00 +0000 2024', full_text: 'RT @ana: Our new sourdough class', entities: { user_mentions: [mention('43', 'ana')], urls: [] } },
  ];
  const conversation = {
    conversationId: '42-100',
    messages: [
      { messageCreate: { id: '5003', senderId: '100', recipientId: '42', text: 'Saturday at 10', createdAt: '2024-06-05T10:02:00.000Z', mediaUrls: [] } },
      { messageCreate: { id: '5002', senderId: '100', recipientId: '42', text: 'Yes, one seat left', createdAt: '2024-06-05T10:01:00.000Z', mediaUrls: [] } },
      { messageCreate: { id: '5001', senderId: '42', recipientId: '100', text: 'Is the class full?', createdAt: '2024-06-05T10:00:00.000Z', mediaUrls: [] } },
    ],
  };
  return {
    'Your archive.html': '<html></html>',
    'data/manifest.js': `window.__THAR_CONFIG = ${JSON.stringify({
      userInfo: { accountId: '100', userName: 'shop', displayName: 'Crumb & Co' },
      archiveInfo: { generationDate: '2024-07-01T12:00:00.000Z', isPartialArchive: false },
    })}`,
    'data/account.js': ytd('account.part0', [{ account: { username: 'shop', accountId: '100', accountDisplayName: 'Crumb & Co', createdAt: '2015-03-01T09:00:00.000Z' } }]),
    'data/tweets.js': ytd('tweets.part0', wrap('tweet', tweets)),
    'data/direct-messages.js': ytd('direct_messages.part0', wrap('dmConversation', [conversation])),
    'data/follower.js': ytd('follower.part0', wrap('follower', [userLink('42'), userLink('48'), userLink('49')])),
    'data/following.js': ytd('following.part0', wrap('following', [userLink('42'), userLink('50')])),
    'data/like.js': ytd('like.part0', wrap('like', [{ tweetId: '1790000000000000005', expandedUrl: 'https://twitter.com/i/web/status/1790000000000000005' }])),
  };
}

const X_FOUND = 'X archive of @shop: 3 tweets, 3 DMs, 3 followers, 2 following, 1 like';
const X_BY_KIND: ByKind = {
  dm: { in: 1, out: 2 },
  follow: { in: 3, out: 2 },
  like: { in: 0, out: 1 },
  post: { in: 0, out: 1 },
  reply: { in: 0, out: 1 },
  share: { in: 0, out: 1 },
};
// bo (42), ana (43), and 48, 49, 50 known by id only.
const X_PEOPLE = 5;

const OWNER_DID = 'did:plc:owner7bakery';
const ANA_DID = 'did:plc:ana4xq';

/** A Bluesky repository of three records (a post, a follow, a like) written by @atproto/repo itself. */
async function blueskyRepo(): Promise<{ car: Buffer; likeBlock: string }> {
  const storage = new MemoryBlockstore();
  const signer = { jwtAlg: 'ES256K', did: () => 'did:key:zQ3shTestOnlyNotARealKey', sign: async () => new Uint8Array(64) };
  const writes = [
    { collection: 'app.bsky.feed.post', rkey: '3kownfirstp22', record: { $type: 'app.bsky.feed.post', text: 'Our first rye', createdAt: '2024-03-01T08:00:00.000Z' } },
    { collection: 'app.bsky.graph.follow', rkey: '3kfollowana22', record: { $type: 'app.bsky.graph.follow', subject: ANA_DID, createdAt: '2024-01-01T12:00:00.000Z' } },
    { collection: 'app.bsky.feed.like', rkey: '3klikeana2222', record: { $type: 'app.bsky.feed.like', subject: { uri: `at://${ANA_DID}/app.bsky.feed.post/3kanapost2222`, cid: 'bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm' }, createdAt: '2024-03-17T12:00:00.000Z' } },
  ];
  const repo = await Repo.create(storage, OWNER_DID, signer as never, writes.map((w) => ({ action: WriteOpAction.Create, ...w })) as never);
  const chunks: Uint8Array[] = [];
  for await (const chunk of getFullRepo(storage, repo.cid)) chunks.push(chunk);
  const like = (await repo.data.list()).find((l) => l.key.startsWith('app.bsky.feed.like/'))!;
  return { car: Buffer.concat(chunks), likeBlock: like.value.toString() };
}

/** The same CAR file without one of its blocks (the record tree still points at it). */
async function withoutBlock(car: Buffer, cid: string): Promise<Buffer> {
  const { root, blocks } = await readCarWithRoot(car);
  blocks.delete(blocks.cids().find((c) => c.toString() === cid)!);
  return Buffer.from(await blocksToCarFile(root, blocks));
}

/** Writes a zip, then renames one entry in place (yazl refuses to write names like `../x`). */
async function zipWithEntryName(path: string, files: Files, from: string, to: string): Promise<string> {
  assert.equal(from.length, to.length);
  await writeZip(path, files);
  writeFileSync(path, Buffer.from(readFileSync(path).toString('latin1').replaceAll(from, to), 'latin1'));
  return path;
}

let dir: string;
const file: Record<string, string> = {};

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rapport-archives-'));
  const at = (name: string) => join(dir, name);
  file.x = await writeZip(at('twitter-2024-07-01-abc123.zip'), xArchive());
  file.mastodon = await writeZip(at('archive-20240310120000-0123456789abcdef0123456789abcdef.zip'), mastodonArchive());
  file.linkedin = await writeZip(at('Basic_LinkedInDataExport_01-15-2026.zip'), linkedinExport());
  const { car, likeBlock } = await blueskyRepo();
  file.bluesky = at('bsky-repo.car');
  writeFileSync(file.bluesky, car);

  file.foreign = await writeZip(at('holiday-photos.zip'), { 'notes.txt': 'Remember the sunscreen', 'photos/beach.jpg': Buffer.from([0xff, 0xd8, 0xff]) });
  const xZip = readFileSync(file.x);
  file.truncated = at('twitter-truncated.zip');
  writeFileSync(file.truncated, xZip.subarray(0, Math.floor(xZip.length * 0.6)));
  file.escape = await zipWithEntryName(at('escape.zip'), { ...xArchive(), 'xx/evil.js': 'window.YTD.x.part0 = []' }, 'xx/evil.js', '../evil.js');
  file.bomb = await writeZip(at('bomb.zip'), { 'data/account.js': xArchive()['data/account.js']!, 'data/tweets.js': Buffer.alloc(30 * 1024 * 1024, 0x20) });
  const cutOutbox = String(mastodonArchive()['outbox.json']);
  file.cutJson = await writeZip(at('archive-cut.zip'), { ...mastodonArchive(), 'outbox.json': cutOutbox.slice(0, Math.floor(cutOutbox.length / 2)) });
  file.badCsv = writeFolder(at('linkedin-bad-header'), { ...linkedinExport(), 'Connections.csv': badHeaderConnections() });
  file.missingBlock = at('missing-block.car');
  writeFileSync(file.missingBlock, await withoutBlock(car, likeBlock));
  file.emptyFolder = at('empty-folder');
  mkdirSync(file.emptyFolder);
});

after(() => rmSync(dir, { recursive: true, force: true }));

// ---- helpers --------------------------------------------------------------------------------

type Cli = ((...args: string[]) => Promise<CliResult>) & { withEnv(env: Record<string, string>): (...args: string[]) => Promise<CliResult> };

/** A fresh workspace (SQLite, or its own PostgreSQL database when DATABASE_URL is set). */
async function withWorkspace(fn: (cli: Cli) => Promise<void>): Promise<void> {
  const location: TestLocation = await createTestLocation();
  const data = join(location.dir, 'workspace');
  const withEnv = (env: Record<string, string>) => (...args: string[]) => runCli(['--data', data, ...args], { env: { ...location.env, ...env } });
  try {
    await fn(Object.assign(withEnv({}), { withEnv }));
  } finally {
    await location.cleanup();
  }
}

function ok(result: CliResult): CliResult {
  assert.equal(result.code, 0, `exit ${result.code}\n${result.stdout}\n${result.stderr}`);
  return result;
}

async function importJson(cli: Cli, path: string, ...flags: string[]): Promise<Summary> {
  return ok(await cli('import', path, '--json', ...flags)).json<Summary>();
}

async function stats(cli: Cli): Promise<unknown> {
  return ok(await cli('stats', '--json')).json();
}

// ---- what a good import says ----------------------------------------------------------------

test('an X archive: the "found" line, a dry run that writes nothing, the counts by kind and direction; again, nothing new', async () => {
  await withWorkspace(async (cli) => {
    const dry = await importJson(cli, file.x!, '--dry-run');
    assert.equal(dry.dryRun, true);
    assert.equal(dry.found, X_FOUND);
    assert.deepEqual(dry.byKind, X_BY_KIND);
    assert.deepEqual(dry.interactions, { new: 12, known: 0 });
    const untouched = (await stats(cli)) as { people: number; accounts: unknown[]; interactions: { total: number } };
    assert.deepEqual([untouched.people, untouched.accounts, untouched.interactions.total], [0, [], 0]);

    const human = ok(await cli('import', file.x!));
    assert.match(human.stderr, new RegExp(`^Found: ${X_FOUND}$`, 'm'));
    assert.match(human.stdout, /^Imported X archive\.$/m);
    assert.match(human.stdout, /^ {2}interactions: 12 new, 0 already known$/m);
    assert.match(human.stdout, /^ {2}people: {7}5 new$/m);
    assert.match(human.stdout, /^dm\s+1\s+2$/m);
    assert.match(human.stdout, /^follow\s+3\s+2$/m);
    const filled = await stats(cli);

    const again = await importJson(cli, file.x!);
    assert.equal(again.format, 'X archive');
    assert.deepEqual(again.interactions, { new: 0, known: 12 });
    assert.deepEqual(again.byKind, {});
    assert.equal(again.people, 0);
    assert.deepEqual(await stats(cli), filled);
  });
});

test('a Bluesky .car and a LinkedIn zip are recognised without a flag and say what they hold', async () => {
  await withWorkspace(async (cli) => {
    const bluesky = await importJson(cli, file.bluesky!);
    assert.equal(bluesky.format, 'Bluesky repository export');
    assert.match(bluesky.found, new RegExp(`^Bluesky repository of ${OWNER_DID}: 1 post, .*1 like, 1 follow`));
    assert.deepEqual(bluesky.byKind, { follow: { in: 0, out: 1 }, like: { in: 0, out: 1 }, post: { in: 0, out: 1 } });
    assert.equal(bluesky.people, 1);

    const linkedin = await importJson(cli, file.linkedin!);
    assert.equal(linkedin.format, 'LinkedIn export');
    assert.equal(linkedin.found, 'LinkedIn export of Ana Souza: 4 connections, 5 messages, 2 invitations, 3 shares, 3 comments, 2 reactions');
    assert.deepEqual(linkedin.byKind, {
      dm: { in: 3, out: 3 }, follow: { in: 5, out: 1 }, like: { in: 0, out: 2 }, post: { in: 0, out: 2 }, reply: { in: 0, out: 3 }, share: { in: 0, out: 1 },
    });
    assert.equal(linkedin.people, 8);
  });
});

test('an X and a Mastodon archive of one owner share a workspace; merge shows a person on both, unmerge splits them', async () => {
  await withWorkspace(async (cli) => {
    await importJson(cli, file.x!);
    const mastodon = await importJson(cli, file.mastodon!);
    assert.equal(mastodon.format, 'Mastodon archive');
    assert.deepEqual(mastodon.byKind, NEWER_BY_KIND);
    const totals = (await stats(cli)) as { accounts: { platform: string; handle: string }[]; people: number };
    assert.deepEqual(totals.accounts.map((a) => `${a.platform}:${a.handle}`).sort(), ['mastodon:@ann@ex.social', 'x:@shop']);
    assert.equal(totals.people, X_PEOPLE + 5);

    const merged = ok(await cli('merge', 'x:@bo', 'mastodon:@bo@other.net'));
    assert.match(merged.stdout, /^Merged: .* one person with /);
    const card = ok(await cli('person', 'bo@other.net', '--json')).json<{ identities: { platform: string; handle: string }[] }>();
    assert.deepEqual(card.identities.map((i) => `${i.platform}:${i.handle}`).sort(), ['mastodon:@bo@other.net', 'x:@bo']);

    ok(await cli('unmerge', 'mastodon:@bo@other.net'));
    const alone = ok(await cli('person', 'x:@bo', '--json')).json<{ identities: { platform: string }[] }>();
    assert.deepEqual(alone.identities.map((i) => i.platform), ['x']);
    assert.equal(((await stats(cli)) as { people: number }).people, X_PEOPLE + 5);
  });
});

// ---- bad input: one message naming the file and the problem, exit 1, nothing written ---------

test('bad input is refused with one message naming the file and the problem, and the workspace stays as it was', async () => {
  await withWorkspace(async (cli) => {
    await importJson(cli, file.x!);
    const baseline = await stats(cli);
    const refused = async (path: string, problem: RegExp, ...flags: string[]) => {
      const result = await cli('import', path, ...flags);
      assert.equal(result.code, 1, `${path}: exit ${result.code}\n${result.stdout}\n${result.stderr}`);
      assert.equal(result.stdout, '');
      const errors = result.stderr.split('\n').filter((line) => line.startsWith('error:'));
      assert.equal(errors.length, 1, result.stderr);
      const message = errors[0]!;
      assert.ok(message.includes(path), `the message names ${path}: ${message}`);
      assert.match(message, problem);
      assert.deepEqual(await stats(cli), baseline, `${path} changed the workspace`);
    };
    await refused(file.foreign!, /not a kind of file rapport can import/);
    await refused(file.truncated!, /the zip file is damaged or incomplete/);
    await refused(file.escape!, /the entry "\.\.\/evil\.js" points outside the archive's folder/);
    await refused(file.bomb!, /expands \d+ times its size \(limit 200\); it looks like a zip bomb/);
    await refused(file.x!, /expands to .* above the 1\.0 KB limit/, '--max-archive-bytes', '1024');
    await refused(file.cutJson!, /outbox\.json: not valid JSON, the file looks cut off or damaged/);
    await refused(file.badCsv!, /Connections\.csv: not LinkedIn's Connections\.csv: .*First Name/);
    await refused(file.missingBlock!, /missing block \w+ holding the record app\.bsky\.feed\.like\//);
    await refused(file.emptyFolder!, /the folder is empty/);
  });
});

test('the archive size limit can also be set with RAPPORT_MAX_ARCHIVE_BYTES', async () => {
  await withWorkspace(async (cli) => {
    const small = await cli.withEnv({ RAPPORT_MAX_ARCHIVE_BYTES: '1024' })('import', file.x!);
    assert.equal(small.code, 1);
    assert.match(small.stderr, /above the 1\.0 KB limit/);
    assert.match(small.stderr, /RAPPORT_MAX_ARCHIVE_BYTES/);
  });
});
