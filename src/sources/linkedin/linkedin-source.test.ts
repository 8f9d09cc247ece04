import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { InputError } from '../../domain/errors.js';
import { importPath } from '../../ingest/import-path.js';
import { Store } from '../../store/store.js';
import { createTestLocation, type TestLocation } from '../../test-support/test-store.js';
import { parseLinkedInDate } from './dates.js';
import { parseProfileUrl } from './people.js';
import { postAuthor, postKey } from './posts.js';
import {
  badHeaderConnections, basicExport, connectionsAlone, messagesAlone, nameOnlyExport, newerExport, truncatedMessages,
  writeFolder, writeZip,
} from './test-fixtures.js';

let dir: string;
let store: Store;
let location: TestLocation;

// SQLite by default, a PostgreSQL database of its own when DATABASE_URL is set.
beforeEach(async () => {
  location = await createTestLocation();
  dir = location.dir;
  store = await Store.open(location.options);
});
afterEach(async () => {
  await store.close();
  await location.cleanup();
});

const BASIC_BY_KIND = {
  dm: { in: 3, out: 3 },
  follow: { in: 5, out: 1 },
  like: { in: 0, out: 2 },
  post: { in: 0, out: 2 },
  reply: { in: 0, out: 3 },
  share: { in: 0, out: 1 },
};

async function handles(): Promise<string[]> {
  return (await store.people()).flatMap((p) => p.identities.map((i) => i.handle ?? `uid:${i.uid}`)).sort();
}

async function expectInputError(path: string, ...fragments: string[]): Promise<void> {
  const before = await store.stats();
  await assert.rejects(importPath(store, path), (e: unknown) => {
    assert.ok(e instanceof InputError, `expected an InputError, got ${String(e)}`);
    for (const f of fragments) assert.match(e.message, new RegExp(f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    return true;
  });
  assert.deepEqual(await store.stats(), before);
}

describe('LinkedIn export', () => {
  it('imports the zip: people, kinds and directions, summary; a second import adds nothing', async () => {
    const zip = join(dir, 'Basic_LinkedInDataExport_01-15-2026.zip');
    await writeZip(zip, basicExport());
    const summary = await importPath(store, zip);
    assert.equal(summary.format, 'LinkedIn export');
    assert.equal(summary.found, 'LinkedIn export of Ana Souza: 4 connections, 5 messages, 2 invitations, 3 shares, 3 comments, 2 reactions');
    assert.equal(summary.accounts, 1);
    assert.equal(summary.people, 8);
    assert.deepEqual(summary.byKind, BASIC_BY_KIND);
    assert.deepEqual(summary.interactions, { new: 20, known: 0 });
    assert.equal(summary.skippedCount, 0);
    assert.deepEqual(await handles(), [
      'in/ada-quill-1b2c', 'in/bruno-lima', 'in/dan-obrien', 'in/eva-reis', 'in/fabio-r', 'in/gil-m', 'in/hana-k', 'name:Carla Dias',
    ]);
    const stats = await store.stats();
    assert.deepEqual(stats.accounts, [{ platform: 'linkedin', handle: 'in/ana-souza' }]);

    const again = await importPath(store, zip);
    assert.equal(again.people, 0);
    assert.deepEqual(again.interactions, { new: 0, known: 20 });
    assert.deepEqual(again.byKind, {});
    assert.deepEqual(await store.stats(), stats);
  });

  it('maps each row faithfully: ids, times, texts, targets, inReplyTo and about', async () => {
    const zip = join(dir, 'export.zip');
    await writeZip(zip, basicExport());
    await importPath(store, zip);
    const all = await store.allInteractions();
    const byId = new Map(all.map((i) => [i.pid, i]));
    const connect = byId.get('connect:in/ada-quill-1b2c');
    assert.ok(connect);
    assert.equal(connect.kind, 'follow');
    assert.equal(connect.direction, 'in');
    assert.equal(connect.at, '2021-02-05T00:00:00.000Z');
    const post = byId.get('urn:li:share:7001');
    assert.equal(post?.kind, 'post');
    assert.equal(post?.text, 'Our first rye of the season.\nCome by!');
    assert.equal(post?.at, '2024-04-01T07:30:00.000Z');
    const share = byId.get('urn:li:ugcPost:7003');
    assert.equal(share?.kind, 'share');
    assert.equal(share?.about, 'urn:li:activity:7002');
    assert.equal(byId.get('urn:li:share:7004')?.text, 'New recipe on our site\nhttps://paobom.example/rye');
    const replies = all.filter((i) => i.kind === 'reply');
    assert.deepEqual(replies.map((r) => r.inReplyTo).sort(), ['urn:li:activity:7005', 'urn:li:activity:7006', 'urn:li:share:7001']);
    const invite = all.find((i) => i.kind === 'follow' && i.direction === 'out');
    assert.equal(invite?.text, 'Hi Fabio, we met at the Porto bread fair');
    assert.equal(invite?.at, '2025-09-01T10:00:00.000Z');
    const dms = all.filter((i) => i.kind === 'dm');
    assert.ok(dms.some((d) => d.text === 'Partnership idea\n\nWould you stock our flour?'));
    assert.ok(dms.some((d) => d.text === 'Thanks Ada!\nHow is Hooli treating you?' && d.direction === 'out' && d.at === '2024-01-06T11:00:00.000Z'));
    assert.ok(dms.every((d) => d.pid.startsWith('msg:')));
    assert.ok(all.filter((i) => i.kind === 'like').every((l) => l.about?.startsWith('urn:li:activity:')));
  });

  it('imports the unpacked folder the same way (and ignores the AI-coach guide_messages.csv)', async () => {
    const folder = join(dir, 'Basic_LinkedInDataExport_01-15-2026');
    writeFolder(folder, basicExport());
    const summary = await importPath(store, folder);
    assert.equal(summary.people, 8);
    assert.deepEqual(summary.byKind, BASIC_BY_KIND);
  });

  it('a newer overlapping export (subfolder, _<memberId> suffixes, CRLF, new message columns, a draft) adds only what is new', async () => {
    const first = join(dir, 'first.zip');
    const second = join(dir, 'Complete_LinkedInDataExport_02-20-2026.zip');
    await writeZip(first, basicExport());
    await writeZip(second, newerExport());
    await importPath(store, first);
    const summary = await importPath(store, second);
    assert.equal(summary.found, 'LinkedIn export of Ana Souza: 5 connections, 7 messages, 3 invitations, 4 shares, 3 comments, 2 reactions');
    assert.equal(summary.accounts, 0);
    assert.equal(summary.people, 2); // Ivo, Jo
    assert.deepEqual(summary.byKind, { dm: { in: 0, out: 1 }, follow: { in: 2, out: 0 }, post: { in: 0, out: 1 } });
    assert.deepEqual(summary.interactions, { new: 4, known: 20 });
    const drafts = (await store.allInteractions()).filter((i) => i.text === 'Buy my e-book');
    assert.equal(drafts.length, 0);
  });

  it('the newer export alone imports everything it holds', async () => {
    const zip = join(dir, 'newer.zip');
    await writeZip(zip, newerExport());
    const summary = await importPath(store, zip);
    assert.equal(summary.people, 10);
    assert.deepEqual(summary.byKind, {
      dm: { in: 3, out: 4 }, follow: { in: 7, out: 1 }, like: { in: 0, out: 2 }, post: { in: 0, out: 3 }, reply: { in: 0, out: 3 }, share: { in: 0, out: 1 },
    });
  });

  it('Invitations without URL columns: names resolve only when unambiguous, same-name people are never merged', async () => {
    const folder = join(dir, 'names');
    writeFolder(folder, nameOnlyExport());
    const summary = await importPath(store, folder);
    // Ada (URL), Maria 1, Maria 2, Rui (03 Feb), Rui (04 Feb), Maria by name (ambiguous), Zed by name.
    assert.equal(summary.people, 7);
    assert.deepEqual(summary.byKind, { follow: { in: 6, out: 2 } });
    assert.deepEqual(await handles(), [
      'in/ada-quill-1b2c', 'in/maria-silva-1', 'in/maria-silva-2',
      'name:Maria Silva', 'name:Rui Costa (03 Feb 2021)', 'name:Rui Costa (04 Feb 2021)', 'name:Zed Alves',
    ]);
    assert.deepEqual((await store.stats()).accounts, [{ platform: 'linkedin', handle: 'name:Ana Souza' }]);
    const ada = (await store.allInteractions()).filter((i) => i.kind === 'follow' && i.direction === 'out').map((i) => i.pid);
    assert.equal(ada.length, 2);
  });

  it('a single Connections.csv (BOM, preamble, multi-line field, blank row): owner unknown → in/me', async () => {
    const file = join(dir, 'Connections.csv');
    writeFileSync(file, connectionsAlone());
    const summary = await importPath(store, file);
    assert.equal(summary.found, 'LinkedIn export: 4 connections');
    assert.equal(summary.people, 4);
    assert.deepEqual(summary.byKind, { follow: { in: 4, out: 0 } });
    assert.deepEqual((await store.stats()).accounts, [{ platform: 'linkedin', handle: 'in/me' }]);
  });

  it('a single messages.csv under another name, recognised by its header: the owner is in every conversation', async () => {
    const file = join(dir, 'export (3).csv');
    writeFileSync(file, messagesAlone());
    const summary = await importPath(store, file);
    assert.equal(summary.found, 'LinkedIn export: 4 messages');
    assert.equal(summary.people, 3);
    assert.deepEqual(summary.byKind, { dm: { in: 3, out: 1 } });
    assert.deepEqual((await store.stats()).accounts, [{ platform: 'linkedin', handle: 'in/ana-souza' }]);
  });

  it('a Connections CSV under another name is read as connections, not as the profile (both start with First Name, Last Name)', async () => {
    const file = join(dir, 'my-network.csv');
    writeFileSync(file, connectionsAlone());
    const summary = await importPath(store, file);
    assert.equal(summary.found, 'LinkedIn export: 4 connections');
    assert.deepEqual(summary.byKind, { follow: { in: 4, out: 0 } });
  });

  it('dry run reports the counts and writes nothing', async () => {
    const zip = join(dir, 'export.zip');
    await writeZip(zip, basicExport());
    const before = await store.stats();
    const summary = await importPath(store, zip, { dryRun: true });
    assert.deepEqual(summary.byKind, BASIC_BY_KIND);
    assert.deepEqual(await store.stats(), before);
  });
});

describe('LinkedIn bad input', () => {
  it('Connections.csv lacking First Name → InputError naming the file and the column, nothing written', async () => {
    const zip = join(dir, 'bad.zip');
    const files = basicExport();
    files['Connections.csv'] = badHeaderConnections();
    await writeZip(zip, files);
    await expectInputError(zip, 'Connections.csv', 'lacks First Name');
    const single = join(dir, 'Connections.csv');
    writeFileSync(single, badHeaderConnections());
    await expectInputError(single, 'Connections.csv', 'lacks First Name');
  });

  it('a zip that is not a LinkedIn export → InputError naming the file', async () => {
    const zip = join(dir, 'holiday-photos.zip');
    await writeZip(zip, { 'readme.txt': 'hello', 'budget.csv': 'Item,Cost\nBread,3\n' });
    await expectInputError(zip, 'holiday-photos.zip', 'not a kind of file rapport can import');
  });

  it('messages.csv cut in the middle of a quoted field → InputError naming the file, nothing written', async () => {
    const zip = join(dir, 'cut.zip');
    const files = basicExport();
    files['messages.csv'] = truncatedMessages();
    await writeZip(zip, files);
    await expectInputError(zip, 'messages.csv', 'cut off');
  });

  it('a Shares.csv cut late (after records were read) still leaves the store as it was', async () => {
    const zip = join(dir, 'cut-shares.zip');
    const files = basicExport();
    files['Shares.csv'] = files['Shares.csv']! + '2024-05-01 07:30:00,https://www.linkedin.com/feed/update/urn:li:share:7999/,"Half a';
    await writeZip(zip, files);
    await expectInputError(zip, 'Shares.csv', 'cut off');
  });
});

describe('LinkedIn parsing helpers', () => {
  it('reads the date forms LinkedIn uses, zoneless as UTC', () => {
    assert.equal(parseLinkedInDate('12 Mar 2024'), '2024-03-12T00:00:00.000Z');
    assert.equal(parseLinkedInDate('2023-05-01 14:22:10 UTC'), '2023-05-01T14:22:10.000Z');
    assert.equal(parseLinkedInDate('2024-04-01 07:30:00'), '2024-04-01T07:30:00.000Z');
    assert.equal(parseLinkedInDate('9/1/26, 10:00 AM'), '2026-09-01T10:00:00.000Z');
    assert.equal(parseLinkedInDate('1/6/24, 12:05\u202fPM'), '2024-01-06T12:05:00.000Z');
    assert.equal(parseLinkedInDate('12/1/26, 12:05 AM'), '2026-12-01T00:05:00.000Z');
    assert.equal(parseLinkedInDate('Feb 1, 2026'), '2026-02-01T00:00:00.000Z');
    assert.equal(parseLinkedInDate('2024-04-01T07:30:00+02:00'), '2024-04-01T05:30:00.000Z');
    assert.equal(parseLinkedInDate('31 Feb 2024'), undefined);
    assert.equal(parseLinkedInDate('yesterday'), undefined);
  });

  it('normalises profile URLs to in/<vanity>', () => {
    assert.equal(parseProfileUrl('https://www.linkedin.com/in/Ada-Quill-1b2c/')?.handle, 'in/ada-quill-1b2c');
    assert.equal(parseProfileUrl('http://br.linkedin.com/in/bruno-lima?trk=x')?.handle, 'in/bruno-lima');
    assert.equal(parseProfileUrl('linkedin.com/in/jos%C3%A9-s')?.handle, 'in/josé-s');
    assert.equal(parseProfileUrl('https://www.linkedin.com/company/acme/')?.handle, 'company/acme');
    assert.deepEqual(parseProfileUrl('https://www.linkedin.com/in/ACoAABcdEfGhIjKlMn'), { uid: 'ACoAABcdEfGhIjKlMn', url: 'https://www.linkedin.com/in/ACoAABcdEfGhIjKlMn' });
    assert.equal(parseProfileUrl('https://example.com/in/ada'), undefined);
    assert.equal(parseProfileUrl(''), undefined);
  });

  it('finds post URNs and authors in links', () => {
    assert.equal(postKey('https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7001/'), 'urn:li:share:7001');
    assert.equal(postKey('https://www.linkedin.com/feed/update/urn:li:ugcPost:7003?commentUrn=urn%3Ali%3Acomment%3A(x)'), 'urn:li:ugcPost:7003');
    assert.equal(postKey('https://www.linkedin.com/posts/bruno-lima_croissants-activity-7005-ab'), 'urn:li:activity:7005');
    assert.equal(postAuthor('https://www.linkedin.com/posts/bruno-lima_croissants-activity-7005-ab'), 'in/bruno-lima');
    assert.equal(postAuthor('https://www.linkedin.com/feed/update/urn:li:activity:7006/'), undefined);
  });
});
