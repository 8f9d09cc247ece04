/** `rapport audit` as a user runs it: the summary, --json, --html, bad dates, and the demo workspace. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { AuditFigure, AuditReport, FigureId } from '../../audit/index.js';
import { HistoryBuilder } from '../../test-support/history-builder.js';
import { runCli } from '../../test-support/run-cli.js';
import { createTestLocation } from '../../test-support/test-store.js';

function shop(): HistoryBuilder {
  const h = new HistoryBuilder();
  const post = h.post('2026-10-30T08:00:00Z', 'Rye day!');
  h.inbound('@cy@example.social', 'follow', '2026-11-02T10:00:00Z');
  h.outbound('@cy@example.social', 'dm', '2026-11-02T12:00:00Z', { text: 'Thanks for the follow! Check out our weekly specials at https://shop.example/specials' });
  h.inbound('@ana@example.social', 'quote', '2026-11-03T09:00:00Z', { about: post, text: 'Best bakery in town, their rye is brilliant. <script>alert(1)</script>' });
  h.outbound('@ana@example.social', 'reply', '2026-11-03T12:00:00Z', { text: 'Thank you so much, Ana! What should we bake next?' });
  return h;
}

async function workspace() {
  const location = await createTestLocation();
  const imported = await runCli(['import', shop().writeTo(location.dir)], { env: location.env });
  assert.equal(imported.code, 0, imported.stderr);
  return location;
}

function figure(report: AuditReport, id: FigureId): AuditFigure {
  const f = report.figures.find((x) => x.id === id);
  assert.ok(f, `no figure ${id}`);
  return f;
}

test('audit --json: per month, each figure with its principle, explanation and trend; the summary says the same', async () => {
  const ws = await workspace();
  try {
    const run = await runCli(['audit', '--from', '2026-10', '--to', '2026-11-30', '--json'], { env: ws.env });
    assert.equal(run.code, 0, run.stderr);
    const report = run.json<AuditReport>();
    assert.deepEqual(report.months, ['2026-10', '2026-11']);
    assert.equal(report.hasData, true);
    const cold = figure(report, 'cold-dms');
    assert.equal(cold.principle, 'no-cold-blast');
    assert.match(cold.explanation, /new follow/);
    assert.deepEqual(cold.latest && { month: cold.latest.month, value: cold.latest.value, trend: cold.latest.trend }, { month: '2026-11', value: 1, trend: 'up' });
    const thanks = figure(report, 'shares-thanked').latest;
    assert.deepEqual([thanks?.counts.thankedPublicly, thanks?.counts.withPraise], [1, 1]);

    const human = await runCli(['audit', '--from', '2026-10', '--to', '2026-11-30'], { env: ws.env });
    assert.equal(human.code, 0, human.stderr);
    assert.match(human.stdout, /Cold DMs after a follow \[no-cold-blast\]\n {3}1 ↑ 2026-11, worse \(was 0\): 1 of 1 DM sent within 72 hours of a follow carried a link or a pitch\./);
    assert.match(human.stdout, /Shares thanked \[thank-proportionately\]\n {3}100% • 2026-11/);
  } finally {
    await ws.cleanup();
  }
});

test('audit --html writes one self-contained page: the chart library and the data inline, nothing fetched', async () => {
  const ws = await workspace();
  try {
    const file = join(ws.dir, 'audit.html');
    const run = await runCli(['audit', '--from', '2026-10', '--to', '2026-11-30', '--html', file], { env: ws.env });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /HTML report written to/);
    assert.ok(existsSync(file));
    const html = readFileSync(file, 'utf8');
    assert.match(html, /Chart\.js v4/, 'chart.js is inlined');
    assert.match(html, /<script type="application\/json" id="audit-data">\{"at":"2026-11-30T23:59:59\.999Z"/, 'the report is embedded');
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;sha256-/);
    assert.doesNotMatch(html, /<script[^>]*\ssrc=|<link\b|\s(src|href)=["']?https?:/i, 'no external script, style or image');
    assert.ok(!html.includes('<script>alert(1)'), 'imported text is escaped');
  } finally {
    await ws.cleanup();
  }
});

test('audit: bad or reversed dates are user errors (exit 1) that name the fix; a period without data says so', async () => {
  const ws = await workspace();
  try {
    const bad = await runCli(['audit', '--from', '2026-13'], { env: ws.env });
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /Bad date for --from: "2026-13"/);
    assert.match(bad.stderr, /Use YYYY-MM/);
    const reversed = await runCli(['audit', '--from', '2026-11-01', '--to', '2026-10-01'], { env: ws.env });
    assert.equal(reversed.code, 1);
    assert.match(reversed.stderr, /starts \(2026-11-01\) after it ends \(2026-10-01\)/);
    const empty = await runCli(['audit', '--from', '2025-01', '--to', '2025-06', '--json'], { env: ws.env });
    assert.equal(empty.code, 0, empty.stderr);
    const report = empty.json<AuditReport>();
    assert.equal(report.hasData, false);
    assert.match(report.notice ?? '', /its data runs from 2026-10-30 to 2026-11-03/);
    const human = await runCli(['audit', '--from', '2025-01', '--to', '2025-06'], { env: ws.env });
    assert.match(human.stdout, /no interactions between 2025-01-01 and 2025-06-30/);
  } finally {
    await ws.cleanup();
  }
});

test('the demo workspace (last day 20 Nov 2026): cold DMs, pasted greetings, favour-asks of strangers, unthanked shares and bots all show', async () => {
  const location = await createTestLocation();
  // The demo is always an embedded workspace of its own.
  const env = { ...location.env, DATABASE_URL: '' };
  try {
    const built = await runCli(['--data', location.dir, 'demo', '--json'], { env });
    assert.equal(built.code, 0, built.stderr);
    const demo = join(location.dir, 'demo');
    const run = await runCli(['--data', demo, 'audit', '--to', '2026-11-20', '--json'], { env });
    assert.equal(run.code, 0, run.stderr);
    const report = run.json<AuditReport>();
    assert.equal(report.months.length, 12);
    assert.equal(report.months.at(-1), '2026-11');
    const total = (id: FigureId, count: string) => figure(report, id).months.reduce((s, m) => s + (m.counts[count] ?? 0), 0);
    const examples = (id: FigureId) => figure(report, id).months.flatMap((m) => m.examples);

    assert.ok(total('cold-dms', 'cold') >= 5, 'cold DMs after follows');
    assert.ok(examples('cold-dms').some((e) => /Thanks for the follow.*https:\/\//.test(e.text ?? '')));

    assert.ok(total('templated-messages', 'wordForWord') > 0, 'pasted greetings');
    assert.ok(examples('templated-messages').some((e) => /Thanks for the follow, check out our weekly specials|welcome to the Crumb & Co family/.test(e.text ?? '') && /only the name changed/.test(e.what)));

    assert.ok(total('asks-before-giving', 'beforeGiving') >= 3, 'favour-asks of strangers');
    assert.ok(examples('asks-before-giving').some((e) => /share our new menu|review on Google|vote for us/.test(e.text ?? '')));

    assert.ok(total('promotional-share', 'toPeopleNotYetEngaged') > 0, 'early pitches');
    assert.ok(total('shares-thanked', 'thankedPublicly') > 0 && total('shares-thanked', 'thankedPrivately') > 0, 'shares thanked both ways');
    assert.ok(total('shares-thanked', 'notThanked') > 0, 'and shares never thanked');

    const followers = figure(report, 'engaged-followers').latest;
    assert.ok((followers?.counts.likelyFake ?? 0) >= 10, `likely bots: ${followers?.counts.likelyFake}`);
    assert.ok((followers?.counts.followers ?? 0) > (followers?.counts.engaged ?? 0));

    const listed = await runCli(['--data', demo, 'followers', '--at', '2026-11-20', '--json'], { env });
    const bots = listed.json<{ followers: { quality: { likelyFake: boolean }; reasons: { reason: string }[] }[] }>().followers.filter((f) => f.quality.likelyFake);
    assert.equal(bots.length, followers?.counts.likelyFake, 'the same bots in both reports');
    assert.ok(bots.some((b) => b.reasons.some((r) => r.reason === 'follows-everyone-back')));
  } finally {
    await location.cleanup();
  }
});
