import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HistoryBuilder, loadHistory } from '../test-support/history-builder.js';
import { monthsBefore, warmthSeries } from './warmth-series.js';

test('months are counted back on the calendar, the day clamped to shorter months', () => {
  assert.equal(monthsBefore('2026-11-20T12:00:00.000Z', 0), '2026-11-20T12:00:00.000Z');
  assert.equal(monthsBefore('2026-11-20T12:00:00.000Z', 12), '2025-11-20T12:00:00.000Z');
  assert.equal(monthsBefore('2026-03-31T08:00:00.000Z', 1), '2026-02-28T08:00:00.000Z');
  assert.equal(monthsBefore('2026-01-15T00:00:00.000Z', 2), '2025-11-15T00:00:00.000Z');
});

test('warmth over the year: nothing before they appeared, then rising with the conversation', async () => {
  const h = new HistoryBuilder();
  h.profile('@ana@example.social', { name: 'Ana' });
  for (const day of ['2026-08-03', '2026-08-10', '2026-08-17', '2026-09-07', '2026-10-05', '2026-11-02']) {
    const q = h.inbound('@ana@example.social', 'reply', `${day}T10:00:00Z`, { text: 'How do you keep the crust so crisp?' });
    h.outbound('@ana@example.social', 'reply', `${day}T12:00:00Z`, { text: 'Steam for the first ten minutes! How is yours?', inReplyTo: q });
  }
  const at = '2026-11-20T12:00:00.000Z';
  await loadHistory(h, at, (snapshot) => {
    const person = snapshot.people[0]!;
    const series = warmthSeries(snapshot.interactionsByPerson.get(person.id) ?? [], { at, read: snapshot.read, playbook: snapshot.playbook, identities: person.identities });
    assert.equal(series.length, 13);
    assert.equal(series[0]!.at, '2025-11-20T12:00:00.000Z');
    assert.equal(series.at(-1)!.at, at);
    const before = series.filter((p) => p.at < '2026-08-03');
    assert.ok(before.length >= 8 && before.every((p) => p.value === 0), JSON.stringify(before));
    assert.ok(series.at(-1)!.value > 0);
    assert.ok(series.find((p) => p.at.startsWith('2026-08-20'))!.value > 0, 'warm after the August exchanges');
  });
});
