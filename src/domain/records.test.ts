import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRecord } from './records.js';

test('an interaction line from DESIGN §4 parses, with its time normalised to UTC', () => {
  const result = parseRecord({
    type: 'interaction', platform: 'mastodon', id: 'm-1', at: '2026-11-01T12:00:00+02:00',
    actor: '@ana@example.social', target: '@shop@example.social', kind: 'reply', text: 'Loved this!', inReplyTo: 'm-0',
  });
  assert.ok(result.ok);
  assert.equal(result.record.type, 'interaction');
  assert.equal(result.record.type === 'interaction' && result.record.at, '2026-11-01T10:00:00.000Z');
});

test('unknown fields are kept, never an error', () => {
  const result = parseRecord({ type: 'account', platform: 'x', handle: '@shop', color: 'blue' });
  assert.ok(result.ok);
  assert.equal((result.record as Record<string, unknown>).color, 'blue');
});

test('"twitter" is read as the x platform', () => {
  const result = parseRecord({ type: 'account', platform: 'Twitter', handle: '@shop' });
  assert.ok(result.ok);
  assert.equal(result.record.platform, 'x');
});

test('each problem is named with its field', () => {
  const cases: [unknown, RegExp][] = [
    [{ type: 'interaction', platform: 'x', id: '1', at: '2026-02-30T10:00:00Z', actor: 'a', kind: 'like' }, /at: bad date "2026-02-30T10:00:00Z"/],
    [{ type: 'interaction', platform: 'x', id: '1', at: '2026-11-01 10:00', actor: 'a', kind: 'like' }, /bad date .* with a zone/],
    [{ type: 'interaction', platform: 'x', id: '1', at: '2026-11-01T10:00:00Z', actor: 'a', kind: 'hug' }, /kind: unknown kind "hug" \(expected one of follow/],
    [{ type: 'interaction', platform: 'x', id: '1', at: '2026-11-01T10:00:00Z', actor: 'a' }, /kind is missing/],
    [{ type: 'interaction', platform: 'x', id: '1', at: '2026-11-01T10:00:00Z', kind: 'like' }, /actor is missing/],
    [{ type: 'interaction', platform: 'x', id: 1234567890123456789, at: '2026-11-01T10:00:00Z', actor: 'a', kind: 'like' }, /too large to keep exactly; write it as a string/],
    [{ type: 'note', platform: 'x', handle: 'a', at: '2026-11-01T10:00:00Z', text: 'hi', remind: '2026-11-31' }, /remind: bad date "2026-11-31"/],
    [{ type: 'friend', platform: 'x' }, /unknown record type "friend"/],
    [{ platform: 'x' }, /type is missing/],
    [{ type: 'account', platform: 'myspace', handle: 'a' }, /unknown platform "myspace"/],
    [[1, 2], /not a JSON object/],
  ];
  for (const [value, reason] of cases) {
    const result = parseRecord(value);
    assert.equal(result.ok, false, JSON.stringify(value));
    assert.match(!result.ok ? result.reason : '', reason);
  }
});

test('small numeric ids are kept as strings', () => {
  const result = parseRecord({ type: 'interaction', platform: 'x', id: 42, at: '2026-11-01T10:00:00Z', actor: 'a', kind: 'like' });
  assert.ok(result.ok);
  assert.equal(result.record.type === 'interaction' && result.record.id, '42');
});
