/**
 * Today's agenda, one small history per kind of action: what appears, why, what it suggests,
 * and what makes it drop off. Every agenda here comes through the real path (`todayAgenda`)
 * and is checked against the engine run over the whole workspace (see test-support.ts).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HistoryBuilder } from '../test-support/history-builder.js';
import { actionFor, agendaOf, assertNoPitch, withHistory } from './test-support.js';

const ANA = '@ana@example.social';
const BO = '@bo@example.social';
const CY = '@cy@example.social';
const AT = '2026-11-20T18:00:00.000Z';

test('thank-public: a quote with praise asks for a public thank-you and a question; a reply of yours closes it', async () => {
  const h = new HistoryBuilder();
  h.profile(ANA, { name: 'Ana Souza' });
  const post = h.post('2026-11-10T08:00:00Z', 'Our first rye of the season');
  const quote = h.inbound(ANA, 'quote', '2026-11-18T09:00:00Z', { about: post, text: 'Best sourdough in Porto, this bakery is brilliant! Go and try it.' });
  await withHistory(h, async (store, importAgain) => {
    const action = actionFor(await agendaOf(store, AT), ANA);
    assert.ok(action);
    assert.equal(action.kind, 'thank-public');
    assert.equal(action.name, 'Ana Souza');
    assert.deepEqual(action.principles, ['thank-proportionately', 'ask-and-listen']);
    assert.equal(action.evidence.length, 1);
    assert.equal(action.evidence[0]?.text, 'Best sourdough in Porto, this bakery is brilliant! Go and try it.');
    assert.match(action.why, /quoted your post “Our first rye of the season” 2 days ago \(18 Nov\) with praise/);
    assert.match(action.suggestion, /^Reply to their quote in public: “Thank you so much, Ana!/);
    assert.match(action.suggestion, /\?”$/, 'a public thank-you asks for their view');
    await assertNoPitch(store, action.suggestion);

    h.outbound(ANA, 'reply', '2026-11-19T10:00:00Z', { inReplyTo: quote, text: 'Thank you so much, Ana! What did you like most?' });
    await importAgain();
    assert.equal(actionFor(await agendaOf(store, AT), ANA), undefined, 'thanked: the action is done');
    // Replaying the moment before the reply shows the action exactly as it was.
    assert.deepEqual(actionFor(await agendaOf(store, '2026-11-19T09:00:00.000Z'), ANA)?.kind, 'thank-public');
  });
});

test('thank: a plain share asks for a thank-you, never a re-share; a DM of thanks closes it', async () => {
  const h = new HistoryBuilder();
  h.profile(BO, { name: 'Bo Lind' });
  const post = h.post('2026-11-10T08:00:00Z', 'Long proof, slow morning.');
  h.inbound(BO, 'share', '2026-11-19T23:00:00Z', { about: post });
  await withHistory(h, async (store, importAgain) => {
    const action = actionFor(await agendaOf(store, AT), BO);
    assert.ok(action);
    assert.equal(action.kind, 'thank');
    assert.deepEqual(action.principles, ['thank-proportionately']);
    assert.equal(action.evidence[0]?.at, '2026-11-19T23:00:00.000Z');
    // Fewer than 24 hours have passed, but it was the day before: the label agrees with the date.
    assert.match(action.why, /^Bo Lind shared your post “Long proof, slow morning\.” yesterday \(19 Nov\)/);
    assert.equal(action.suggestion, 'Reply or DM: “Thank you for sharing our post, Bo! It means a lot.”');
    assert.doesNotMatch(action.suggestion, /\bre-?share\b|\bshare it\b/i);
    await assertNoPitch(store, action.suggestion);

    h.outbound(BO, 'dm', '2026-11-20T09:00:00Z', { text: 'Thank you so much for sharing our post, Bo!' });
    await importAgain();
    assert.equal(actionFor(await agendaOf(store, AT), BO), undefined);
  });
});

test('answer: their question waits until you write back', async () => {
  const h = new HistoryBuilder();
  h.profile(ANA, { name: 'Ana Souza' });
  const post = h.post('2026-11-01T08:00:00Z', 'Our first rye of the season');
  const question = h.inbound(ANA, 'reply', '2026-11-12T10:00:00Z', { inReplyTo: post, text: 'Do you bake on Sundays?' });
  await withHistory(h, async (store, importAgain) => {
    const action = actionFor(await agendaOf(store, AT), ANA);
    assert.ok(action);
    assert.equal(action.kind, 'answer');
    assert.deepEqual(action.principles, ['ask-and-listen']);
    assert.deepEqual(action.evidence.map((e) => e.text), ['Do you bake on Sundays?']);
    assert.match(action.why, /asked you 8 days ago \(12 Nov, by reply\): “Do you bake on Sundays\?” and is still waiting/);
    assert.match(action.suggestion, /^Answer in the same thread: “Hi Ana/);
    await assertNoPitch(store, action.suggestion);

    h.outbound(ANA, 'reply', '2026-11-13T08:00:00Z', { inReplyTo: question, text: 'Yes, from 8 until noon!' });
    await importAgain();
    assert.equal(actionFor(await agendaOf(store, AT), ANA), undefined, 'answered: done');
    assert.equal(actionFor(await agendaOf(store, '2026-11-12T20:00:00.000Z'), ANA)?.kind, 'answer', 'the past replays as it was');
  });
});

/** Ana and the shop talked on four days in August and September, then nothing. */
function goneQuiet(): HistoryBuilder {
  const h = new HistoryBuilder();
  h.profile(ANA, { name: 'Ana Souza', bio: 'Potter in Porto' });
  for (const [day, theirs, yours] of [
    ['2026-08-03', 'Your rye looked great! How long do you proof it? #ceramics', 'Thank you Ana! Overnight, about 14 hours.'],
    ['2026-08-10', 'Made my first loaf with your tip, it worked. New #ceramics bowl for it too', 'So glad it worked, that bowl is beautiful!'],
    ['2026-08-24', 'Kiln day today, wish me luck with the glazes', 'Good luck with the glazes, tell us how they come out!'],
    ['2026-09-07', 'The glazes came out better than ever', 'Wonderful news, congratulations!'],
  ] as const) {
    h.inbound(ANA, 'dm', `${day}T09:00:00Z`, { text: theirs });
    h.outbound(ANA, 'dm', `${day}T11:00:00Z`, { text: yours });
  }
  return h;
}

test('reconnect: a warm relationship going quiet; writing again closes it', async () => {
  const h = goneQuiet();
  await withHistory(h, async (store, importAgain) => {
    const action = actionFor(await agendaOf(store, AT), ANA);
    assert.ok(action);
    assert.equal(action.kind, 'reconnect');
    assert.deepEqual(action.principles, ['stay-in-touch']);
    assert.ok(['engaged', 'trusted'].includes(action.stage), action.stage);
    assert.match(action.why, /the last conversation was on 7 Sep, 74 days ago, and warmth is cooling/);
    assert.deepEqual(action.evidence.map((e) => e.text), ['Wonderful news, congratulations!', 'The glazes came out better than ever']);
    // The opener asks about what they talk about (their hashtag), with no agenda of yours.
    assert.match(action.suggestion, /How are things going with ceramics\?/);
    await assertNoPitch(store, action.suggestion);

    h.outbound(ANA, 'dm', '2026-11-18T10:00:00Z', { text: 'Hi Ana, how are the glazes coming along?' });
    await importAgain();
    assert.equal(actionFor(await agendaOf(store, AT), ANA), undefined);
  });
});

test('follow-up: a note whose reminder is due, until you write on or after its day', async () => {
  const h = goneQuiet().note(ANA, '2026-11-02T09:00:00Z', 'On vacation in Madeira until the 12th', '2026-11-12');
  await withHistory(h, async (store, importAgain) => {
    assert.notEqual(actionFor(await agendaOf(store, '2026-11-11T18:00:00.000Z'), ANA)?.kind, 'follow-up', 'not due yet');
    const action = actionFor(await agendaOf(store, AT), ANA);
    assert.ok(action);
    assert.equal(action.kind, 'follow-up', 'a due reminder outranks a reconnect');
    assert.deepEqual(action.principles, ['stay-in-touch']);
    assert.equal(action.evidence.length, 1);
    assert.equal(action.evidence[0]?.text, 'On vacation in Madeira until the 12th');
    assert.ok(action.evidence[0]?.noteId);
    assert.match(action.why, /The reminder was due 8 days ago \(12 Nov\)/);
    assert.equal(action.suggestion, 'Write to Ana: “Hi Ana, we were thinking of you! Welcome back! How was the trip?”');
    await assertNoPitch(store, action.suggestion);

    h.outbound(ANA, 'dm', '2026-11-13T10:00:00Z', { text: 'Welcome back Ana! How was Madeira?' });
    await importAgain();
    assert.equal(actionFor(await agendaOf(store, AT), ANA), undefined);
  });
});

test('welcome: a new follower gets a hello and a question about them, never a pitch or a link; likely bots are left out', async () => {
  const h = new HistoryBuilder({ shopName: 'Crumb & Co' });
  h.profile(BO, { name: 'Bo Lind', bio: 'Weekend baker, weekday accountant.', location: 'Leeds', followers: 210, following: 180, posts: 340 });
  h.profile(CY, { name: 'Cy', followers: 3, following: 4900, posts: 0 });
  h.inbound(BO, 'follow', '2026-11-19T08:00:00Z');
  h.inbound(CY, 'follow', '2026-11-19T08:05:00Z');
  await withHistory(h, async (store, importAgain) => {
    const agenda = await agendaOf(store, AT);
    const action = actionFor(agenda, BO);
    assert.ok(action);
    assert.equal(action.kind, 'welcome');
    assert.deepEqual(action.principles, ['no-cold-blast', 'be-personal', 'ask-and-listen']);
    assert.match(action.why, /followed you yesterday \(19 Nov\).*Their bio: “Weekend baker, weekday accountant\.”.*no links, no offers/);
    assert.match(action.suggestion, /^Say hello in a reply or a mention: “Hi Bo, thanks for the follow and welcome! .*\?”$/);
    assert.match(action.suggestion, /Leeds/, 'asks about them: where they are, as no topic of theirs is known yet');
    await assertNoPitch(store, action.suggestion);
    assert.equal(actionFor(agenda, CY), undefined, 'following thousands with no bio and no posts: likely a bot');

    h.outbound(BO, 'reply', '2026-11-19T12:00:00Z', { text: 'Hi Bo, welcome! What are you baking this weekend?' });
    await importAgain();
    assert.equal(actionFor(await agendaOf(store, AT), BO), undefined, 'welcomed: done');
  });
});

test('appreciate: an advocate whose praise you thanked is appreciated in public; sharing their work closes it', async () => {
  const h = goneQuiet();
  const post = h.post('2026-11-01T08:00:00Z', 'Seeds on top or seeds inside?');
  const theirs = h.inbound(ANA, 'post', '2026-11-05T08:00:00Z', { text: 'New glaze test: ocean blue on stoneware' });
  // Unprompted praise in public, already thanked: what is left is to give something back.
  const quote = h.inbound(ANA, 'quote', '2026-11-06T09:00:00Z', { about: post, text: 'Best sourdough in Porto, this bakery is brilliant! Go and try it.' });
  h.outbound(ANA, 'reply', '2026-11-06T10:00:00Z', { inReplyTo: quote, text: 'Thank you so much, Ana! That made our day.' });
  await withHistory(h, async (store, importAgain) => {
    const action = actionFor(await agendaOf(store, AT), ANA);
    assert.ok(action);
    assert.equal(action.kind, 'appreciate');
    assert.equal(action.stage, 'advocate');
    assert.deepEqual(action.principles, ['thank-proportionately', 'stay-in-touch']);
    assert.match(action.why, /is an advocate: they praised you once \(the last 14 days ago: “Best sourdough in Porto/);
    assert.deepEqual(action.evidence.map((e) => e.text), ['Best sourdough in Porto, this bakery is brilliant! Go and try it.', 'New glaze test: ocean blue on stoneware']);
    assert.match(action.suggestion, /^Share Ana's post “New glaze test: ocean blue on stoneware” \(5 Nov\) with a word of your own/);
    await assertNoPitch(store, action.suggestion);

    h.outbound(ANA, 'share', '2026-11-15T10:00:00Z', { about: theirs });
    await importAgain();
    assert.equal(actionFor(await agendaOf(store, AT), ANA), undefined);
  });
});

test('the most pressing first: a waiting question, then thanks, then a hello; --limit keeps the top ones', async () => {
  const h = new HistoryBuilder();
  const post = h.post('2026-11-10T08:00:00Z', 'Our first rye of the season');
  h.profile(ANA, { name: 'Ana' }).profile(BO, { name: 'Bo', bio: 'Teacher in York', location: 'York' }).profile(CY, { name: 'Cy' });
  h.inbound(BO, 'follow', '2026-11-20T08:00:00Z');
  h.inbound(CY, 'share', '2026-11-19T08:00:00Z', { about: post });
  h.inbound(ANA, 'dm', '2026-11-15T10:00:00Z', { text: 'Do you bake on Sundays?' });
  await withHistory(h, async (store) => {
    const all = await agendaOf(store, AT);
    assert.deepEqual(all.actions.map((a) => [a.kind, a.handle]), [['answer', ANA], ['thank', CY], ['welcome', BO]]);
    for (const [earlier, later] of [[all.actions[0], all.actions[1]], [all.actions[1], all.actions[2]]]) assert.ok(earlier!.score > later!.score);
    // Each score shows how it was made.
    const answer = all.actions[0]!;
    assert.equal(answer.score, Math.round(Object.values(answer.scoreParts).reduce((s, v) => s + v, 0) * 100) / 100);

    const top = await agendaOf(store, AT, 2);
    assert.deepEqual(top.actions.map((a) => a.kind), ['answer', 'thank']);
    assert.equal(top.total, 3, 'the total counts every action found');
  });
});

test('one action per person: the most pressing of theirs', async () => {
  const h = new HistoryBuilder();
  h.profile(ANA, { name: 'Ana' });
  const post = h.post('2026-11-10T08:00:00Z', 'Our first rye of the season');
  h.inbound(ANA, 'follow', '2026-11-18T08:00:00Z');
  h.inbound(ANA, 'share', '2026-11-18T09:00:00Z', { about: post });
  h.inbound(ANA, 'dm', '2026-11-18T10:00:00Z', { text: 'Do you ship to Canada? How much is it?' });
  await withHistory(h, async (store) => {
    const agenda = await agendaOf(store, AT);
    assert.deepEqual(agenda.actions.map((a) => [a.kind, a.handle]), [['answer', ANA]]);
  });
});

test('a snoozed person is hidden until the day after the snooze, then comes back as before', async () => {
  const h = new HistoryBuilder();
  h.profile(ANA, { name: 'Ana' });
  h.inbound(ANA, 'dm', '2026-11-15T10:00:00Z', { text: 'Do you bake on Sundays?' });
  await withHistory(h, async (store) => {
    const before = actionFor(await agendaOf(store, AT), ANA);
    assert.equal(before?.kind, 'answer');
    await store.snooze(before.personId, '2026-11-22');
    const hidden = await agendaOf(store, AT);
    assert.equal(actionFor(hidden, ANA), undefined);
    assert.equal(hidden.snoozed, 1);
    assert.equal(actionFor(await agendaOf(store, '2026-11-22T23:00:00.000Z'), ANA), undefined, 'the last day is included');
    assert.equal(actionFor(await agendaOf(store, '2026-11-23T08:00:00.000Z'), ANA)?.kind, 'answer');
  });
});

test('the past replays identically, whatever was imported after it', async () => {
  const h = new HistoryBuilder();
  h.profile(ANA, { name: 'Ana' }).profile(BO, { name: 'Bo', location: 'York' });
  const post = h.post('2026-11-10T08:00:00Z', 'Our first rye of the season');
  h.inbound(ANA, 'dm', '2026-11-15T10:00:00Z', { text: 'Do you bake on Sundays?' });
  h.inbound(BO, 'share', '2026-11-16T10:00:00Z', { about: post });
  const then = '2026-11-17T12:00:00.000Z';
  await withHistory(h, async (store, importAgain) => {
    const before = await agendaOf(store, then);
    assert.equal(before.actions.length, 2);
    h.outbound(ANA, 'dm', '2026-11-18T09:00:00Z', { text: 'Yes, from 8!' });
    h.outbound(BO, 'reply', '2026-11-18T09:05:00Z', { text: 'Thank you Bo!' });
    h.inbound(CY, 'follow', '2026-11-18T10:00:00Z');
    h.note(ANA, '2026-11-18T11:00:00Z', 'Moving house next week', '2026-11-17');
    await importAgain();
    assert.deepEqual(await agendaOf(store, then), before);
    assert.deepEqual((await agendaOf(store, AT)).actions.map((a) => a.kind), ['welcome']);
  });
});
