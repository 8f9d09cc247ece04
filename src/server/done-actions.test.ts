import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Agenda, AgendaAction } from '../agenda/index.js';
import { withTestStore } from '../test-support/test-store.js';
import { DONE_SETTING, loadDoneMarks, markDone, sinceOf, withoutDone } from './done-actions.js';

const AT = '2026-11-20T12:00:00.000Z';

function anAction(overrides: Partial<AgendaAction> = {}): AgendaAction {
  return {
    kind: 'thank',
    personId: 7,
    handle: '@ben@example.social',
    platform: 'mastodon',
    name: 'Ben',
    stage: 'acquainted',
    principles: ['thank-proportionately'],
    why: 'Ben shared your post',
    evidence: [{ interactionId: 1, at: '2026-11-15T18:00:00.000Z' }, { interactionId: 2, at: '2026-11-16T08:00:00.000Z' }],
    suggestion: 'Thank you, Ben!',
    score: 5,
    scoreParts: { kind: 5 },
    ...overrides,
  };
}

function agendaOf(...actions: AgendaAction[]): Agenda {
  return { at: AT, actions, total: actions.length, snoozed: 0 };
}

test("an action's since is its newest evidence, or the agenda's time without any", () => {
  assert.equal(sinceOf(anAction(), AT), '2026-11-16T08:00:00.000Z');
  assert.equal(sinceOf(anAction({ evidence: [] }), AT), AT);
});

test('a done action stays hidden until a newer event opens it again', () => {
  const ben = anAction();
  const ana = anAction({ personId: 8, name: 'Ana', kind: 'answer' });
  const mark = { personId: 7, kind: 'thank' as const, since: '2026-11-16T08:00:00.000Z' };
  const hidden = withoutDone(agendaOf(ben, ana), [mark], 20);
  assert.deepEqual(hidden.actions.map((a) => a.name), ['Ana']);
  assert.deepEqual([hidden.total, hidden.done], [1, 1]);

  const newer = anAction({ evidence: [{ interactionId: 3, at: '2026-11-19T08:00:00.000Z' }] });
  const back = withoutDone(agendaOf(newer, ana), [mark], 20);
  assert.deepEqual(back.actions.map((a) => [a.name, a.since]), [['Ben', '2026-11-19T08:00:00.000Z'], ['Ana', '2026-11-16T08:00:00.000Z']]);

  // Another kind of action for the same person is not the one marked done.
  assert.equal(withoutDone(agendaOf(anAction({ kind: 'reconnect' })), [mark], 20).actions.length, 1);
});

test('the limit applies after done actions are taken out', () => {
  const people = [1, 2, 3].map((personId) => anAction({ personId, name: `P${personId}` }));
  const shown = withoutDone(agendaOf(...people), [{ personId: 1, kind: 'thank', since: AT }], 2);
  assert.deepEqual(shown.actions.map((a) => a.personId), [2, 3]);
});

test('marks are kept in the workspace, a later mark replacing an earlier one, and a damaged list is ignored', async () => {
  await withTestStore(async (store) => {
    await markDone(store, { personId: 7, kind: 'thank', since: '2026-11-10T00:00:00.000Z' });
    await markDone(store, { personId: 7, kind: 'thank', since: '2026-11-16T00:00:00.000Z' });
    await markDone(store, { personId: 8, kind: 'answer', since: '2026-11-16T00:00:00.000Z' });
    assert.deepEqual(await loadDoneMarks(store), [
      { personId: 7, kind: 'thank', since: '2026-11-16T00:00:00.000Z' },
      { personId: 8, kind: 'answer', since: '2026-11-16T00:00:00.000Z' },
    ]);
    await store.setSetting(DONE_SETTING, '{not json');
    assert.deepEqual(await loadDoneMarks(store), []);
  });
});
