import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../test-support/run-cli.js';
import { createTestLocation } from '../../test-support/test-store.js';

const HISTORY = [
  { type: 'account', platform: 'mastodon', handle: '@shop@bakers.social' },
  { type: 'interaction', platform: 'mastodon', id: 'f1', at: '2026-11-01T09:00:00Z', actor: '@ana@example.social', target: '@shop@bakers.social', kind: 'follow' },
].map((l) => JSON.stringify(l)).join('\n');

async function workspace() {
  const location = await createTestLocation();
  const file = join(location.dir, 'history.jsonl');
  writeFileSync(file, `${HISTORY}\n`);
  const data = join(location.dir, 'workspace');
  const cli = (...args: string[]) => runCli(['--data', data, ...args], { env: location.env });
  await cli('import', file);
  return { ...location, cli };
}

test('a note with a reminder is added, shown on the card, edited and removed', async () => {
  const ws = await workspace();
  try {
    const added = await ws.cli('note', '@ana@example.social', 'On holiday in Portugal until the 12th', '--remind', '2026-12-13', '--json');
    assert.equal(added.code, 0, added.stderr);
    const { note } = added.json<{ note: { id: number; text: string; remind: string } }>();
    assert.deepEqual([note.text, note.remind], ['On holiday in Portugal until the 12th', '2026-12-13']);

    const card = await ws.cli('person', 'ana');
    assert.match(card.stdout, new RegExp(`#${note.id} .*On holiday in Portugal until the 12th  \\(remind 2026-12-13\\)`));

    assert.equal((await ws.cli('note', '--edit', String(note.id), '--remind', 'none')).code, 0);
    const edited = await ws.cli('person', 'ana', '--json');
    assert.deepEqual(edited.json<{ notes: { remind: string | null }[] }>().notes.map((n) => n.remind), [null]);

    assert.equal((await ws.cli('note', '--remove', String(note.id))).code, 0);
    assert.deepEqual((await ws.cli('person', 'ana', '--json')).json<{ notes: unknown[] }>().notes, []);
  } finally {
    await ws.cleanup();
  }
});

test('a bad reminder date, an unknown handle or an unknown note is a clear error and stores nothing', async () => {
  const ws = await workspace();
  try {
    const badDate = await ws.cli('note', 'ana', 'call her', '--remind', '2026-02-30');
    assert.equal(badDate.code, 1);
    assert.match(badDate.stderr, /"2026-02-30" is not a date/);
    const unknown = await ws.cli('note', '@nobody@example.social', 'hello');
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /No one with the handle "@nobody@example.social"/);
    const missing = await ws.cli('note', '--remove', '999');
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no note 999/);
    assert.equal((await ws.cli('stats', '--json')).json<{ notes: number }>().notes, 0);
  } finally {
    await ws.cleanup();
  }
});

test('playbook settings are listed with their defaults, overridden, and reset', async () => {
  const ws = await workspace();
  try {
    const shown = await ws.cli('playbook', 'show', 'warmth', '--json');
    assert.equal(shown.code, 0, shown.stderr);
    const half = shown.json<{ settings: { key: string; value: unknown; overridden: boolean; description: string }[] }>().settings.find((s) => s.key === 'warmth.halfLifeDays');
    assert.deepEqual([half?.value, half?.overridden], [30, false]);
    assert.match(half?.description ?? '', /halves/);

    assert.equal((await ws.cli('playbook', 'set', 'warmth.halfLifeDays', '45')).code, 0);
    assert.equal((await ws.cli('playbook', 'set', 'warmth.weights.share', '4')).code, 0);
    const after = (await ws.cli('playbook', 'show', 'warmth', '--json')).json<{ settings: { key: string; value: unknown; overridden: boolean }[] }>().settings;
    assert.deepEqual(after.find((s) => s.key === 'warmth.halfLifeDays'), { ...after.find((s) => s.key === 'warmth.halfLifeDays'), value: 45, overridden: true });
    const weights = after.find((s) => s.key === 'warmth.weights')?.value as Record<string, number>;
    assert.equal(weights.share, 4);
    assert.equal(weights.reply, 2, 'the other weights keep their defaults');

    const bad = await ws.cli('playbook', 'set', 'warmth.halfLifeDays', '-3');
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /warmth\.halfLifeDays is invalid/);
    const unknown = await ws.cli('playbook', 'set', 'halfLifeDays', '3');
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /no setting "halfLifeDays"[\s\S]*warmth\.halfLifeDays/);

    assert.equal((await ws.cli('playbook', 'reset')).code, 0);
    const reset = (await ws.cli('playbook', 'show', 'warmth.halfLifeDays', '--json')).json<{ settings: { value: unknown }[] }>().settings;
    assert.equal(reset[0]?.value, 30);
  } finally {
    await ws.cleanup();
  }
});
