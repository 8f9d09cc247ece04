/** `rapport snooze HANDLE --until DATE`: hides a person from `rapport today` until then, inclusive. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { HistoryBuilder } from '../../test-support/history-builder.js';
import { runCli } from '../../test-support/run-cli.js';
import { createTestLocation } from '../../test-support/test-store.js';

const ANA = '@ana@example.social';

async function workspace() {
  const h = new HistoryBuilder();
  h.profile(ANA, { name: 'Ana Souza' }).profile('@bo@example.social', { name: 'Bo' });
  h.inbound(ANA, 'dm', '2026-11-15T10:00:00Z', { text: 'Do you bake on Sundays?' });
  h.inbound('@bo@example.social', 'dm', '2026-11-16T10:00:00Z', { text: 'Are you open on Boxing Day?' });
  const location = await createTestLocation();
  const data = join(location.dir, 'workspace');
  const cli = (...args: string[]) => runCli(['--data', data, ...args], { env: location.env });
  assert.equal((await cli('import', h.writeTo(location.dir))).code, 0);
  const handlesOn = async (at: string) => (await cli('today', '--at', at, '--json')).json<{ actions: { handle: string }[]; snoozed: number }>();
  return { ...location, cli, handlesOn };
}

test('a snoozed person is hidden from today until the date, inclusive, then comes back', async () => {
  const ws = await workspace();
  try {
    const result = await ws.cli('snooze', 'ana', '--until', '2026-11-25', '--json');
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(result.json(), { personId: result.json<{ personId: number }>().personId, name: 'Ana Souza', handle: 'ana', until: '2026-11-25' });
    const hidden = await ws.handlesOn('2026-11-25T20:00:00Z');
    assert.deepEqual(hidden.actions.map((a) => a.handle), ['@bo@example.social']);
    assert.equal(hidden.snoozed, 1);
    const back = await ws.handlesOn('2026-11-26T08:00:00Z');
    assert.deepEqual(back.actions.map((a) => a.handle).sort(), [ANA, '@bo@example.social']);

    const readable = await ws.cli('snooze', ANA, '--until', '2026-11-27');
    assert.equal(readable.code, 0, readable.stderr);
    assert.equal(readable.stdout.trim(), 'Ana Souza is hidden from `rapport today` until 27 Nov 2026 (inclusive).');
    assert.deepEqual((await ws.handlesOn('2026-11-26T08:00:00Z')).actions.map((a) => a.handle), ['@bo@example.social'], 'a new snooze replaces the old one');
  } finally {
    await ws.cleanup();
  }
});

test('a bad date or an unknown handle is a clear error (exit 1) and nothing is stored', async () => {
  const ws = await workspace();
  try {
    for (const until of ['2026-02-30', 'next friday', '26/11/2026']) {
      const bad = await ws.cli('snooze', ANA, '--until', until);
      assert.equal(bad.code, 1, `${until}: ${bad.stderr}`);
      assert.equal(bad.stdout, '');
      assert.match(bad.stderr, new RegExp(`"${until.replace(/[/]/g, '\\/')}" is not a date`));
      assert.match(bad.stderr, /Give --until as YYYY-MM-DD/);
    }
    const unknown = await ws.cli('snooze', '@nobody@example.social', '--until', '2026-12-01');
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /No one with the handle "@nobody@example\.social" in this workspace/);
    const missing = await ws.cli('snooze', ANA);
    assert.equal(missing.code, 2, 'no --until is a usage error');
    const agenda = await ws.handlesOn('2026-11-20T18:00:00Z');
    assert.equal(agenda.snoozed, 0, 'nothing was stored');
    assert.equal(agenda.actions.length, 2);
  } finally {
    await ws.cleanup();
  }
});
