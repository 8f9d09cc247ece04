/**
 * The coach on the demo workspace (the Crumb & Co bakery, demo/bakery.jsonl) as of its last day:
 * the situations it was written to contain get the verdicts a user would expect.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { before, after, test } from 'node:test';
import { importPath } from '../ingest/import-path.js';
import { createTestLocation, type TestLocation } from '../test-support/test-store.js';
import { Store } from '../store/store.js';
import { checkDraftInWorkspace, type CheckDraftRequest } from '../workspace/check-draft.js';
import { loadSnapshot } from '../workspace/load-snapshot.js';
import { listPeople } from '../workspace/people-list.js';
import { assertSuggestionsObeyRules, principlesOf } from './coach-fixtures.js';
import type { CoachResult } from './types.js';

const DEMO = fileURLToPath(new URL('../../demo/bakery.jsonl', import.meta.url));
const AT = '2026-11-20T18:00:00.000Z';
const SITE = 'https://crumbandco.example';

let location: TestLocation;
let store: Store;
let people: Awaited<ReturnType<typeof listPeople>>;

before(async () => {
  location = await createTestLocation();
  store = await Store.open(location.options);
  await importPath(store, DEMO);
  people = await listPeople(store, AT);
});

after(async () => {
  await store.close();
  await location.cleanup();
});

async function check(request: Omit<CheckDraftRequest, 'at'>): Promise<CoachResult> {
  const result = await checkDraftInWorkspace(store, { at: AT, ...request });
  assertSuggestionsObeyRules(result);
  return result;
}

function handleOf(stage: string, skip = 0): string {
  const row = people.filter((p) => p.stage === stage)[skip];
  assert.ok(row, `the demo has a ${stage} person`);
  return row.handles[0]!.handle;
}

test('a pitch to a connected person in the demo waits (no-first-date-proposal)', async () => {
  for (const skip of [0, 5, 20]) {
    const r = await check({ to: handleOf('connected', skip), text: `Our Christmas cake boxes are here! Order yours at ${SITE}/christmas before they sell out.` });
    assert.equal(r.relationship.stage, 'connected');
    assert.equal(r.verdict, 'wait');
    assert.ok(principlesOf(r, 'wait').includes('no-first-date-proposal'), JSON.stringify(r.reasons));
  }
});

test('a favour-ask of an advocate who has been given plenty is go', async () => {
  const to = handleOf('advocate');
  const r = await check({ to, text: 'Would you mind sharing our Christmas opening hours with your friends? It would mean a lot to us.' });
  assert.ok(r.relationship.ledger.balance > 0);
  assert.equal(r.verdict, 'go', JSON.stringify(r.reasons));
  assert.ok(principlesOf(r, 'ok').includes('give-before-ask'));
});

test("the demo's pasted follow greeting is a template (be-personal) and a cold blast to a new follower", async () => {
  const to = handleOf('connected');
  const r = await check({ to, text: `Hi Sam! Thanks for the follow, check out our weekly specials at ${SITE}/specials 🥐` });
  assert.equal(r.verdict, 'wait');
  assert.ok(principlesOf(r, 'revise').includes('be-personal'), JSON.stringify(r.reasons));
  assert.ok((r.analysis.template?.recipients ?? 0) >= 3);
});

test("answering Megan's own question about a gluten-free loaf with the offer is go", async () => {
  const r = await check({ to: '@meganw@mstdn.social', text: `Yes we do! Our gluten-free seeded loaf is £4.50 on Fridays, you can reserve one at ${SITE}/gluten-free` });
  assert.equal(r.verdict, 'go', JSON.stringify(r.reasons));
  assert.match(r.analysis.answers?.text ?? '', /gluten-free loaf/);
});

test("promoting yourself under a neighbour's own post waits (no-thread-jacking)", async () => {
  const snapshot = await loadSnapshot(store, AT);
  const closer = new Set(people.filter((p) => p.stage === 'trusted' || p.stage === 'advocate').map((p) => p.id));
  // The latest post of someone close: only the thread, not the relationship, can object.
  const post = [...snapshot.interactionsByPerson.entries()]
    .filter(([id]) => closer.has(id))
    .flatMap(([, list]) => list.filter((i) => i.kind === 'post' && i.direction === 'in' && i.text))
    .sort((a, b) => b.at.localeCompare(a.at))[0];
  assert.ok(post, 'someone close posted');
  const to = people.find((p) => p.id === post.personId)!.handles[0]!.handle;
  const r = await check({ to, inReplyTo: post.pid, text: `Lovely! By the way, our Christmas boxes are out now: ${SITE}/christmas` });
  assert.equal(r.verdict, 'wait', JSON.stringify(r.reasons));
  assert.ok(principlesOf(r, 'wait').includes('no-thread-jacking'), JSON.stringify(r.reasons));
  const onTopic = await check({ to, inReplyTo: post.pid, text: 'Lovely! How did it turn out in the end?' });
  assert.equal(onTopic.verdict, 'go', JSON.stringify(onTopic.reasons));
});
