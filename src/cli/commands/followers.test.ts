/** `rapport followers` and the person card's follow reasons, as a user runs them. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FollowersReport } from '../../workspace/followers.js';
import { HistoryBuilder } from '../../test-support/history-builder.js';
import { runCli } from '../../test-support/run-cli.js';
import { createTestLocation } from '../../test-support/test-store.js';

const AT = '2026-11-30';

function bakery(): HistoryBuilder {
  const h = new HistoryBuilder();
  h.profile('@ana@example.social', { name: 'Ana', bio: 'Home baker. Sourdough nerd.', location: 'Porto', followers: 240, following: 310, posts: 800, created: '2019-04-01T00:00:00Z', avatar: true });
  h.profile('@deals4u@example.social', { name: 'Best Offers', bio: '', followers: 3, following: 6100, posts: 0, created: '2026-09-20T00:00:00Z', avatar: false });
  h.profile('@bo@example.social', { name: 'Bo', bio: 'Cyclist', followers: 90, following: 120, posts: 300, created: '2020-01-01T00:00:00Z', avatar: true });
  h.post('2026-09-01T09:00:00Z', 'Fresh #sourdough this morning, the starter is bubbling');
  const rye = h.post('2026-10-01T09:00:00Z', 'Our sourdough rye is back');
  h.inbound('@ana@example.social', 'like', '2026-10-02T08:00:00Z', { about: rye });
  h.inbound('@ana@example.social', 'follow', '2026-10-03T08:00:00Z');
  h.inbound('@ana@example.social', 'reply', '2026-10-04T08:00:00Z', { text: 'Saving one for Saturday!', inReplyTo: rye });
  h.inbound('@deals4u@example.social', 'follow', '2026-10-03T03:12:00Z');
  h.inbound('@bo@example.social', 'follow', '2026-10-05T10:00:00Z');
  return h;
}

async function workspace() {
  const location = await createTestLocation();
  const file = bakery().writeTo(location.dir);
  const imported = await runCli(['import', file], { env: location.env });
  assert.equal(imported.code, 0, imported.stderr);
  return location;
}

test('followers --json: reasons with evidence, a quality estimate each, and the totals', async () => {
  const ws = await workspace();
  try {
    const run = await runCli(['followers', '--at', AT, '--json'], { env: ws.env });
    assert.equal(run.code, 0, run.stderr);
    const report = run.json<FollowersReport>();
    assert.deepEqual(
      { followers: report.summary.followers, likelyFake: report.summary.likelyFake, engaged: report.summary.engaged },
      { followers: 3, likelyFake: 1, engaged: 1 },
    );
    assert.equal(report.audience.source, 'derived');
    assert.ok(report.audience.keywords.includes('sourdough'));
    const byHandle = new Map(report.followers.map((f) => [f.handle, f]));
    const ana = byHandle.get('@ana@example.social');
    assert.deepEqual(ana?.reasons.map((r) => r.reason).sort(), ['engaged-with-topic', 'fits-audience']);
    assert.match(ana?.reasons.find((r) => r.reason === 'fits-audience')?.evidence ?? '', /sourdough/);
    assert.equal(ana?.quality.likelyFake, false);
    const bot = byHandle.get('@deals4u@example.social');
    assert.equal(bot?.quality.likelyFake, true);
    assert.ok(bot?.quality.signals.some((s) => s.signal === 'no-posts'));
    for (const f of report.followers) for (const r of f.reasons) assert.doesNotMatch(r.evidence, /\blove/i, 'never "they love you"');

    const limited = await runCli(['followers', '--at', AT, '--json', '--limit', '1'], { env: ws.env });
    const one = limited.json<FollowersReport>();
    assert.equal(one.followers.length, 1, '--limit lists fewer …');
    assert.equal(one.summary.followers, 3, '… but the totals count everyone');

    const human = await runCli(['followers', '--at', AT], { env: ws.env });
    assert.match(human.stdout, /Followers as of 30 Nov 2026: 3/);
    assert.match(human.stdout, /likely bots or bought accounts: 1/);
    assert.match(human.stdout, /Why: engaged-with-topic — liked your post "Our sourdough rye is back"/);
    assert.match(human.stdout, /Likely a bot or a bought account: no profile picture/);
  } finally {
    await ws.cleanup();
  }
});

test('followers --set-keywords saves your audience words; --reset-keywords goes back to your bios and posts', async () => {
  const ws = await workspace();
  try {
    const set = await runCli(['followers', '--at', AT, '--json', '--set-keywords', 'cycle, Bikes'], { env: ws.env });
    assert.equal(set.code, 0, set.stderr);
    const report = set.json<FollowersReport>();
    assert.deepEqual(report.audience, { keywords: ['cycle', 'bikes'], source: 'setting' });
    const bo = report.followers.find((f) => f.handle === '@bo@example.social');
    assert.match(bo?.reasons[0]?.evidence ?? '', /their bio mentions cycle \("cyclist"\), your audience keywords/);

    const again = await runCli(['followers', '--at', AT, '--json'], { env: ws.env });
    assert.equal(again.json<FollowersReport>().audience.source, 'setting', 'the setting is kept');
    const reset = await runCli(['followers', '--at', AT, '--json', '--reset-keywords'], { env: ws.env });
    assert.equal(reset.json<FollowersReport>().audience.source, 'derived');
  } finally {
    await ws.cleanup();
  }
});

test('person shows why they follow you; someone who does not follow gets no such section', async () => {
  const ws = await workspace();
  try {
    const card = await runCli(['person', '@ana@example.social', '--at', AT, '--json'], { env: ws.env });
    assert.equal(card.code, 0, card.stderr);
    const json = card.json<{ followReasons: { reason: string }[]; followerQuality: { likelyFake: boolean } | null }>();
    assert.ok(json.followReasons.some((r) => r.reason === 'engaged-with-topic'));
    assert.equal(json.followerQuality?.likelyFake, false);
    const human = await runCli(['person', '@ana@example.social', '--at', AT], { env: ws.env });
    assert.match(human.stdout, /Why they follow you\n {2}(engaged-with-topic|fits-audience): /);

    const before = await runCli(['person', '@ana@example.social', '--at', '2026-10-02', '--json'], { env: ws.env });
    const early = before.json<{ followReasons: unknown[]; followerQuality: unknown }>();
    assert.deepEqual([early.followReasons, early.followerQuality], [[], null], 'not yet a follower on 2 Oct');
  } finally {
    await ws.cleanup();
  }
});
