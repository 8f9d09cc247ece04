/** The audit, one small history per figure: what it counts, what it leaves out, and its trend. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PRINCIPLES } from '../playbook/playbook.js';
import { HistoryBuilder, loadHistory } from '../test-support/history-builder.js';
import { buildAudit, FIGURES, trendOf } from './build-audit.js';
import { monthRange, weeksOf } from './months.js';
import type { AuditReport, FigureId, FigureMonth } from './types.js';

const AT = '2026-11-30T23:59:59.999Z';
const FROM = '2026-10-01T00:00:00.000Z';
const ANA = '@ana@example.social';
const BO = '@bo@example.social';
const CY = '@cy@example.social';
const DEE = '@dee@example.social';

function audit(h: HistoryBuilder, at = AT, from = FROM): Promise<AuditReport> {
  return loadHistory(h, at, (snapshot) => buildAudit(snapshot, { from }));
}

function month(report: AuditReport, id: FigureId, key: string): FigureMonth {
  const figure = report.figures.find((f) => f.id === id);
  assert.ok(figure, `no figure ${id}`);
  const m = figure.months.find((x) => x.month === key);
  assert.ok(m, `no month ${key} in ${id}`);
  return m;
}

test('every figure names known principles and explains the first in one sentence', async () => {
  const h = new HistoryBuilder();
  h.post('2026-11-02T09:00:00Z', 'Rye day');
  const report = await audit(h);
  assert.deepEqual(report.months, ['2026-10', '2026-11']);
  assert.equal(report.figures.length, FIGURES.length);
  for (const f of report.figures) {
    for (const p of f.principles) assert.ok((PRINCIPLES as readonly string[]).includes(p), `${f.id}: unknown principle ${p}`);
    assert.equal(f.principle, f.principles[0]);
    assert.match(f.explanation, /^[A-Z0-9].*[.!]$/, `${f.id}: "${f.explanation}"`);
    assert.equal(f.explanation.split(/[.!] /).length, 1, `${f.id}: one sentence`);
  }
});

test('promotional share (no-first-date-proposal): a pitch to a stranger in November, none in October', async () => {
  const h = new HistoryBuilder();
  h.outbound(ANA, 'mention', '2026-10-05T10:00:00Z', { text: 'Lovely to see you at the market, Ana. How is the new kitchen?' });
  h.outbound(ANA, 'mention', '2026-11-05T10:00:00Z', { text: 'How was the trip to Porto, Ana?' });
  h.outbound(BO, 'reply', '2026-11-06T10:00:00Z', { text: 'Buy our new sourdough today, 20% off at https://shop.example/order' });
  const report = await audit(h);
  const oct = month(report, 'promotional-share', '2026-10');
  assert.equal(oct.value, 0);
  const nov = month(report, 'promotional-share', '2026-11');
  assert.equal(nov.value, 0.5);
  assert.deepEqual(nov.counts, { messages: 2, promotional: 1, toPeopleNotYetEngaged: 1, mostlyAboutYou: 0 });
  assert.equal(nov.trend, 'up');
  assert.equal(nov.better, false, 'more promotion is worse');
  assert.equal(nov.examples[0]?.handle, BO);
  assert.match(nov.examples[0]?.what ?? '', /still at "stranger"/);
});

test('favour-asks before giving (give-before-ask): asking a stranger counts; asking a trusted friend you gave to does not', async () => {
  const h = new HistoryBuilder();
  // Ana: questions answered on three days, then weeks later she starts a conversation: trusted, and you gave more.
  for (const day of ['2026-08-01', '2026-08-05', '2026-08-10']) {
    const q = h.inbound(ANA, 'mention', `${day}T09:00:00Z`, { text: 'Do you bake rye on Fridays?' });
    h.outbound(ANA, 'reply', `${day}T10:00:00Z`, { text: 'Yes, every Friday from 8, Ana.', inReplyTo: q });
  }
  h.inbound(ANA, 'dm', '2026-09-15T09:00:00Z', { text: 'Is the cinnamon bun back this week?' });
  h.outbound(ANA, 'dm', '2026-09-15T10:00:00Z', { text: 'It is, Ana! Saturday morning.' });
  h.outbound(ANA, 'dm', '2026-10-10T10:00:00Z', { text: 'Could you share our new menu with your followers?' });
  h.outbound(BO, 'dm', '2026-10-10T11:00:00Z', { text: 'Could you share our new menu with your followers?' });
  const report = await audit(h);
  const oct = month(report, 'asks-before-giving', '2026-10');
  assert.deepEqual(oct.counts, { favourAsks: 2, beforeGiving: 1 });
  assert.equal(oct.value, 1);
  assert.deepEqual(oct.examples.map((e) => e.handle), [BO]);
  assert.match(oct.examples[0]?.what ?? '', /having given 0 and asked 0 before/);
  assert.equal(month(report, 'asks-before-giving', '2026-11').value, 0);
});

test('cold DMs (no-cold-blast): a link two hours after a follow counts; a plain hello and a late DM do not', async () => {
  const h = new HistoryBuilder();
  h.inbound(CY, 'follow', '2026-11-02T10:00:00Z');
  h.outbound(CY, 'dm', '2026-11-02T12:00:00Z', { text: 'Thanks for the follow! Check out our weekly specials at https://shop.example/specials' });
  h.inbound(DEE, 'follow', '2026-11-03T10:00:00Z');
  h.outbound(DEE, 'dm', '2026-11-03T11:00:00Z', { text: 'Hi Dee! Thanks for the follow, lovely to have you.' });
  h.inbound(ANA, 'follow', '2026-10-01T10:00:00Z');
  h.outbound(ANA, 'dm', '2026-10-20T10:00:00Z', { text: 'Our specials this week: https://shop.example/specials' });
  const report = await audit(h);
  const nov = month(report, 'cold-dms', '2026-11');
  assert.deepEqual(nov.counts, { dmsAfterFollow: 2, cold: 1 });
  assert.equal(nov.examples[0]?.handle, CY);
  assert.match(nov.examples[0]?.what ?? '', /DM 2 hours after they followed you, with a link/);
  assert.equal(month(report, 'cold-dms', '2026-10').value, 0, 'three weeks after the follow is not a cold blast');
});

test('templated messages (be-personal): one greeting pasted to three people, names changed; two copies are not a template yet', async () => {
  const greeting = (name: string) => `Hi ${name}! Thanks for the follow, we bake fresh bread every morning in Harrogate. See you soon!`;
  const h = new HistoryBuilder();
  h.outbound(ANA, 'dm', '2026-10-02T10:00:00Z', { text: 'Hello Ana, we always put a rye aside for you on Fridays, want one this week?' });
  h.outbound(BO, 'dm', '2026-10-03T10:00:00Z', { text: 'Bo, your photo of the harbour made our morning, where was it taken?' });
  for (const [who, name, day] of [[ANA, 'Ana', '02'], [CY, 'Cy', '03'], [DEE, 'Dee', '04']] as const) {
    h.outbound(who, 'dm', `2026-11-${day}T10:00:00Z`, { text: greeting(name) });
  }
  h.outbound(BO, 'reply', '2026-11-05T10:00:00Z', { text: 'Bo, the harbour again! Is that the new boat?' });
  const report = await audit(h);
  const nov = month(report, 'templated-messages', '2026-11');
  assert.deepEqual(nov.counts, { messages: 4, templated: 3, wordForWord: 3, templates: 1, peopleReached: 3 });
  assert.match(nov.examples[0]?.what ?? '', /the same words went to 3 people in the period, only the name changed/);
  assert.match(nov.examples[0]?.text ?? '', /Thanks for the follow, we bake fresh bread/);
  assert.equal(month(report, 'templated-messages', '2026-10').value, 0);
});

test('templated messages: the same text to only two people stays personal', async () => {
  const h = new HistoryBuilder();
  for (const [who, name] of [[ANA, 'Ana'], [BO, 'Bo']] as const) {
    h.outbound(who, 'dm', '2026-11-02T10:00:00Z', { text: `Hi ${name}! Thanks for the follow, we bake fresh bread every morning in Harrogate. See you soon!` });
  }
  assert.equal(month(await audit(h), 'templated-messages', '2026-11').value, 0);
});

test('questions asked and conversation vs broadcast (ask-and-listen): half the messages ask, half of what you wrote was posts', async () => {
  const h = new HistoryBuilder();
  h.post('2026-11-01T08:00:00Z', 'Rye day!');
  h.post('2026-11-08T08:00:00Z', 'Cinnamon buns are back');
  h.outbound(ANA, 'mention', '2026-11-05T10:00:00Z', { text: 'How was the trip to Porto, Ana?' });
  h.outbound(BO, 'reply', '2026-11-06T10:00:00Z', { text: 'Thanks Bo, that means a lot.' });
  const report = await audit(h);
  const questions = month(report, 'questions-asked', '2026-11');
  assert.deepEqual(questions.counts, { messages: 2, questions: 1 });
  assert.equal(questions.value, 0.5);
  assert.equal(questions.trend, 'new', 'October had no message to measure');
  const conversation = month(report, 'conversation-share', '2026-11');
  assert.deepEqual(conversation.counts, { conversations: 2, broadcasts: 2 });
  assert.equal(conversation.value, 0.5);
  assert.equal(month(report, 'conversation-share', '2026-10').value, null, 'nothing written in October');
});

test('shares thanked (thank-proportionately): in public, in private, not at all, and one still in its window', async () => {
  const h = new HistoryBuilder();
  const post = h.post('2026-10-30T08:00:00Z', 'Rye day!');
  h.inbound(ANA, 'share', '2026-11-01T09:00:00Z', { about: post });
  h.outbound(ANA, 'reply', '2026-11-01T12:00:00Z', { text: 'Thank you so much for sharing, Ana!' });
  h.inbound(BO, 'quote', '2026-11-02T09:00:00Z', { about: post, text: 'Best bakery in town, their rye is brilliant.' });
  h.outbound(BO, 'dm', '2026-11-02T12:00:00Z', { text: 'Thanks Bo, that means a lot.' });
  h.inbound(CY, 'share', '2026-11-03T09:00:00Z', { about: post });
  h.inbound(DEE, 'share', '2026-11-29T09:00:00Z', { about: post });
  const nov = month(await audit(h), 'shares-thanked', '2026-11');
  assert.deepEqual(nov.counts, { shares: 3, withPraise: 1, thankedPublicly: 1, thankedPrivately: 1, notThanked: 1, praiseThankedPublicly: 0, waiting: 1 });
  assert.equal(nov.value, 2 / 3);
  // Bo's praise deserved a public thank-you, Cy's share any thank-you at all.
  assert.deepEqual(nov.examples.map((e) => [e.handle, e.what]), [[BO, 'quote with praise, thanked only in private'], [CY, 'share, never thanked']]);
});

test('reply latency (ask-and-listen): the median of 2 and 6 hours is 4; an unanswered DM is counted apart', async () => {
  const h = new HistoryBuilder();
  h.inbound(ANA, 'dm', '2026-11-01T10:00:00Z', { text: 'Are you open on Sunday?' });
  h.outbound(ANA, 'dm', '2026-11-01T12:00:00Z', { text: 'Yes, Ana, from 9 to 1.' });
  h.inbound(BO, 'dm', '2026-11-02T10:00:00Z', { text: 'Do you do gluten-free?' });
  h.inbound(BO, 'dm', '2026-11-02T10:05:00Z', { text: 'Asking for my sister' });
  h.outbound(BO, 'dm', '2026-11-02T16:00:00Z', { text: 'We do, Bo: a seeded loaf on Saturdays.' });
  h.inbound(CY, 'dm', '2026-11-03T10:00:00Z', { text: 'Can I order a cake for the 14th?' });
  const nov = month(await audit(h), 'reply-latency', '2026-11');
  assert.equal(nov.value, 4);
  assert.deepEqual(nov.counts, { messages: 3, answered: 2, unanswered: 1, waiting: 0 });
  assert.equal(nov.examples[0]?.handle, CY);
});

test('active weeks (consistency): messages in two of November’s four weeks', async () => {
  const h = new HistoryBuilder();
  h.outbound(ANA, 'mention', '2026-11-03T10:00:00Z', { text: 'How was the trip to Porto, Ana?' });
  h.outbound(BO, 'mention', '2026-11-18T10:00:00Z', { text: 'Bo, is that the new boat?' });
  const nov = month(await audit(h), 'active-weeks', '2026-11');
  assert.deepEqual(nov.counts, { weeks: 4, activeWeeks: 2 });
  assert.equal(nov.value, 0.5);
  assert.deepEqual(nov.examples.map((e) => e.what), ['the week of 2026-11-09: no message to anyone', 'the week of 2026-11-23: no message to anyone']);
  assert.deepEqual(weeksOf(monthRange('2026-10'), AT), ['2026-09-28', '2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26']);
});

test('engaged followers (quality-over-quantity): one of three engaged, one likely bot that followed in November', async () => {
  const h = new HistoryBuilder();
  h.profile(ANA, { name: 'Ana', bio: 'Home baker', followers: 240, following: 300, posts: 800, created: '2019-04-01T00:00:00Z', avatar: true });
  h.profile(BO, { name: 'Bo', bio: 'Cyclist', followers: 90, following: 120, posts: 300, created: '2020-04-01T00:00:00Z', avatar: true });
  h.profile('@deals4u@example.social', { name: 'Best Offers', bio: '', followers: 3, following: 6100, posts: 0, created: '2026-10-20T00:00:00Z', avatar: false });
  h.inbound(ANA, 'follow', '2026-10-01T10:00:00Z');
  h.inbound(ANA, 'reply', '2026-10-02T10:00:00Z', { text: 'Lovely rye!' });
  h.inbound(BO, 'follow', '2026-10-03T10:00:00Z');
  h.inbound('@deals4u@example.social', 'follow', '2026-11-04T03:00:00Z');
  const report = await audit(h);
  const oct = month(report, 'engaged-followers', '2026-10');
  assert.deepEqual(oct.counts, { followers: 2, engaged: 1, likelyFake: 0, newFollowers: 2, newLikelyFake: 0 });
  const nov = month(report, 'engaged-followers', '2026-11');
  assert.deepEqual(nov.counts, { followers: 3, engaged: 1, likelyFake: 1, newFollowers: 1, newLikelyFake: 1 });
  assert.equal(nov.value, 1 / 3);
  assert.equal(nov.trend, 'down');
  assert.equal(nov.better, false);
  assert.match(nov.examples[0]?.what ?? '', /Likely a bot/);
});

test('going quiet (stay-in-touch): an engaged friend silent since September counts; one still talking does not', async () => {
  const h = new HistoryBuilder();
  const talk = (who: string, days: readonly string[]) => {
    for (const day of days) {
      const q = h.inbound(who, 'mention', `${day}T09:00:00Z`, { text: 'Do you bake rye on Fridays?' });
      h.outbound(who, 'reply', `${day}T10:00:00Z`, { text: 'We do, every Friday from 8!', inReplyTo: q });
    }
  };
  talk(ANA, ['2026-09-01', '2026-09-10', '2026-09-20']);
  talk(BO, ['2026-10-01', '2026-10-15', '2026-11-20']);
  const report = await audit(h);
  const nov = month(report, 'going-quiet', '2026-11');
  assert.deepEqual(nov.counts, { warm: 2, quiet: 1, silentLonger: 0 });
  assert.match(nov.examples[0]?.what ?? '', /no conversation for 71 days/);
  assert.equal(month(report, 'going-quiet', '2026-10').value, 1, 'Ana was already quiet at the end of October');
});

test('a period with no data says so, and where the data is', async () => {
  const h = new HistoryBuilder();
  h.outbound(ANA, 'mention', '2025-03-05T10:00:00Z', { text: 'How was the trip to Porto, Ana?' });
  const report = await audit(h);
  assert.equal(report.hasData, false);
  assert.match(report.notice ?? '', /no interactions between 2026-10-01 and 2026-11-30; its data runs from 2025-03-05 to 2025-03-05/);
  for (const f of report.figures) assert.ok(f.months.every((m) => m.value === null || m.value === 0), f.id);
});

test('a month not over yet compares its counts with the same share of the month before', async () => {
  const h = new HistoryBuilder();
  // Four cold DMs in October, one in the first ten days of November: on course for three, fewer.
  for (const [n, day] of ['02', '09', '16', '23'].entries()) {
    const who = `@p${n}@example.social`;
    h.inbound(who, 'follow', `2026-10-${day}T09:00:00Z`);
    h.outbound(who, 'dm', `2026-10-${day}T10:00:00Z`, { text: 'Thanks for the follow! Check out our weekly specials at https://shop.example/specials' });
  }
  h.inbound(ANA, 'follow', '2026-11-05T09:00:00Z');
  h.outbound(ANA, 'dm', '2026-11-05T10:00:00Z', { text: 'Thanks for the follow! Check out our weekly specials at https://shop.example/specials' });
  const nov = month(await audit(h, '2026-11-10T23:59:59.999Z'), 'cold-dms', '2026-11');
  assert.equal(nov.partial, true);
  assert.equal(nov.value, 1);
  assert.equal(nov.trend, 'down');
  assert.equal(nov.better, true);
});

test('trends: shares move by points, counts and hours by their relative change', () => {
  assert.equal(trendOf(0.43, 0.4, true, 0.05), 'flat');
  assert.equal(trendOf(0.5, 0.4, true, 0.05), 'up');
  assert.equal(trendOf(10.4, 10, false, 0.05), 'flat');
  assert.equal(trendOf(1, 0, false, 0.05), 'up');
  assert.equal(trendOf(0, 0, false, 0.05), 'flat');
  assert.equal(trendOf(3, null, false, 0.05), 'new');
  assert.equal(trendOf(null, 3, false, 0.05), 'none');
});
