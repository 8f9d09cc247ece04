import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PersonRow } from '../workspace/people-list.js';
import { isGoingQuiet, queryPeople } from './people-query.js';

function aRow(overrides: Partial<PersonRow> & { id: number; name: string }): PersonRow {
  return {
    handles: [{ platform: 'mastodon', handle: `@${overrides.name.toLowerCase().replace(/\s+/g, '')}@example.social` }],
    stage: 'connected',
    warmth: { value: 10, previous: 10, trend: 'steady' },
    ledger: { gives: 0, asks: 0 },
    interactions: { in: 1, out: 0 },
    touches: { firstIn: null, firstOut: null, lastIn: null, lastOut: null },
    ...overrides,
  };
}

// In listPeople's order: closest first.
const rows = [
  aRow({ id: 3, name: 'Zoe Adams', stage: 'trusted', warmth: { value: 30, previous: 45, trend: 'cooling' }, interactions: { in: 20, out: 15 }, touches: { firstIn: null, firstOut: null, lastIn: '2026-09-01T00:00:00Z', lastOut: '2026-11-01T00:00:00Z' } }),
  aRow({ id: 1, name: 'ana lima', stage: 'engaged', warmth: { value: 50, previous: 40, trend: 'warming' }, interactions: { in: 8, out: 9 }, touches: { firstIn: null, firstOut: null, lastIn: '2026-11-18T00:00:00Z', lastOut: '2026-10-01T00:00:00Z' } }),
  aRow({ id: 2, name: 'Ben Okafor', stage: 'connected', warmth: { value: 2, previous: 6, trend: 'cooling' } }),
];

test('going quiet means cooling after the relationship got somewhere', () => {
  assert.deepEqual(rows.filter(isGoingQuiet).map((r) => r.name), ['Zoe Adams']);
});

test('search matches names and handles in any case; filters combine', () => {
  assert.deepEqual(queryPeople(rows, { q: 'OKAF' }).people.map((r) => r.id), [2]);
  assert.deepEqual(queryPeople(rows, { q: '@ana' }).people.map((r) => r.id), [1]);
  assert.deepEqual(queryPeople(rows, { stage: 'engaged' }).people.map((r) => r.id), [1]);
  assert.deepEqual(queryPeople(rows, { quiet: true, q: 'zoe' }).people.map((r) => r.id), [3]);
  assert.deepEqual(queryPeople(rows, { quiet: true, stage: 'engaged' }), { people: [], total: 0 });
});

test('each sort puts the most telling first; the default keeps the closest first', () => {
  const ids = (sort?: Parameters<typeof queryPeople>[1]['sort']) => queryPeople(rows, { sort }).people.map((r) => r.id);
  assert.deepEqual(ids(), [3, 1, 2]);
  assert.deepEqual(ids('stage'), [3, 1, 2]);
  assert.deepEqual(ids('name'), [1, 2, 3]);
  assert.deepEqual(ids('warmth'), [1, 3, 2]);
  assert.deepEqual(ids('last-in'), [1, 3, 2]);
  assert.deepEqual(ids('last-out'), [3, 1, 2]);
  assert.deepEqual(ids('interactions'), [3, 1, 2]);
});

test('the limit cuts the page but the total counts every match', () => {
  assert.deepEqual(queryPeople(rows, { limit: 1, sort: 'name' }), { people: [rows[1]], total: 3 });
});
