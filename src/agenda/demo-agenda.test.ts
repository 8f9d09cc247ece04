/**
 * The demo workspace's last day (demo/bakery.jsonl, what `npm start` shows): every kind of
 * action appears, each with its principles, its evidence and an opener that never pitches.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_FILE } from '../cli/commands/demo.js';
import { importPath } from '../ingest/import-path.js';
import { withTestStore } from '../test-support/test-store.js';
import { agendaOf, assertNoPitch } from './test-support.js';
import { ACTION_KINDS } from './types.js';

test('on the demo workspace\'s last day, every kind of action appears, each with reasons, evidence and a clean opener', async () => {
  await withTestStore(async (store) => {
    await importPath(store, DEMO_FILE);
    const at = (await store.stats()).interactions.last ?? '';
    assert.ok(at.startsWith('2026-11-20'), `the demo ends on 20 Nov 2026, not ${at}`);
    const agenda = await agendaOf(store, at, 500);
    const kinds = new Set(agenda.actions.map((a) => a.kind));
    assert.deepEqual(ACTION_KINDS.filter((k) => !kinds.has(k)), [], 'every kind appears');
    assert.equal(agenda.actions.length, agenda.total);
    assert.equal(new Set(agenda.actions.map((a) => a.personId)).size, agenda.actions.length, 'one action per person');
    for (const action of agenda.actions) {
      assert.ok(action.principles.length > 0, `${action.kind} for ${action.handle} names its principles`);
      assert.ok(action.evidence.length > 0, `${action.kind} for ${action.handle} shows its evidence`);
      assert.ok(action.evidence.every((e) => e.at <= at), 'nothing after the moment is evidence');
      await assertNoPitch(store, action.suggestion);
    }
    // Public praise tops the list; a hello to a new follower never outranks a waiting question or a due reminder.
    assert.equal(agenda.actions[0]?.kind, 'thank-public');
    const rank = (kinds: string[]) => agenda.actions.flatMap((a, n) => (kinds.includes(a.kind) ? [n] : []));
    assert.ok(Math.max(...rank(['answer', 'follow-up'])) < Math.min(...rank(['welcome'])), agenda.actions.map((a) => a.kind).join(', '));
  });
});
