/**
 * Every endpoint's happy path, against a real server on a free loopback port over a real
 * workspace (SQLite; PostgreSQL when DATABASE_URL is set). Each answer is also checked against
 * the response schema the OpenAPI document publishes, so the document says what the server sends.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { z } from 'zod';
import { HistoryBuilder } from '../test-support/history-builder.js';
import { waitForJob, withServer } from '../test-support/test-server.js';
import { usingPostgres } from '../test-support/test-store.js';
import * as S from './schemas.js';

const dialect = usingPostgres ? 'postgres' : 'sqlite';
const AT = '2026-11-20T12:00:00.000Z';

/** A bakery with a regular (Ana) waiting for an answer, a fan (Ben) who quoted it with praise, a new follower (Cara). */
function bakery(): HistoryBuilder {
  const h = new HistoryBuilder();
  h.profile('@ana@example.social', { name: 'Ana Lima', location: 'Porto' });
  h.profile('@ben@example.social', { name: 'Ben Okafor' });
  h.profile('@cara@example.social', { name: 'Cara Diaz' });
  const rye = h.post('2026-09-01T09:00:00Z', 'Our first rye of the season');
  h.inbound('@ana@example.social', 'follow', '2026-09-01T10:00:00Z');
  for (const [day, n] of [['02', 1], ['09', 2], ['16', 3], ['23', 4]] as const) {
    const q = h.inbound('@ana@example.social', 'reply', `2026-09-${day}T10:00:00Z`, { text: `Loved the rye! How long do you proof it, part ${n}?`, inReplyTo: rye });
    h.outbound('@ana@example.social', 'reply', `2026-09-${day}T11:00:00Z`, { text: 'Thank you Ana! About 14 hours, cold. How did yours turn out?', inReplyTo: q });
  }
  h.inbound('@ana@example.social', 'reply', '2026-10-01T10:00:00Z', { text: 'It rose beautifully, thank you', inReplyTo: rye });
  h.inbound('@ana@example.social', 'dm', '2026-11-18T09:00:00Z', { text: 'Do you still bake the seeded loaf on Fridays?' });
  h.inbound('@ben@example.social', 'quote', '2026-11-15T18:00:00Z', { about: rye, text: 'Best bakery in town, go and try this rye!' });
  h.inbound('@cara@example.social', 'follow', '2026-11-19T08:00:00Z');
  h.note('@ana@example.social', '2026-09-20T09:00:00Z', 'Moving to Lisbon in November', '2026-11-10');
  return h;
}

function assertMatches<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  assert.ok(parsed.success, `response does not match its schema: ${parsed.error?.message}`);
  return parsed.data;
}

describe(`[${dialect}] the HTTP API`, () => {
  test('workspace, people, a person card and the timeline pages', async () => {
    await withServer(bakery(), { at: AT }, async (server) => {
      const ws = await server.call('/api/workspace');
      assert.equal(ws.status, 200);
      assertMatches(S.WorkspaceResponse, ws.body);
      assert.equal(ws.body.at, AT);
      assert.deepEqual(ws.body.accounts.map((a: { handle: string }) => a.handle), ['@shop@example.social']);
      assert.equal(ws.body.stats.people, 3);

      const people = await server.call('/api/people');
      assertMatches(S.PeopleResponse, people.body);
      assert.equal(people.body.total, 3);
      assert.equal(people.body.people[0].name, 'Ana Lima', 'the closest relationship comes first');

      const byName = await server.call('/api/people?sort=name');
      assert.deepEqual(byName.body.people.map((p: { name: string }) => p.name), ['Ana Lima', 'Ben Okafor', 'Cara Diaz']);
      const search = await server.call('/api/people?q=BEN');
      assert.deepEqual(search.body.people.map((p: { name: string }) => p.name), ['Ben Okafor']);
      const connected = await server.call('/api/people?stage=connected');
      assert.ok(connected.body.people.every((p: { stage: string }) => p.stage === 'connected'));
      const limited = await server.call('/api/people?limit=1&sort=name');
      assert.deepEqual([limited.body.people.length, limited.body.total], [1, 3]);
      // As of a day before anything happened, nobody is more than a name.
      const early = await server.call('/api/people?at=2026-08-01');
      assert.ok(early.body.people.every((p: { stage: string }) => p.stage === 'stranger'));

      const anaId = people.body.people[0].id;
      const card = await server.call(`/api/people/${anaId}`);
      assert.equal(card.status, 200);
      assertMatches(S.PersonResponse, card.body);
      assert.equal(card.body.name, 'Ana Lima');
      assert.ok(['engaged', 'trusted'].includes(card.body.relationship.stage), card.body.relationship.stage);
      assert.equal(card.body.warmthSeries.length, 13);
      assert.equal(card.body.warmthSeries.at(-1).at, AT);
      assert.equal(card.body.warmthSeries[0].value, 0, 'a year before, there was no warmth yet');
      assert.equal(card.body.timeline.length, 11);
      assert.equal(card.body.timeline[0].text, 'Do you still bake the seeded loaf on Fridays?', 'newest first');
      assert.equal(card.body.notes[0].text, 'Moving to Lisbon in November');
      assert.ok(Array.isArray(card.body.followReasons), 'Ana follows the shop: her card says why she probably did');
      assert.equal(typeof card.body.followerQuality?.likelyFake, 'boolean');

      const page1 = await server.call(`/api/people/${anaId}/interactions?limit=4`);
      assertMatches(S.InteractionsResponse, page1.body);
      assert.equal(page1.body.interactions.length, 4);
      assert.equal(page1.body.more, true);
      const oldest = page1.body.interactions.at(-1).id;
      const page2 = await server.call(`/api/people/${anaId}/interactions?limit=100&before=${oldest}`);
      assert.equal(page2.body.interactions.length, 7);
      assert.equal(page2.body.more, false);
      assert.equal(page2.body.interactions.at(-1).kind, 'follow', 'the oldest comes last');

      const missing = await server.call('/api/people/9999');
      assert.equal(missing.status, 404);
      assertMatches(S.ErrorSchema, missing.body);
      assert.match(missing.body.error, /No person #9999/);
    });
  });

  test('today: ranked actions, done hides one until something newer happens, snooze hides a person', async () => {
    await withServer(bakery(), { at: AT }, async (server) => {
      const today = await server.call('/api/today');
      assert.equal(today.status, 200);
      assertMatches(S.AgendaResponse, today.body);
      const names = today.body.actions.map((a: { name: string }) => a.name);
      assert.ok(names.includes('Ben Okafor') && names.includes('Ana Lima'), names.join(', '));
      const ben = today.body.actions.find((a: { name: string }) => a.name === 'Ben Okafor');
      assert.match(ben.kind, /^thank/);
      assert.equal(ben.since, '2026-11-15T18:00:00.000Z');

      const done = await server.call('/api/today/done', { body: { personId: ben.personId, kind: ben.kind, since: ben.since } });
      assert.equal(done.status, 200);
      const after = await server.call('/api/today');
      assert.ok(!after.body.actions.some((a: { name: string }) => a.name === 'Ben Okafor'), 'Ben is done');
      assert.equal(after.body.done, 1);
      assert.equal(after.body.total, today.body.total - 1);

      const ana = today.body.actions.find((a: { name: string }) => a.name === 'Ana Lima');
      const snooze = await server.call(`/api/people/${ana.personId}/snooze`, { body: { until: '2026-11-30' } });
      assert.equal(snooze.status, 200);
      assertMatches(S.SnoozeResponse, snooze.body);
      const snoozed = await server.call('/api/today');
      assert.ok(!snoozed.body.actions.some((a: { name: string }) => a.name === 'Ana Lima'));
      assert.equal(snoozed.body.snoozed, 1);

      const limited = await server.call('/api/today?limit=1&at=2026-12-05');
      assert.ok(limited.body.actions.length <= 1);
      assert.equal(limited.body.at, '2026-12-05T23:59:59.999Z');
    });
  });

  test('a newer event brings a done action back', async () => {
    const h = bakery();
    await withServer(h, { at: AT }, async (server) => {
      const ben = (await server.call('/api/today')).body.actions.find((a: { name: string }) => a.name === 'Ben Okafor');
      await server.call('/api/today/done', { body: { personId: ben.personId, kind: ben.kind, since: ben.since } });
      // Ben quotes again after the action was marked done; the import is the real path.
      const again = new HistoryBuilder();
      again.inbound('@ben@example.social', 'quote', '2026-11-19T18:00:00Z', { id: 'ben-quote-2', about: 'e-1', text: 'Still the best rye, honestly. Go!' });
      const form = new FormData();
      form.append('file', new Blob([again.toJsonl()]), 'more.jsonl');
      const started = await fetch(`${server.url}/api/import`, { method: 'POST', body: form });
      const { jobId } = (await started.json()) as { jobId: string };
      assert.equal((await waitForJob(server, jobId)).state, 'done');
      const back = (await server.call('/api/today')).body.actions.find((a: { name: string }) => a.name === 'Ben Okafor');
      assert.ok(back, 'the new quote opens a new action');
      assert.equal(back.since, '2026-11-19T18:00:00.000Z');
    });
  });

  test('notes: add with a reminder, edit, clear the reminder, remove', async () => {
    await withServer(bakery(), { at: AT }, async (server) => {
      const cara = (await server.call('/api/people?q=cara')).body.people[0];
      const added = await server.call(`/api/people/${cara.id}/notes`, { body: { text: 'Opens a café in March', remind: '2026-12-01' } });
      assert.equal(added.status, 200);
      assertMatches(S.NoteSchema, added.body);
      assert.deepEqual([added.body.text, added.body.remind, added.body.at], ['Opens a café in March', '2026-12-01', AT]);

      const edited = await server.call(`/api/notes/${added.body.id}`, { method: 'PATCH', body: { text: 'Opens a café in April' } });
      assert.deepEqual([edited.body.text, edited.body.remind], ['Opens a café in April', '2026-12-01']);
      const cleared = await server.call(`/api/notes/${added.body.id}`, { method: 'PATCH', body: { remind: null } });
      assert.equal(cleared.body.remind, null);

      const card = await server.call(`/api/people/${cara.id}`);
      assert.deepEqual(card.body.notes.map((n: { text: string }) => n.text), ['Opens a café in April']);

      const removed = await server.call(`/api/notes/${added.body.id}`, { method: 'DELETE' });
      assert.deepEqual(removed.body, { ok: true });
      assert.equal((await server.call(`/api/notes/${added.body.id}`, { method: 'DELETE' })).status, 404);
      assert.equal((await server.call(`/api/people/${cara.id}`)).body.notes.length, 0);
    });
  });

  test('merge two people by handle or id, then unmerge an identity', async () => {
    await withServer(bakery(), { at: AT }, async (server) => {
      const { people } = (await server.call('/api/people?sort=name')).body;
      const [, ben, cara] = people;
      const merged = await server.call('/api/people/merge', { body: { into: ben.id, from: '@cara@example.social' } });
      assert.equal(merged.status, 200);
      assertMatches(S.MergedPersonResponse, merged.body);
      assert.equal(merged.body.id, ben.id);
      assert.deepEqual(merged.body.identities.map((i: { handle: string }) => i.handle).sort(), ['@ben@example.social', '@cara@example.social']);
      assert.equal((await server.call('/api/people')).body.total, 2);

      const same = await server.call('/api/people/merge', { body: { into: ben.id, from: '@cara@example.social' } });
      assert.equal(same.status, 400);
      assert.match(same.body.error, /already the same person/);

      const caraIdentity = merged.body.identities.find((i: { handle: string }) => i.handle === '@cara@example.social');
      const unmerged = await server.call(`/api/identities/${caraIdentity.id}/unmerge`, { method: 'POST' });
      assert.equal(unmerged.status, 200);
      assert.deepEqual(unmerged.body.identities.map((i: { handle: string }) => i.handle), ['@cara@example.social']);
      assert.equal(unmerged.body.id, cara.id);
      assert.equal((await server.call('/api/people')).body.total, 3);

      const unknown = await server.call('/api/people/merge', { body: { into: ben.id, from: '@nobody@example.social' } });
      assert.equal(unknown.status, 400);
      assert.match(unknown.body.error, /No one with the handle/);
    });
  });

  test('check: a premature pitch waits, with the principle; a kind reply to a regular goes', async () => {
    await withServer(bakery(), { at: AT }, async (server) => {
      const pitch = await server.call('/api/check', { body: { to: '@cara@example.social', text: 'Welcome! Buy our new sourdough e-book, 20% off today: https://shop.example/ebook' } });
      assert.equal(pitch.status, 200);
      assertMatches(S.CoachResultSchema, pitch.body);
      assert.equal(pitch.body.verdict, 'wait');
      const principles = pitch.body.reasons.filter((r: { severity: string }) => r.severity === 'wait').map((r: { principle: string }) => r.principle);
      assert.ok(principles.includes('no-first-date-proposal') || principles.includes('no-cold-blast'), principles.join(', '));

      const kind = await server.call('/api/check', { body: { to: '@ana@example.social', text: 'Yes Ana, every Friday from 8! How is Lisbon treating you?' } });
      assert.equal(kind.body.verdict, 'go');
      assert.equal(kind.body.relationship.name, 'Ana Lima');
    });
  });

  test('audit and followers', async () => {
    await withServer(bakery(), { at: AT }, async (server) => {
      const audit = await server.call('/api/audit?from=2026-09&to=2026-11');
      assert.equal(audit.status, 200);
      assertMatches(S.AuditResponse, audit.body);
      assert.deepEqual(audit.body.months, ['2026-09', '2026-10', '2026-11']);
      assert.ok(audit.body.figures.length > 0);
      assert.ok(audit.body.figures.every((f: { explanation: string }) => f.explanation.length > 0));

      const followers = await server.call('/api/followers');
      assert.equal(followers.status, 200);
      assertMatches(S.FollowersResponse, followers.body);
      assert.deepEqual(followers.body.followers.map((f: { handle: string }) => f.handle).sort(), ['@ana@example.social', '@cara@example.social']);
    });
  });
});
