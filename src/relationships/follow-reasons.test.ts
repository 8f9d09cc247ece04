/** Why they followed: each reason with a case where it fires and one where it must not. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { WorkspaceSnapshot } from '../domain/snapshot.js';
import { HistoryBuilder, loadHistory } from '../test-support/history-builder.js';
import { audienceMatches, followReasonContext, followReasonsFor, placeKey, stem, type FollowReasonName } from './follow-reasons.js';

const AT = '2026-11-30T23:59:59Z';
const ANA = '@ana@example.social';
const BO = '@bo@example.social';
const CY = '@cy@example.social';

function reasonsOf(snapshot: WorkspaceSnapshot, handle: string) {
  const person = snapshot.people.find((p) => p.identities.some((i) => i.handle === handle));
  assert.ok(person, `no person ${handle}`);
  return followReasonsFor(followReasonContext(snapshot), person.id);
}

function names(reasons: readonly { reason: FollowReasonName }[]): FollowReasonName[] {
  return reasons.map((r) => r.reason).sort();
}

test('mutual connections: Bo follows after talking with Ana, whom you know; Cy talked only with a stranger', async () => {
  const h = new HistoryBuilder();
  h.profile(ANA, { name: 'Ana' }).profile(BO, { name: 'Bo' }).profile(CY, { name: 'Cy' }).profile('@dee@example.social', { name: 'Dee' });
  const post = h.post('2026-10-01T09:00:00Z', 'New rye');
  h.inbound(ANA, 'reply', '2026-10-01T10:00:00Z', { text: 'Lovely!', inReplyTo: post });
  h.event(BO, 'reply', '2026-10-02T10:00:00Z', ANA, { text: 'Ana, where do you buy your bread?' });
  h.inbound(BO, 'follow', '2026-10-03T10:00:00Z');
  // Dee never interacted with the shop: talking with Dee is not "people you both know".
  h.event(CY, 'mention', '2026-10-02T10:00:00Z', '@dee@example.social', { text: 'hi Dee' });
  h.inbound(CY, 'follow', '2026-10-03T11:00:00Z');
  await loadHistory(h, AT, (snapshot) => {
    const bo = reasonsOf(snapshot, BO);
    assert.deepEqual(names(bo), ['mutual-connections']);
    assert.match(bo[0]!.evidence, /Ana \(reply\)/);
    assert.deepEqual(reasonsOf(snapshot, CY), []);
    assert.deepEqual(reasonsOf(snapshot, ANA), [], 'Ana never followed: no reasons');
  });
});

test('same place: a follower in the workspace’s most common place; a follower far away gets no such reason', async () => {
  const h = new HistoryBuilder();
  for (const [i, place] of ['Harrogate', 'Harrogate, UK', 'Harrogate, North Yorkshire', 'Leeds'].entries()) h.profile(`@p${i}@example.social`, { location: place });
  h.profile(ANA, { location: 'harrogate' }).profile(BO, { location: 'Lisbon' });
  h.inbound(ANA, 'follow', '2026-10-03T10:00:00Z');
  h.inbound(BO, 'follow', '2026-10-03T10:00:00Z');
  await loadHistory(h, AT, (snapshot) => {
    const ana = reasonsOf(snapshot, ANA);
    assert.deepEqual(names(ana), ['same-place']);
    assert.match(ana[0]!.evidence, /Harrogate is the most common place among your people/);
    assert.deepEqual(reasonsOf(snapshot, BO), []);
  });
  assert.equal(placeKey('Harrogate, North Yorkshire'), 'harrogate');
});

test('fits audience: a bio using words from your posts; an unrelated bio does not fit', async () => {
  const h = new HistoryBuilder();
  h.post('2026-09-01T09:00:00Z', 'Fresh #sourdough and rye this morning, the starter is bubbling');
  h.post('2026-09-02T09:00:00Z', 'Our sourdough starter turns five today');
  h.post('2026-09-03T09:00:00Z', 'Rye loaves are back, and sourdough too');
  h.profile(ANA, { bio: 'Home baker. Sourdough nerd, keeper of three starters.' }).profile(BO, { bio: 'Cyclist and software tester' });
  h.inbound(ANA, 'follow', '2026-10-03T10:00:00Z');
  h.inbound(BO, 'follow', '2026-10-03T10:00:00Z');
  await loadHistory(h, AT, (snapshot) => {
    const ana = reasonsOf(snapshot, ANA);
    assert.deepEqual(names(ana), ['fits-audience']);
    assert.match(ana[0]!.evidence, /their bio mentions sourdough, starter, words from your own bio and posts/);
    assert.deepEqual(reasonsOf(snapshot, BO), []);
  });
  assert.deepEqual(audienceMatches(['sourdough', 'loaf'], 'I love loaves and #Sourdough'), ['sourdough']);
});

test('engaged with your topic: liked your post the day before following; a like months earlier does not count', async () => {
  const h = new HistoryBuilder();
  const rye = h.post('2026-10-01T09:00:00Z', 'Our first rye of the season');
  const old = h.post('2026-03-01T09:00:00Z', 'Spring buns');
  h.inbound(ANA, 'like', '2026-10-02T08:00:00Z', { about: rye });
  h.inbound(ANA, 'follow', '2026-10-03T08:00:00Z');
  h.inbound(BO, 'like', '2026-03-02T08:00:00Z', { about: old });
  h.inbound(BO, 'follow', '2026-10-03T08:00:00Z');
  await loadHistory(h, AT, (snapshot) => {
    const ana = reasonsOf(snapshot, ANA);
    assert.deepEqual(names(ana), ['engaged-with-topic']);
    assert.match(ana[0]!.evidence, /liked your post "Our first rye of the season" \(2026-10-02\), 24 hours before following/);
    assert.deepEqual(reasonsOf(snapshot, BO), []);
  });
});

test('follows everyone back: following thousands, about as many as follow them, right after your follow; a normal account does not', async () => {
  const h = new HistoryBuilder();
  h.profile(ANA, { bio: 'Growth hacker | I follow back', followers: 12_000, following: 12_400 });
  h.profile(BO, { followers: 300, following: 280 });
  h.outbound(ANA, 'follow', '2026-10-03T08:00:00Z');
  h.inbound(ANA, 'follow', '2026-10-03T08:07:00Z');
  h.inbound(BO, 'follow', '2026-10-03T08:07:00Z');
  await loadHistory(h, AT, (snapshot) => {
    const ana = reasonsOf(snapshot, ANA);
    assert.deepEqual(names(ana), ['follows-everyone-back']);
    assert.match(ana[0]!.evidence, /follow 12,400 accounts/);
    assert.match(ana[0]!.evidence, /I follow back/);
    assert.match(ana[0]!.evidence, /7 minutes after you followed them/);
    assert.deepEqual(reasonsOf(snapshot, BO), []);
    for (const reason of ana) assert.doesNotMatch(reason.evidence, /love/i, 'never "they love you"');
  });
});

test('an unfollow ends the follow: no reasons for someone who left', async () => {
  const h = new HistoryBuilder();
  const rye = h.post('2026-10-01T09:00:00Z', 'Our first rye of the season');
  h.inbound(ANA, 'like', '2026-10-02T08:00:00Z', { about: rye });
  h.inbound(ANA, 'follow', '2026-10-03T08:00:00Z');
  h.inbound(ANA, 'unfollow', '2026-10-09T08:00:00Z');
  await loadHistory(h, AT, (snapshot) => assert.deepEqual(reasonsOf(snapshot, ANA), []));
});

test('audience keywords you set replace the derived ones; forms of a word meet ("baker" fits "bake")', async () => {
  const h = new HistoryBuilder();
  h.post('2026-09-01T09:00:00Z', 'Fresh #sourdough this morning, the starter is bubbling');
  h.profile(ANA, { bio: 'Weekend baker and keen cyclist' }).profile(BO, { bio: 'Sourdough nerd' });
  h.inbound(ANA, 'follow', '2026-10-03T10:00:00Z');
  h.inbound(BO, 'follow', '2026-10-03T10:00:00Z');
  await loadHistory(h, AT, (snapshot) => {
    const context = followReasonContext(snapshot, { audienceKeywords: ['Bake', '#cycling'] });
    assert.deepEqual([context.audienceKeywords, context.audienceSource], [['bake', 'cycling'], 'setting']);
    const ana = snapshot.people.find((p) => p.identities.some((i) => i.handle === ANA))!;
    const bo = snapshot.people.find((p) => p.identities.some((i) => i.handle === BO))!;
    assert.equal(followReasonsFor(context, ana.id)[0]?.evidence, 'their bio mentions bake ("baker"), cycling ("cyclist"), your audience keywords');
    assert.deepEqual(followReasonsFor(context, bo.id), [], 'sourdough is no longer one of the keywords');
    assert.equal(followReasonContext(snapshot, { audienceKeywords: [] }).audienceSource, 'derived', 'an empty list means derive');
  });
  assert.deepEqual(['baker', 'bakers', 'baking', 'bakery', 'bake'].map(stem), ['bak', 'bak', 'bak', 'bak', 'bak']);
});
