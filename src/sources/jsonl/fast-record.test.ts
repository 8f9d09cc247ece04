import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRecord } from '../../domain/records.js';
import { plainInteraction } from './fast-record.js';

const base = { type: 'interaction', platform: 'mastodon', id: 'm-1', at: '2026-11-01T10:00:00.000Z', actor: '@ana@example.social', target: '@shop@example.social', kind: 'reply', text: 'Loved this!' };

/** Whenever the fast path accepts a value, the schema returns exactly that value. */
function agrees(value: unknown): boolean {
  const fast = plainInteraction(value);
  const slow = parseRecord(value);
  if (fast === undefined) return false;
  assert.ok(slow.ok, `fast path accepted what the schema refuses: ${JSON.stringify(value)}`);
  assert.deepEqual(fast, slow.record, `fast path and schema differ on ${JSON.stringify(value)}`);
  return true;
}

test('the fast path accepts plain interactions, exactly as the schema returns them', () => {
  assert.ok(agrees(base));
  assert.ok(agrees({ ...base, inReplyTo: 'm-0', about: 'm-0' }));
  assert.ok(agrees({ type: 'interaction', platform: 'x', id: '1', at: '2024-02-29T23:59:59.999Z', actor: 'a', kind: 'like' }));
  assert.ok(agrees({ ...base, text: '' }));
  for (const kind of ['follow', 'unfollow', 'like', 'share', 'quote', 'reply', 'mention', 'dm', 'meeting', 'post']) assert.ok(agrees({ ...base, kind }));
});

test('anything the schema would change, complete or refuse is left to the schema', () => {
  const left = [
    { ...base, platform: 'Mastodon' }, // lower-cased by the schema
    { ...base, platform: 'twitter' }, // an alias
    { ...base, platform: 'myspace' },
    { ...base, id: 7 }, // a number id becomes a string
    { ...base, id: '' },
    { ...base, at: '2026-11-01T10:00:00Z' }, // normalised, raw kept
    { ...base, at: '2026-11-01T11:00:00.000+01:00' },
    { ...base, at: '2026-02-29T10:00:00.000Z' }, // no such day
    { ...base, at: '2026-04-31T10:00:00.000Z' },
    { ...base, at: '2026-11-01T24:00:00.000Z' },
    { ...base, at: '2026-13-01T10:00:00.000Z' },
    { ...base, at: '2026-11-00T10:00:00.000Z' },
    { ...base, at: '2026-11-01T10:60:00.000Z' },
    { ...base, at: '2026-11-01t10:00:00.000z' },
    { ...base, at: 'yesterday' },
    { ...base, kind: 'hug' },
    { ...base, actor: ' @ana@example.social' }, // trimmed by the schema
    { ...base, actor: '@ana\u00a0' },
    { ...base, actor: '' },
    { ...base, target: null },
    { ...base, text: 5 },
    { ...base, actorUid: '5' }, // fields beyond the plainest form
    { ...base, atRaw: 'x' },
    { ...base, extra: true },
    { type: 'note', platform: 'mastodon', handle: '@a', at: '2026-11-01T10:00:00.000Z', text: 'x' },
    [],
    null,
    'interaction',
  ];
  for (const value of left) assert.equal(plainInteraction(value), undefined, JSON.stringify(value));
  const { actor: _actor, ...noActor } = base;
  assert.equal(plainInteraction(noActor), undefined);
});

test('on every day of four years and around each field limit, the fast path agrees with the schema', () => {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  for (const year of [1999, 2000, 2024, 2100]) {
    for (let month = 0; month <= 13; month++) {
      for (let day = 0; day <= 32; day++) {
        for (const time of ['00:00:00.000', '23:59:59.999', '24:00:00.000', '12:60:00.000', '12:00:60.000']) {
          const at = `${year}-${pad(month)}-${pad(day)}T${time}Z`;
          const value = { ...base, at };
          const fast = agrees(value);
          const slow = parseRecord(value);
          // Accepted exactly when the schema accepts the time and leaves it as it is.
          assert.equal(fast, slow.ok && slow.record.type === 'interaction' && slow.record.at === at, at);
        }
      }
    }
  }
});
