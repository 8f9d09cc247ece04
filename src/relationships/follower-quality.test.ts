/** Who is real: a bot-like profile against a real one, bursts, and the workspace figures. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HistoryBuilder, loadHistory } from '../test-support/history-builder.js';
import { followerQualities, followersAsOf, followerSummary } from './follower-quality.js';

const AT = '2026-11-30T23:59:59Z';

test('a bot-like profile scores high with every signal named; a real one scores zero', async () => {
  const h = new HistoryBuilder();
  h.profile('@deals4u@example.social', { name: 'Best Offers', bio: '', followers: 3, following: 6100, posts: 0, created: '2026-09-20T00:00:00Z', avatar: false });
  h.profile('@ana@example.social', { name: 'Ana', bio: 'Home baker in Porto', followers: 240, following: 310, posts: 800, created: '2019-04-01T00:00:00Z' });
  h.inbound('@deals4u@example.social', 'follow', '2026-10-03T03:12:00Z');
  h.inbound('@ana@example.social', 'follow', '2026-10-03T10:00:00Z');
  await loadHistory(h, AT, (snapshot) => {
    const qualities = followerQualities(snapshot, AT);
    const [ana, bot] = [...snapshot.people].sort((a, b) => a.id - b.id).map((p) => qualities.get(p.id)!);
    const botQ = [ana, bot].find((q) => q!.signals.length > 0)!;
    const realQ = [ana, bot].find((q) => q!.signals.length === 0)!;
    assert.equal(botQ.likelyFake, true);
    assert.ok(botQ.score >= 0.9, `score ${botQ.score}`);
    assert.deepEqual(botQ.signals.map((s) => s.signal), ['no-avatar', 'no-bio', 'following-far-more', 'new-account', 'no-posts']);
    assert.match(botQ.explanation, /follows 6,100 accounts but only 3 follow them/);
    assert.match(botQ.explanation, /created 13 days before it followed you/);
    assert.equal(realQ.score, 0);
    assert.equal(realQ.likelyFake, false);
  });
});

test('a burst of follows within minutes is a signal; the same follows spread over days are not', async () => {
  const h = new HistoryBuilder();
  for (let i = 0; i < 6; i++) h.inbound(`@burst${i}@example.social`, 'follow', `2026-10-03T03:1${i}:00Z`);
  for (let i = 0; i < 6; i++) h.inbound(`@calm${i}@example.social`, 'follow', `2026-10-1${i}T12:00:00Z`);
  await loadHistory(h, AT, (snapshot) => {
    const qualities = followerQualities(snapshot, AT);
    for (const person of snapshot.people) {
      const handle = person.identities[0]!.handle!;
      const signals = qualities.get(person.id)!.signals.map((s) => s.signal);
      if (handle.startsWith('@burst')) {
        assert.deepEqual(signals, ['burst'], handle);
        assert.match(qualities.get(person.id)!.signals[0]!.evidence, /one of 6 accounts that followed you between 2026-10-03 03:10 and 2026-10-03 03:15/);
      } else assert.deepEqual(signals, [], handle);
    }
  });
});

test('the summary puts the engaged share next to the raw count (quality-over-quantity)', async () => {
  const h = new HistoryBuilder();
  const post = h.post('2026-10-01T09:00:00Z', 'Rye today');
  h.inbound('@ana@example.social', 'follow', '2026-10-02T09:00:00Z');
  h.inbound('@ana@example.social', 'reply', '2026-10-02T10:00:00Z', { text: 'Save me one!', inReplyTo: post });
  h.inbound('@bo@example.social', 'follow', '2026-10-02T09:00:00Z');
  h.inbound('@bo@example.social', 'like', '2026-10-02T10:00:00Z', { about: post });
  h.inbound('@cy@example.social', 'follow', '2026-10-02T09:00:00Z');
  h.inbound('@cy@example.social', 'share', '2026-10-02T10:00:00Z', { about: post });
  h.inbound('@dee@example.social', 'follow', '2026-10-02T09:00:00Z');
  h.inbound('@dee@example.social', 'unfollow', '2026-10-05T09:00:00Z');
  await loadHistory(h, AT, (snapshot) => {
    const summary = followerSummary(snapshot, AT);
    assert.equal(summary.principle, 'quality-over-quantity');
    assert.equal(summary.followers, 3, 'Dee unfollowed');
    assert.equal(summary.engaged, 2, 'a like is not engagement; a reply and a share are');
    assert.equal(Math.round(summary.engagedShare * 100), 67);
    assert.equal(summary.likelyFake, 0);
    assert.match(summary.explanation, /2 of your 3 followers \(67%\)/);
    // As of before Dee left, four people followed.
    assert.equal(followersAsOf(snapshot, '2026-10-04T00:00:00Z').length, 4);
  });
});
