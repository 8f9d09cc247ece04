/**
 * Imports through the web: the same pipeline, summary and errors as `rapport import`; uploads
 * over the limit are refused before anything is parsed; a broken file changes nothing.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { test } from 'node:test';
import { HistoryBuilder } from '../test-support/history-builder.js';
import { waitForJob, withServer, type TestServer } from '../test-support/test-server.js';
import { usingPostgres } from '../test-support/test-store.js';
import { safeFileName } from './routes/import.js';
import { ImportJobResponse } from './schemas.js';

const dialect = usingPostgres ? 'postgres' : 'sqlite';

function twoFriends(): HistoryBuilder {
  const h = new HistoryBuilder();
  h.profile('@ana@example.social', { name: 'Ana Lima' });
  const post = h.post('2026-11-01T09:00:00Z', 'Our first rye of the season');
  h.inbound('@ana@example.social', 'reply', '2026-11-01T10:00:00Z', { text: 'Loved this! <script>alert(1)</script>', inReplyTo: post });
  h.inbound('@ben@example.social', 'share', '2026-11-02T10:00:00Z', { about: post });
  return h;
}

async function upload(server: TestServer, content: string | Uint8Array, name: string): Promise<{ status: number; body: any }> {
  const form = new FormData();
  form.append('file', new Blob([content]), name);
  const res = await fetch(`${server.url}/api/import`, { method: 'POST', body: form });
  return { status: res.status, body: await res.json() };
}

test(`[${dialect}] a multipart upload is imported with the CLI's summary; importing it again adds nothing`, async () => {
  await withServer(undefined, {}, async (server) => {
    const jsonl = twoFriends().toJsonl();
    const started = await upload(server, jsonl, 'friends.jsonl');
    assert.equal(started.status, 200);
    assert.equal(typeof started.body.jobId, 'string');
    const job = await waitForJob(server, started.body.jobId);
    assert.ok(ImportJobResponse.safeParse(job).success);
    assert.equal(job.state, 'done', JSON.stringify(job));
    assert.equal(job.summary.file, 'friends.jsonl', 'named as uploaded, not by its temporary path');
    assert.deepEqual(job.summary.interactions, { new: 3, known: 0 });
    assert.equal(job.summary.people, 2);
    assert.equal((await server.call('/api/workspace')).body.stats.interactions.total, 3);

    const again = await waitForJob(server, (await upload(server, jsonl, 'friends.jsonl')).body.jobId);
    assert.deepEqual(again.summary.interactions, { new: 0, known: 3 });

    // Imported text comes back as the very characters it was: rendering it as text is the page's job.
    const ana = (await server.call('/api/people?q=ana')).body.people[0];
    const card = await server.call(`/api/people/${ana.id}`);
    assert.equal(card.body.timeline[0].text, 'Loved this! <script>alert(1)</script>');
  });
});

test(`[${dialect}] a raw upload with ?name= works the same way`, async () => {
  await withServer(undefined, {}, async (server) => {
    const res = await fetch(`${server.url}/api/import?name=${encodeURIComponent('my export.jsonl')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: twoFriends().toJsonl(),
    });
    assert.equal(res.status, 200);
    const job = await waitForJob(server, ((await res.json()) as { jobId: string }).jobId);
    assert.equal(job.state, 'done');
    assert.equal(job.summary.file, 'my_export.jsonl');
    assert.equal(job.summary.interactions.new, 3);
  });
});

test(`[${dialect}] a broken file fails with the CLI's message and leaves the workspace as it was`, async () => {
  await withServer(twoFriends(), {}, async (server) => {
    const before = (await server.call('/api/workspace')).body.stats;
    const started = await upload(server, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9]), 'twitter-export.zip');
    const job = await waitForJob(server, started.body.jobId);
    assert.equal(job.state, 'failed');
    assert.match(job.error.error, /^twitter-export\.zip: /, 'names the file as uploaded');
    assert.doesNotMatch(JSON.stringify(job.error), /rapport-upload-/, 'never shows the temporary path');
    assert.ok(job.error.hint, 'says what to do');

    const noise = await waitForJob(server, (await upload(server, 'just some words\nnot an export\n', 'notes.txt')).body.jobId);
    assert.equal(noise.state, 'failed');
    assert.equal(noise.error.error, 'notes.txt: not a kind of file rapport can import');
    assert.match(noise.error.hint, /Nothing was imported/);

    assert.deepEqual((await server.call('/api/workspace')).body.stats, before);
    assert.equal((await server.call('/api/import/no-such-job')).status, 404);
  });
});

test(`[${dialect}] an upload over the limit is refused before it is parsed`, async () => {
  await withServer(undefined, { maxUploadBytes: 1024 }, async (server) => {
    const big = twoFriends().toJsonl().repeat(10);
    assert.ok(big.length > 1024);

    // Declared too big: refused from the Content-Length, before a byte is read.
    const declared = await upload(server, big, 'big.jsonl');
    assert.equal(declared.status, 413);
    assert.match(declared.body.error, /larger than the limit of 1024 bytes/);
    assert.match(declared.body.hint, /--max-upload/);

    // Sent without a length (chunked): refused while streaming, once the limit is passed.
    const { port } = new URL(server.url);
    const streamed = await chunkedPost(Number(port), '/api/import?name=big.jsonl', Buffer.from(big));
    assert.equal(streamed.status, 413, streamed.body);
    assert.match(streamed.body, /larger than the limit/);

    assert.equal((await server.call('/api/workspace')).body.stats.interactions.total, 0, 'nothing was imported');
  });
});

test('an uploaded name is reduced to a safe base name that keeps its extension', () => {
  assert.equal(safeFileName('../../etc/passwd'), 'passwd');
  assert.equal(safeFileName('C:\\Users\\ana\\twitter-2026.zip'), 'twitter-2026.zip');
  assert.equal(safeFileName('my export (1).tar.gz'), 'my_export_1_.tar.gz');
  assert.equal(safeFileName('..'), 'upload');
  assert.equal(safeFileName('.hidden.jsonl'), 'hidden.jsonl');
});

function chunkedPost(port: number, path: string, body: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-type': 'application/octet-stream', 'transfer-encoding': 'chunked' } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    for (let i = 0; i < body.length; i += 256) req.write(body.subarray(i, i + 256));
    req.end();
  });
}
