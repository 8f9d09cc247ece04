import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { InputError } from '../../domain/errors.js';
import { importPath } from '../../ingest/import-path.js';
import { withTestStore } from '../../test-support/test-store.js';

const DESIGN_EXAMPLE = [
  '{"type":"account","platform":"mastodon","handle":"@shop@example.social"}',
  '{"type":"profile","platform":"mastodon","handle":"@ana@example.social","name":"Ana","bio":"...","location":"Porto","followers":120,"following":310,"posts":800,"created":"2021-04-01T00:00:00Z"}',
  '{"type":"interaction","platform":"mastodon","id":"m-0","at":"2026-10-31T08:00:00Z","actor":"@shop@example.social","kind":"post","text":"Our first rye of the season"}',
  '{"type":"interaction","platform":"mastodon","id":"m-1","at":"2026-11-01T10:00:00Z","actor":"@ana@example.social","target":"@shop@example.social","kind":"reply","text":"Loved this!","inReplyTo":"m-0"}',
  '{"type":"interaction","platform":"mastodon","id":"m-2","at":"2026-11-01T10:05:00Z","actor":"@ana@example.social","target":"@shop@example.social","kind":"share","about":"m-0"}',
  '{"type":"note","platform":"mastodon","handle":"@ana@example.social","at":"2026-11-02T09:00:00Z","text":"away until the 12th","remind":"2026-11-12"}',
].join('\n');

test("DESIGN §4's example imports to exactly one person, three interactions and one note; again, all known", async () => {
  await withTestStore(async (store, { dir }) => {
    const file = join(dir, 'example.jsonl');
    writeFileSync(file, `${DESIGN_EXAMPLE}\n`);
    const first = await importPath(store, file);
    assert.equal(first.format, 'rapport JSONL');
    assert.equal(first.people, 1);
    assert.equal(first.accounts, 1);
    assert.deepEqual(first.interactions, { new: 3, known: 0 });
    assert.deepEqual(first.byKind, { post: { in: 0, out: 1 }, reply: { in: 1, out: 0 }, share: { in: 1, out: 0 } });
    assert.equal(first.notes, 1);
    assert.deepEqual(first.skipped, []);

    const again = await importPath(store, file);
    assert.equal(again.people, 0);
    assert.deepEqual(again.interactions, { new: 0, known: 3 });
    assert.equal(again.notes, 0);
    assert.equal(again.notesKnown, 1);

    const stats = await store.stats();
    assert.equal(stats.people, 1);
    assert.equal(stats.interactions.total, 3);
    const [ana] = await store.findIdentities('@ana@example.social');
    assert.equal(ana?.location, 'Porto');
    assert.equal(ana?.followers, 120);
  });
});

test('bad lines are skipped and listed with their number and problem; the good ones are imported', async () => {
  await withTestStore(async (store, { dir }) => {
    const file = join(dir, 'mixed.jsonl');
    const lines = DESIGN_EXAMPLE.split('\n');
    writeFileSync(file, [
      lines[0],
      '{"type":"interaction","platform":"mastodon","id":"m-5","at":"yesterday","actor":"@bo@example.social","target":"@shop@example.social","kind":"like"}',
      '{"type":"interaction","platform":"mastodon","id":"m-6","at":"2026-11-01T10:00:00Z","actor":"@bo@example.social","target":"@shop@example.social","kind":"hug"}',
      lines[3],
      '',
      '{"type":"interaction","platform":"mastodon","id":"m-7","at":"2026-11-0', // cut off
    ].join('\n'));
    const summary = await importPath(store, file);
    assert.deepEqual(summary.interactions, { new: 1, known: 0 });
    assert.equal(summary.skippedCount, 3);
    assert.deepEqual(summary.skipped.map((s) => s.line), [2, 3, 6]);
    assert.match(summary.skipped[0]!.reason, /bad date "yesterday"/);
    assert.match(summary.skipped[1]!.reason, /unknown kind "hug"/);
    assert.match(summary.skipped[2]!.reason, /not valid JSON/);
  });
});

test('a file that is not rapport JSONL is refused before anything is written', async () => {
  await withTestStore(async (store, { dir }) => {
    const seed = join(dir, 'seed.jsonl');
    writeFileSync(seed, DESIGN_EXAMPLE);
    await importPath(store, seed);
    const before = await store.stats();
    const cases: [string, string | Buffer, RegExp][] = [
      ['empty.jsonl', '', /the file is empty/],
      ['binary.jsonl', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /binary/],
      ['prose.jsonl', 'Dear customer,\nthanks for your order.\n', /not rapport JSONL: line 1 is not JSON/],
      ['array.json', '[{"a":1}]\n', /not rapport JSONL/],
      ['objects.jsonl', '{"name":"Ana"}\n{"name":"Bo"}\n', /no "type" field/],
      ['latin1.jsonl', Buffer.from('{"type":"note","text":"caf\xe9"}\n', 'latin1'), /not UTF-8/],
      ['notes.txt', 'just some text\n', /not a kind of file rapport can import/],
    ];
    for (const [name, content, message] of cases) {
      const file = join(dir, name);
      writeFileSync(file, content);
      await assert.rejects(importPath(store, file), (e: unknown) => {
        assert.ok(e instanceof InputError, `${name}: ${String(e)}`);
        assert.match(e.message, message, name);
        assert.ok(e.message.includes(name), `the message names the file: ${e.message}`);
        assert.ok(e.hint, 'a hint says what to do');
        return true;
      });
    }
    assert.deepEqual(await store.stats(), before);
  });
});

test('a missing path is a clear error', async () => {
  await withTestStore(async (store, { dir }) => {
    await assert.rejects(importPath(store, join(dir, 'nope.jsonl')), /no such file or folder/);
  });
});

test('a dry run reports exact counts and writes nothing', async () => {
  await withTestStore(async (store, { dir }) => {
    const file = join(dir, 'example.jsonl');
    writeFileSync(file, DESIGN_EXAMPLE);
    const before = await store.stats();
    const summary = await importPath(store, file, { dryRun: true });
    assert.equal(summary.dryRun, true);
    assert.deepEqual(summary.interactions, { new: 3, known: 0 });
    assert.deepEqual(await store.stats(), before);
  });
});

test('a big file streams in batches, and progress reaches the end', async () => {
  await withTestStore(async (store, { dir }) => {
    const file = join(dir, 'big.jsonl');
    const lines = ['{"type":"account","platform":"x","handle":"@shop"}'];
    for (let i = 0; i < 5000; i++) {
      lines.push(JSON.stringify({ type: 'interaction', platform: 'x', id: `t${i}`, at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(), actor: `@p${i % 50}`, target: '@shop', kind: 'like' }));
    }
    writeFileSync(file, lines.join('\n'));
    let last = 0;
    let total = 0;
    const summary = await importPath(store, file, { batchSize: 700, onProgress: (done, all) => ((last = done), (total = all)) });
    assert.deepEqual(summary.interactions, { new: 5000, known: 0 });
    assert.equal(summary.people, 50);
    assert.equal(last, total);
  });
});
