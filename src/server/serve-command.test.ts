/**
 * `rapport serve` as a user runs it (the built CLI in a child process): it prints its address,
 * serves the demo as of its last day so Today is not empty (building the demo when missing
 * is `rapport demo`'s import, tested with it), stops on Ctrl+C, and refuses an
 * open address without a token.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { importPath } from '../ingest/import-path.js';
import { Store } from '../store/store.js';
import { HistoryBuilder } from '../test-support/history-builder.js';
import { runCli } from '../test-support/run-cli.js';

const ENTRY = fileURLToPath(new URL('../../bin/rapport.js', import.meta.url));

/** A small stand-in for the demo workspace `rapport demo` builds (the real one takes seconds to import). */
async function smallDemo(home: string): Promise<void> {
  const h = new HistoryBuilder();
  const post = h.post('2026-11-01T09:00:00Z', 'Our first rye of the season');
  h.inbound('@ana@example.social', 'quote', '2026-11-18T10:00:00Z', { about: post, text: 'Best rye in town, go and try it!' });
  h.inbound('@ben@example.social', 'follow', '2026-11-19T08:00:00Z');
  const store = await Store.open({ dataDir: join(home, 'demo') });
  try {
    await importPath(store, h.writeTo(home));
  } finally {
    await store.close();
  }
}

test('serve --demo prints its address, serves the demo as of its last day and stops on SIGINT', async () => {
  const home = mkdtempSync(join(tmpdir(), 'rapport-serve-'));
  await smallDemo(home);
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', RAPPORT_HOME: home };
  delete env.DATABASE_URL;
  delete env.RAPPORT_TOKEN;
  const child = spawn(process.execPath, [ENTRY, 'serve', '--demo', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const match = /rapport is running at (http:\/\/127\.0\.0\.1:\d+) — press Ctrl\+C to stop/.exec(out);
        if (match) resolve(match[1]!);
      });
      void exited.then((code) => reject(new Error(`serve exited (${code}) before listening:\n${out}\n${err}`)));
    });

    const workspace = (await (await fetch(`${url}/api/workspace`)).json()) as { at: string; stats: { interactions: { last: string } } };
    assert.equal(workspace.at, '2026-11-19T08:00:00.000Z', 'the demo is served as of its latest interaction');
    assert.equal(workspace.at, workspace.stats.interactions.last);
    const today = (await (await fetch(`${url}/api/today`)).json()) as { actions: unknown[] };
    assert.ok(today.actions.length > 0, 'the demo agenda has actions');

    child.kill('SIGINT');
    assert.equal(await exited, 0);
  } finally {
    child.kill('SIGKILL');
    rmSync(home, { recursive: true, force: true });
  }
});

test('serve refuses a non-loopback address without a token, saying what to do', async () => {
  const home = mkdtempSync(join(tmpdir(), 'rapport-serve-'));
  try {
    const [result, badPort] = await Promise.all([
      runCli(['serve', '--host', '0.0.0.0', '--port', '0'], { env: { RAPPORT_HOME: home, DATABASE_URL: '', RAPPORT_TOKEN: '' } }),
      runCli(['serve', '--port', 'eighty'], { env: { RAPPORT_HOME: home, DATABASE_URL: '' } }),
    ]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /Refusing to listen on 0\.0\.0\.0 without a token/);
    assert.match(result.stderr, /--token/);
    assert.equal(result.stdout, '');

    assert.equal(badPort.code, 2);
    assert.match(badPort.stderr, /"eighty" is not a port/);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});
