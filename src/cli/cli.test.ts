/** The command line as a user meets it: real processes, real exit codes, real output. */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createTestLocation, usingPostgres } from '../test-support/test-store.js';
import { runCli } from '../test-support/run-cli.js';

const EXAMPLE = [
  { type: 'account', platform: 'mastodon', handle: '@shop@example.social' },
  { type: 'profile', platform: 'mastodon', handle: '@ana@example.social', name: 'Ana', location: 'Porto', followers: 120 },
  { type: 'interaction', platform: 'mastodon', id: 'm-0', at: '2026-10-31T08:00:00Z', actor: '@shop@example.social', kind: 'post', text: 'Our first rye of the season' },
  { type: 'interaction', platform: 'mastodon', id: 'm-1', at: '2026-11-01T10:00:00Z', actor: '@ana@example.social', target: '@shop@example.social', kind: 'reply', text: 'Loved this! Do you bake on Sundays?', inReplyTo: 'm-0' },
  { type: 'interaction', platform: 'mastodon', id: 'm-2', at: '2026-11-01T12:00:00Z', actor: '@shop@example.social', target: '@ana@example.social', kind: 'reply', text: 'Thank you Ana! Yes, from 8.', inReplyTo: 'm-1' },
  { type: 'interaction', platform: 'mastodon', id: 'm-3', at: '2026-11-01T10:05:00Z', actor: '@bo@example.social', target: '@shop@example.social', kind: 'follow' },
  { type: 'note', platform: 'mastodon', handle: '@ana@example.social', at: '2026-11-02T09:00:00Z', text: 'away until the 12th', remind: '2026-11-12' },
].map((l) => JSON.stringify(l)).join('\n');

async function workspace() {
  const location = await createTestLocation();
  const file = join(location.dir, 'example.jsonl');
  writeFileSync(file, EXAMPLE);
  return { ...location, file, data: join(location.dir, 'workspace') };
}

test('import prints a summary as JSON, and a second import adds nothing', async () => {
  const ws = await workspace();
  try {
    const first = await runCli(['--data', ws.data, 'import', ws.file, '--json'], { env: ws.env });
    assert.equal(first.code, 0, first.stderr);
    const summary = first.json<{ people: number; interactions: { new: number; known: number }; notes: number; skipped: unknown[]; byKind: object }>();
    assert.equal(summary.people, 2);
    assert.deepEqual(summary.interactions, { new: 4, known: 0 });
    assert.equal(summary.notes, 1);
    assert.deepEqual(summary.skipped, []);
    assert.deepEqual(summary.byKind, { follow: { in: 1, out: 0 }, post: { in: 0, out: 1 }, reply: { in: 1, out: 1 } });
    assert.equal(first.stderr, '', 'no progress bar or chatter in --json mode');

    const again = await runCli(['import', ws.file, '--data', ws.data, '--json'], { env: ws.env });
    assert.deepEqual(again.json<{ interactions: object }>().interactions, { new: 0, known: 4 });

    const human = await runCli(['--data', ws.data, 'import', ws.file], { env: ws.env });
    assert.match(human.stdout, /interactions: 0 new, 4 already known/);
  } finally {
    await ws.cleanup();
  }
});

test('people, person and stats show what was imported', async () => {
  const ws = await workspace();
  try {
    await runCli(['--data', ws.data, 'import', ws.file], { env: ws.env });
    const people = await runCli(['--data', ws.data, 'people', '--json', '--at', '2026-11-20'], { env: ws.env });
    assert.equal(people.code, 0, people.stderr);
    const list = people.json<{ people: { name: string; stage: string }[] }>().people;
    assert.deepEqual(list.map((p) => [p.name, p.stage]), [['Ana', 'acquainted'], ['@bo@example.social', 'connected']]);

    const acquainted = await runCli(['--data', ws.data, 'people', '--stage', 'acquainted', '--json', '--at', '2026-11-20'], { env: ws.env });
    assert.deepEqual(acquainted.json<{ people: { name: string }[] }>().people.map((p) => p.name), ['Ana']);

    const card = await runCli(['--data', ws.data, 'person', 'ana', '--json', '--at', '2026-11-20'], { env: ws.env });
    assert.equal(card.code, 0, card.stderr);
    const person = card.json<{ name: string; relationship: { stage: string; byKind: object; touches: { lastIn: string; lastOut: string } }; notes: { text: string }[]; latest: { pid: string }[] }>();
    assert.equal(person.name, 'Ana');
    assert.equal(person.relationship.stage, 'acquainted');
    assert.deepEqual(person.relationship.byKind, { reply: { in: 1, out: 1 } });
    assert.equal(person.relationship.touches.lastOut, '2026-11-01T12:00:00.000Z');
    assert.deepEqual(person.notes.map((n) => n.text), ['away until the 12th']);
    assert.deepEqual(person.latest.map((i) => i.pid), ['m-2', 'm-1']);

    const human = await runCli(['--data', ws.data, 'person', '@ana@example.social', '--at', '2026-11-20'], { env: ws.env });
    assert.match(human.stdout, /Stage: acquainted \(connected 1 Nov 2026, acquainted 1 Nov 2026\)/);
    assert.match(human.stdout, /away until the 12th {2}\(remind 2026-11-12\)/);

    const stats = await runCli(['stats', '--json', '--data', ws.data], { env: ws.env });
    const totals = stats.json<{ people: number; interactions: { total: number; byPlatform: object }; notes: number }>();
    assert.equal(totals.people, 2);
    assert.equal(totals.interactions.total, 4);
    assert.deepEqual(totals.interactions.byPlatform, { mastodon: 4 });
  } finally {
    await ws.cleanup();
  }
});

test('RAPPORT_HOME selects the workspace when --data is not given', { skip: usingPostgres && 'the PostgreSQL pass selects the database by URL' }, async () => {
  const ws = await workspace();
  try {
    await runCli(['import', ws.file], { env: { ...ws.env, RAPPORT_HOME: ws.data } });
    const stats = await runCli(['--data', ws.data, 'stats', '--json'], { env: ws.env });
    assert.equal(stats.json<{ people: number }>().people, 2);
    const elsewhere = await runCli(['stats', '--json'], { env: { ...ws.env, RAPPORT_HOME: join(ws.dir, 'other') } });
    assert.equal(elsewhere.json<{ people: number }>().people, 0);
  } finally {
    await ws.cleanup();
  }
});

test('an unknown handle is a clear error with exit code 1, and suggests close handles', async () => {
  const ws = await workspace();
  try {
    await runCli(['--data', ws.data, 'import', ws.file], { env: ws.env });
    const result = await runCli(['--data', ws.data, 'person', '@ana@other.social'], { env: ws.env });
    assert.equal(result.code, 1);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /No one with the handle "@ana@other\.social" in this workspace/);
    assert.match(result.stderr, /Did you mean "@ana@example\.social"\?/);
    const own = await runCli(['--data', ws.data, 'person', '@shop@example.social'], { env: ws.env });
    assert.equal(own.code, 1);
    assert.match(own.stderr, /one of your own accounts/);
  } finally {
    await ws.cleanup();
  }
});

test('a refused import exits 1, names the problem, and leaves the stats exactly as they were', async () => {
  const ws = await workspace();
  try {
    await runCli(['--data', ws.data, 'import', ws.file], { env: ws.env });
    const before = (await runCli(['--data', ws.data, 'stats', '--json'], { env: ws.env })).stdout;
    const binary = join(ws.dir, 'photo.jsonl');
    writeFileSync(binary, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]));
    const result = await runCli(['--data', ws.data, 'import', binary], { env: ws.env });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /photo\.jsonl: not rapport JSONL: it looks like a binary file/);
    const after = (await runCli(['--data', ws.data, 'stats', '--json'], { env: ws.env })).stdout;
    assert.equal(after, before);
  } finally {
    await ws.cleanup();
  }
});

test('usage errors exit 2; --help works on every command', async () => {
  const ws = await workspace();
  try {
    for (const args of [['frobnicate'], ['people', '--stage', 'bff'], ['person'], ['people', '--at', 'last tuesday'], ['stats', '--colour']]) {
      const result = await runCli(['--data', ws.data, ...args], { env: ws.env });
      assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.ok(result.stderr.length > 0);
    }
    for (const command of ['import', 'people', 'person', 'stats', 'demo']) {
      const help = await runCli([command, '--help']);
      assert.equal(help.code, 0);
      assert.match(help.stdout, new RegExp(`Usage: rapport ${command}`));
    }
  } finally {
    await ws.cleanup();
  }
});

test('a DATABASE_URL that is not PostgreSQL is refused with a way out', async () => {
  const result = await runCli(['stats'], { env: { DATABASE_URL: 'mysql://root@localhost/x' } });
  assert.equal(result.code, 1);
  assert.match(result.stderr, /DATABASE_URL is set but is not a postgres:\/\/ URL/);
});

test('merge shows two identities on one card; unmerge undoes it', async () => {
  const ws = await workspace();
  try {
    await runCli(['--data', ws.data, 'import', ws.file], { env: ws.env });
    const merged = await runCli(['--data', ws.data, 'merge', '@ana@example.social', '@bo@example.social', '--json'], { env: ws.env });
    assert.equal(merged.code, 0, merged.stderr);
    assert.deepEqual(merged.json<{ identities: { handle: string }[] }>().identities.map((i) => i.handle), ['@ana@example.social', '@bo@example.social']);
    const card = await runCli(['--data', ws.data, 'person', 'bo', '--json', '--at', '2026-11-20'], { env: ws.env });
    assert.equal(card.json<{ identities: unknown[] }>().identities.length, 2);
    const again = await runCli(['--data', ws.data, 'merge', 'ana', 'bo'], { env: ws.env });
    assert.equal(again.code, 1);
    assert.match(again.stderr, /already the same person/);
    const unmerged = await runCli(['--data', ws.data, 'unmerge', '@bo@example.social'], { env: ws.env });
    assert.equal(unmerged.code, 0, unmerged.stderr);
    const people = await runCli(['--data', ws.data, 'people', '--json'], { env: ws.env });
    assert.equal(people.json<{ count: number }>().count, 2);
  } finally {
    await ws.cleanup();
  }
});

test('the demo builds a fresh workspace of its own and shows what rapport knows', async () => {
  const ws = await workspace();
  try {
    const first = await runCli(['--data', ws.data, 'demo', '--json'], { env: ws.env });
    assert.equal(first.code, 0, first.stderr);
    const overview = first.json<{
      at: string; stats: { people: number; interactions: { total: number } }; stages: Record<string, number>;
      agenda: { at: string; total: number; actions: { kind: string; handle: string; principles: string[]; why: string; suggestion: string }[] };
    }>();
    assert.equal(overview.at.slice(0, 10), '2026-11-20');
    assert.ok(overview.stats.people >= 250, `people: ${overview.stats.people}`);
    assert.ok(overview.stats.interactions.total >= 15_000);
    assert.ok(overview.stages.engaged! + overview.stages.trusted! + overview.stages.advocate! > 0);
    // After the overview, the last day's agenda: its top actions, most pressing first.
    assert.equal(overview.agenda.at, overview.at);
    assert.equal(overview.agenda.actions.length, 5);
    assert.ok(overview.agenda.total > 5);
    assert.equal(overview.agenda.actions[0]?.kind, 'thank-public');
    for (const action of overview.agenda.actions) assert.ok(action.principles.length > 0 && action.why && action.suggestion);
    const readable = await runCli(['--data', ws.data, 'demo'], { env: ws.env });
    assert.equal(readable.code, 0, readable.stderr);
    assert.match(readable.stdout, /Relationships by stage/, 'the overview is still there');
    assert.match(readable.stdout, /Today's agenda, 20 Nov 2026: the top 5 of \d+ actions\n\n1\. Thank in public /);
    // Run twice: the demo starts from scratch, so the numbers are the same.
    const second = await runCli(['--data', ws.data, 'demo', '--json'], { env: ws.env });
    assert.deepEqual(second.json<typeof overview>().stats, overview.stats);
    // The user's own workspace in the same folder is never touched.
    const own = await runCli(['--data', ws.data, 'stats', '--json'], { env: ws.env });
    assert.equal(own.json<{ people: number }>().people, 0);
  } finally {
    await ws.cleanup();
  }
});
