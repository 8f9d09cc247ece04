import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import * as tar from 'tar';
import yazl from 'yazl';
import { InputError } from '../../domain/errors.js';
import { withTestStore } from '../../test-support/test-store.js';
import { openInput } from './open-input.js';

function writeZip(file: string, entries: Record<string, string | Buffer>): Promise<void> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    for (const [name, content] of Object.entries(entries)) zip.addBuffer(Buffer.from(content), name);
    zip.end();
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => (writeFileSync(file, Buffer.concat(chunks)), resolve()));
    zip.outputStream.on('error', reject);
  });
}

const isInputError = (pattern: RegExp) => (e: unknown) => {
  assert.ok(e instanceof InputError, String(e));
  assert.match(e.message, pattern);
  return true;
};

test('a zip lists its entries and reads them', async () => {
  await withTestStore(async (_store, { dir }) => {
    const file = join(dir, 'export.zip');
    await writeZip(file, { 'data/tweets.js': 'window.YTD = []', 'data/account.js': 'x' });
    const files = await openInput(file);
    assert.equal(files.container, 'zip');
    assert.deepEqual(files.entries.map((e) => e.path), ['data/account.js', 'data/tweets.js']);
    assert.equal(await files.readText('data/tweets.js'), 'window.YTD = []');
    assert.equal((await files.readHead('data/tweets.js', 6)).toString(), 'window');
    await files.close();
  });
});

test('a zip whose entries escape the folder is refused', async () => {
  await withTestStore(async (_store, { dir }) => {
    const file = join(dir, 'evil.zip');
    await writeZip(file, { 'xx/evil.txt': 'boo' });
    // yazl will not write "../", so the name is patched in place (same length) in both headers.
    const bytes = readFileSync(file);
    writeFileSync(file, Buffer.from(bytes.toString('latin1').replaceAll('xx/evil.txt', '../evil.txt'), 'latin1'));
    await assert.rejects(openInput(file), isInputError(/"\.\.\/evil\.txt" points outside/));
  });
});

test('a zip that expands far beyond its size is refused before anything is read', async () => {
  await withTestStore(async (_store, { dir }) => {
    const file = join(dir, 'bomb.zip');
    await writeZip(file, { 'tweets.js': Buffer.alloc(20 * 1024 * 1024) });
    await assert.rejects(openInput(file), isInputError(/expands \d+ times its size .* zip bomb/));
    await assert.rejects(openInput(file, { maxBytes: 1024 * 1024, maxRatio: 1e9 }), isInputError(/expands to 20\.0 MB, above the 1\.0 MB limit/));
  });
});

test('a truncated zip is reported as damaged', async () => {
  await withTestStore(async (_store, { dir }) => {
    const file = join(dir, 'cut.zip');
    await writeZip(file, { 'a.json': '{"x":1}'.repeat(200), 'b.json': '{}' });
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await assert.rejects(openInput(file), isInputError(/cut\.zip: the zip file is damaged or incomplete/));
  });
});

test('an empty folder is refused', async () => {
  await withTestStore(async (_store, { dir }) => {
    const folder = join(dir, 'empty');
    mkdirSync(folder);
    await assert.rejects(openInput(folder), isInputError(/the folder is empty/));
  });
});

test('a tar.gz is opened with its data files only, and a truncated one is refused', async () => {
  await withTestStore(async (_store, { dir }) => {
    const src = join(dir, 'src');
    mkdirSync(join(src, 'media'), { recursive: true });
    writeFileSync(join(src, 'outbox.json'), '{"orderedItems":[]}');
    writeFileSync(join(src, 'media', 'cat.png'), Buffer.alloc(1000, 1));
    const file = join(dir, 'archive.tar.gz');
    await tar.c({ gzip: true, file, cwd: src }, ['outbox.json', 'media']);
    const files = await openInput(file);
    assert.equal(files.container, 'tar');
    assert.deepEqual(files.entries.map((e) => e.path), ['outbox.json']);
    assert.equal(await files.readText('outbox.json'), '{"orderedItems":[]}');
    await files.close();

    const bytes = readFileSync(file);
    const cut = join(dir, 'cut.tar.gz');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await assert.rejects(openInput(cut), isInputError(/cut\.tar\.gz: the tar archive is damaged or incomplete/));
  });
});

test('a tar.gz whose entries escape the folder is refused before anything is unpacked', async () => {
  await withTestStore(async (_store, { dir }) => {
    const src = join(dir, 'src');
    mkdirSync(src);
    writeFileSync(join(src, 'outbox.json'), '{"orderedItems":[]}');
    writeFileSync(join(dir, 'evil.json'), '{}');
    const file = join(dir, 'evil.tar.gz');
    // preservePaths keeps the "../" that a genuine export never has.
    await tar.c({ gzip: true, file, cwd: src, preservePaths: true }, ['outbox.json', '../evil.json']);
    await assert.rejects(openInput(file), isInputError(/evil\.tar\.gz: the entry "\.\.\/evil\.json" points outside the archive's folder/));
  });
});
