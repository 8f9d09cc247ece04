/**
 * The coach, principle by principle: each test writes the small history that makes a draft
 * premature (wait), clumsy (revise) or welcome (go), and checks the verdict, the principle ids
 * and that the suggestions are personal and never sell. Runs on SQLite, and on PostgreSQL when
 * DATABASE_URL is set.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PRINCIPLES, type Principle } from '../playbook/playbook.js';
import {
  daysAgo, exchanges, newHistory, presence, principlesOf, reasonFor, SHOP_SITE, withHistory,
} from './coach-fixtures.js';

const PIA = '@pia@bakers.social';
const ANA = '@ana@example.social';
const BO = '@bo@example.social';

/** Pia: followed two months ago, one exchange about her rye bake — acquainted, nothing more. */
function acquaintedPia() {
  const h = newHistory();
  h.profile(PIA, { name: 'Pia Lund', bio: 'Home baker in Malmö, rye and sourdough', followers: 300, following: 280, posts: 900, avatar: true });
  h.inbound(PIA, 'follow', daysAgo(60));
  h.inbound(PIA, 'post', daysAgo(12), { text: 'Tried a 36-hour rye ferment this weekend and the crumb finally opened up', id: 'pia-rye' });
  const ours = h.post(daysAgo(10, 8), 'Our winter rye is back on the shelves');
  h.inbound(PIA, 'reply', daysAgo(10), { text: 'That crumb looks amazing!', inReplyTo: ours });
  h.outbound(PIA, 'reply', daysAgo(10, 11), { text: 'Thank you Pia! How long do you proof your rye?', inReplyTo: ours });
  presence(h);
  return h;
}

const PITCH = `Our Christmas boxes are here: 20% off this week, order now at https://${SHOP_SITE}/christmas`;

// ---- no-first-date-proposal ------------------------------------------------------------------

test('no-first-date-proposal: a pitch to someone only acquainted waits, with an opener from her own post', async () => {
  await withHistory(acquaintedPia(), async (check) => {
    const r = await check({ to: PIA, text: PITCH });
    assert.equal(r.verdict, 'wait');
    assert.equal(r.relationship.stage, 'acquainted');
    assert.ok(principlesOf(r, 'wait').includes('no-first-date-proposal'));
    assert.match(reasonFor(r, 'no-first-date-proposal', 'wait').evidence, /only acquainted/);
    assert.ok(r.suggestions.some((s) => s.includes('36-hour rye ferment')), `an opener from her post: ${r.suggestions.join(' | ')}`);
  });
});

test('no-first-date-proposal: a pitch to an engaged customer is go', async () => {
  const h = newHistory();
  h.profile(BO, { name: 'Bo Berg' });
  exchanges(h, BO, [30, 20, 12, 5]);
  presence(h);
  await withHistory(h, async (check) => {
    const r = await check({ to: BO, text: PITCH });
    assert.equal(r.relationship.stage, 'engaged');
    assert.equal(r.verdict, 'go', JSON.stringify(r.reasons));
    assert.match(reasonFor(r, 'no-first-date-proposal', 'ok').evidence, /engaged/);
  });
});

test('no-first-date-proposal: a pitch that answers their own question about your product is welcome', async () => {
  const h = newHistory();
  h.profile(ANA, { name: 'Ana Sousa', location: 'Toronto' });
  h.inbound(ANA, 'follow', daysAgo(20));
  h.inbound(ANA, 'dm', daysAgo(1), { text: 'Do you ship to Canada? How much would a box of twelve cost?' });
  presence(h);
  await withHistory(h, async (check) => {
    const r = await check({ to: ANA, text: `Yes, we ship to Canada! A box of twelve is $36 plus shipping, you can order at https://${SHOP_SITE}/box` });
    assert.equal(r.verdict, 'go', JSON.stringify(r.reasons));
    assert.ok(r.analysis.selling.yes, 'it is an offer');
    assert.match(reasonFor(r, 'no-first-date-proposal', 'ok').evidence, /Do you ship to Canada/);
    assert.ok(principlesOf(r, 'ok').includes('ask-and-listen'));
  });
});

// ---- give-before-ask -------------------------------------------------------------------------

test('give-before-ask: a favour-ask of someone you have not given to waits', async () => {
  await withHistory(acquaintedPia(), async (check) => {
    const r = await check({ to: PIA, text: 'Could you share our Christmas menu with your followers?' });
    assert.equal(r.verdict, 'wait');
    assert.ok(principlesOf(r, 'wait').includes('give-before-ask'));
    assert.match(reasonFor(r, 'give-before-ask', 'wait').evidence, /not yet trusted/);
  });
});

/** Bo: months of conversation that he often starts; you answer, help and thank — trusted. */
function trustedBo() {
  const h = newHistory();
  h.profile(BO, { name: 'Bo Berg', bio: 'Coffee roaster and cyclist' });
  exchanges(h, BO, [90, 80, 70, 60, 45, 30, 15, 4], { theirs: 'Any tips for a crisper crust?', yours: 'Thanks Bo! A tray of boiling water in the oven for the first 15 minutes does it.' });
  presence(h);
  return h;
}

test('give-before-ask: asking a follower you never gave anything waits, and suggests what to give', async () => {
  const h = newHistory();
  h.profile(ANA, { name: 'Ana Sousa', bio: 'Florist in Porto' });
  h.inbound(ANA, 'follow', daysAgo(50));
  h.inbound(ANA, 'post', daysAgo(4), { text: 'Peonies are in and the shop smells like summer again', id: 'ana-peonies' });
  presence(h);
  await withHistory(h, async (check) => {
    const r = await check({ to: ANA, text: 'Could you vote for us in the Best Bakery awards?' });
    assert.equal(r.verdict, 'wait');
    assert.match(reasonFor(r, 'give-before-ask', 'wait').evidence, /Ana is connected, not yet trusted, and you have not given more than you asked \(your ledger with Ana: 0 given, 0 asked\)/);
    assert.match(r.suggestions[0] ?? '', /^Give first: boost Ana's .*Peonies are in/);
  });
});

test('give-before-ask: a favour-ask of a trusted friend you have given to is go', async () => {
  await withHistory(trustedBo(), async (check) => {
    const r = await check({ to: BO, text: 'Bo, would you mind sharing our Christmas menu with your followers? It would mean a lot.' });
    assert.equal(r.relationship.stage, 'trusted');
    assert.ok(r.relationship.ledger.balance > 0);
    assert.equal(r.verdict, 'go', JSON.stringify(r.reasons));
    assert.match(reasonFor(r, 'give-before-ask', 'ok').evidence, /trusted/);
  });
});

// ---- no-cold-blast ---------------------------------------------------------------------------

function newFollower() {
  const h = newHistory();
  h.profile(ANA, { name: 'Ana Sousa', bio: 'Florist in Porto. Flowers, coffee and long walks', followers: 420, following: 390, posts: 1200, avatar: true });
  h.inbound(ANA, 'follow', daysAgo(0, 7));
  presence(h);
  return h;
}

test('no-cold-blast: a DM with a link or a pitch hours after a follow waits', async () => {
  await withHistory(newFollower(), async (check) => {
    const r = await check({ to: ANA, text: `Thanks for the follow! Grab our free bread e-book at https://${SHOP_SITE}/ebook` });
    assert.equal(r.verdict, 'wait');
    assert.ok(principlesOf(r, 'wait').includes('no-cold-blast'));
    assert.match(reasonFor(r, 'no-cold-blast', 'wait').evidence, /followed you 5 hours ago/);
    assert.match(r.suggestions[0] ?? '', /Welcome Ana without any link/);
  });
});

test('no-cold-blast: a warm welcome with a question and no link is go', async () => {
  await withHistory(newFollower(), async (check) => {
    const r = await check({ to: ANA, text: 'Thanks for the follow, Ana! What brought you here, do you bake yourself?' });
    assert.equal(r.verdict, 'go', JSON.stringify(r.reasons));
    assert.match(reasonFor(r, 'no-cold-blast', 'ok').evidence, /a welcome with no link and no pitch/);
  });
});

// ---- no-thread-jacking -----------------------------------------------------------------------

function anaOpensHerShop() {
  const h = newHistory();
  h.profile(ANA, { name: 'Ana Sousa', bio: 'Florist in Porto' });
  h.inbound(ANA, 'follow', daysAgo(40));
  exchanges(h, ANA, [35]);
  h.inbound(ANA, 'post', daysAgo(0, 8), { text: 'Today I finally opened my own flower shop in Porto!', id: 'ana-news' });
  presence(h);
  return h;
}

test('no-thread-jacking: promoting yourself under their own news waits', async () => {
  await withHistory(anaOpensHerShop(), async (check) => {
    const r = await check({ to: ANA, channel: 'reply', inReplyTo: 'ana-news', text: `Congrats! By the way, we do catering for shop openings: https://${SHOP_SITE}/catering` });
    assert.equal(r.verdict, 'wait');
    assert.ok(principlesOf(r, 'wait').includes('no-thread-jacking'));
    assert.equal(r.analysis.thread?.startedBy, 'them');
    assert.match(reasonFor(r, 'no-thread-jacking', 'wait').evidence, /Ana started this thread/);
  });
});

test('no-thread-jacking: a reply that stays on their news is go', async () => {
  await withHistory(anaOpensHerShop(), async (check) => {
    const r = await check({ to: ANA, inReplyTo: 'ana-news', text: 'Congratulations Ana! What made you choose Porto for the shop?' });
    assert.equal(r.verdict, 'go', JSON.stringify(r.reasons));
    assert.match(reasonFor(r, 'no-thread-jacking', 'ok').evidence, /stays on their subject/);
  });
});

// ---- be-personal -----------------------------------------------------------------------------

const GREETING = (name: string) => `Hi ${name}, love your work! We just launched our sourdough course and thought you would enjoy it, let us know!`;

test('be-personal: a greeting pasted to many others with the name swapped is revise', async () => {
  const h = acquaintedPia();
  for (const [i, name] of ['Lea', 'Max', 'Noor', 'Ines'].entries()) {
    const who = `@${name.toLowerCase()}@example.social`;
    h.profile(who, { name });
    h.outbound(who, 'dm', daysAgo(3 + i), { text: GREETING(name) });
  }
  await withHistory(h, async (check) => {
    const r = await check({ to: PIA, text: GREETING('Pia') });
    assert.ok(principlesOf(r, 'revise').includes('be-personal'), JSON.stringify(r.reasons));
    assert.match(reasonFor(r, 'be-personal', 'revise').evidence, /4 other people/);
    assert.notEqual(r.verdict, 'go');
  });
});

test('be-personal: a message that picks up what she wrote is go', async () => {
  await withHistory(acquaintedPia(), async (check) => {
    const r = await check({ to: PIA, text: 'A 36-hour ferment on rye is brave! Did you keep it cold the whole time?' });
    assert.equal(r.verdict, 'go', JSON.stringify(r.reasons));
    assert.match(reasonFor(r, 'be-personal', 'ok').evidence, /picks up what they wrote/);
  });
});

// ---- ego-in-check ----------------------------------------------------------------------------

test('ego-in-check: a message all about you is revise, with a turn towards them', async () => {
  await withHistory(acquaintedPia(), async (check) => {
    const r = await check({ to: PIA, text: 'We are so proud of our new oven. Our team worked hard and I think our bread is the best we have ever made.' });
    assert.equal(r.verdict, 'revise', JSON.stringify(r.reasons));
    assert.ok(principlesOf(r, 'revise').includes('ego-in-check'));
    assert.ok(r.suggestions.some((s) => /Turn it towards Pia/.test(s)));
  });
});

test('ego-in-check: a message about them is go', async () => {
  await withHistory(acquaintedPia(), async (check) => {
    const r = await check({ to: PIA, text: 'Your rye looks wonderful, Pia. How did you get your crumb so open?' });
    assert.equal(r.verdict, 'go', JSON.stringify(r.reasons));
    assert.ok(principlesOf(r, 'ok').includes('ego-in-check'));
  });
});

// ---- ask-and-listen --------------------------------------------------------------------------

function piaAskedAQuestion() {
  const h = acquaintedPia();
  h.inbound(PIA, 'dm', daysAgo(2), { text: 'Which flour do you use for your rye? Mine never rises like yours.' });
  return h;
}

test('ask-and-listen: writing about something else while her question waits is revise: answer it first', async () => {
  await withHistory(piaAskedAQuestion(), async (check) => {
    const r = await check({ to: PIA, text: 'Happy Friday! Have a lovely weekend.' });
    assert.equal(r.verdict, 'revise', JSON.stringify(r.reasons));
    assert.match(reasonFor(r, 'ask-and-listen', 'revise').evidence, /Which flour do you use/);
    assert.match(r.suggestions[0] ?? '', /Answer Pia's question first/);
  });
});

test('ask-and-listen: answering her question is go', async () => {
  await withHistory(piaAskedAQuestion(), async (check) => {
    const r = await check({ to: PIA, text: 'We use a stone-ground rye flour from a small mill, and a long cold proof helps it rise.' });
    assert.equal(r.verdict, 'go', JSON.stringify(r.reasons));
    assert.match(reasonFor(r, 'ask-and-listen', 'ok').evidence, /answers Pia's question/);
  });
});

// ---- thank-proportionately -------------------------------------------------------------------

function piaSharedThreePosts() {
  const h = acquaintedPia();
  for (const d of [6, 4, 2]) {
    const post = h.post(daysAgo(d, 7), `New bake of the day, day ${d}`);
    h.inbound(PIA, 'share', daysAgo(d, 9), { about: post });
  }
  return h;
}

test('thank-proportionately: an ask while her shares are unthanked waits: thank her for the last one first', async () => {
  await withHistory(piaSharedThreePosts(), async (check) => {
    const r = await check({ to: PIA, text: 'Could you leave us a review on Google?' });
    assert.equal(r.verdict, 'wait');
    assert.ok(principlesOf(r, 'wait').includes('thank-proportionately'));
    assert.match(r.suggestions[0] ?? '', /^Pia shared three of your posts; thank them for the last one.* with a short note first\.$/, r.suggestions.join(' | '));
    assert.match(reasonFor(r, 'thank-proportionately', 'wait').evidence, /shared your work 3 times, last on 18 Nov 2026/);
  });
});

function piaPraisedOurBuns() {
  const h = acquaintedPia();
  const post = h.post(daysAgo(3, 7), 'Our cardamom buns are back');
  h.inbound(PIA, 'quote', daysAgo(3, 9), { about: post, text: 'The best cardamom buns in town, absolutely wonderful!' });
  return h;
}

test('thank-proportionately: a praised share thanked privately and without a question is revise', async () => {
  await withHistory(piaPraisedOurBuns(), async (check) => {
    const r = await check({ to: PIA, channel: 'dm', text: 'Thank you so much for sharing, Pia!' });
    assert.equal(r.verdict, 'revise', JSON.stringify(r.reasons));
    assert.match(reasonFor(r, 'thank-proportionately', 'revise').evidence, /private thank-you undersells a public compliment/);
    assert.ok(r.suggestions.some((s) => /Thank Pia in public/.test(s)));
  });
});

test('thank-proportionately: a public thank-you with a question about them is go', async () => {
  await withHistory(piaPraisedOurBuns(), async (check) => {
    const r = await check({ to: PIA, channel: 'reply', text: 'Thank you so much for the kind words, Pia! What did you like best about them?' });
    assert.equal(r.verdict, 'go', JSON.stringify(r.reasons));
    assert.match(reasonFor(r, 'thank-proportionately', 'ok').evidence, /thanks them in proportion/);
  });
});

// ---- stay-in-touch ---------------------------------------------------------------------------

function boWentQuiet() {
  const h = newHistory();
  h.profile(BO, { name: 'Bo Berg', bio: 'Coffee roaster and cyclist' });
  exchanges(h, BO, [200, 190, 180, 170, 150]);
  presence(h);
  return h;
}

test('stay-in-touch: coming back after months of silence with an offer is revise: reconnect first', async () => {
  await withHistory(boWentQuiet(), async (check) => {
    const r = await check({ to: BO, text: PITCH });
    assert.equal(r.verdict, 'revise', JSON.stringify(r.reasons));
    assert.match(reasonFor(r, 'stay-in-touch', 'revise').evidence, /last talked 150 days ago/);
    assert.match(r.suggestions[0] ?? '', /Reconnect first: ask Bo how they have been/);
  });
});

test('stay-in-touch: picking the conversation up again is go', async () => {
  await withHistory(boWentQuiet(), async (check) => {
    const r = await check({ to: BO, text: 'Bo! It has been a while. How is the roastery doing this winter?' });
    assert.equal(r.verdict, 'go', JSON.stringify(r.reasons));
    assert.ok(principlesOf(r, 'ok').includes('stay-in-touch'));
  });
});

test('stay-in-touch: a due reminder in your notes becomes a next step', async () => {
  const h = boWentQuiet();
  h.note(BO, daysAgo(20), 'on a cycling trip in Spain until the 18th', daysAgo(2).slice(0, 10));
  await withHistory(h, async (check) => {
    const r = await check({ to: BO, text: 'Bo! It has been a while. How is the roastery doing this winter?' });
    assert.equal(r.verdict, 'go');
    assert.ok(principlesOf(r, 'note').includes('stay-in-touch'));
    assert.ok(r.suggestions.some((s) => s.includes('on a cycling trip in Spain')), r.suggestions.join(' | '));
  });
});

// ---- consistency -----------------------------------------------------------------------------

test('consistency: an offer after weeks without a word to anyone is revise', async () => {
  const h = newHistory();
  h.profile(BO, { name: 'Bo Berg' });
  exchanges(h, BO, [80, 70, 60, 50]);
  await withHistory(h, async (check) => {
    const r = await check({ to: BO, text: PITCH });
    assert.equal(r.verdict, 'revise', JSON.stringify(r.reasons));
    assert.match(reasonFor(r, 'consistency', 'revise').evidence, /last message to anyone was 50 days ago/);
  });
});

test('consistency: an offer from an account that is there every week is go', async () => {
  const h = newHistory();
  h.profile(BO, { name: 'Bo Berg' });
  exchanges(h, BO, [30, 20, 12, 5]);
  presence(h, 4);
  await withHistory(h, async (check) => {
    const r = await check({ to: BO, text: PITCH });
    assert.equal(r.verdict, 'go', JSON.stringify(r.reasons));
    assert.match(reasonFor(r, 'consistency', 'ok').evidence, /each of the last four weeks/);
  });
});

// ---- quality-over-quantity -------------------------------------------------------------------

test('quality-over-quantity: asking even a trusted friend for a follow-back is revise', async () => {
  await withHistory(trustedBo(), async (check) => {
    const r = await check({ to: BO, text: 'Great chatting with you this month, Bo! Would you follow us back?' });
    assert.equal(r.verdict, 'revise', JSON.stringify(r.reasons));
    assert.match(reasonFor(r, 'quality-over-quantity', 'revise').evidence, /“follow us back” asks Bo for a follow/);
  });
});

test('quality-over-quantity: a follow-back ask hours after their follow waits, and says why', async () => {
  await withHistory(newFollower(), async (check) => {
    const r = await check({ to: ANA, text: 'Welcome Ana! Follow us back?' });
    assert.equal(r.verdict, 'wait', JSON.stringify(r.reasons));
    assert.ok(principlesOf(r, 'revise').includes('quality-over-quantity'));
  });
});

test('quality-over-quantity: writing to a real, engaged follower is go; a likely bot gets a note', async () => {
  const h = acquaintedPia();
  const BOT = '@xq81723@example.social';
  h.profile(BOT, { followers: 3, following: 4800, posts: 0, created: daysAgo(10), avatar: false });
  h.inbound(BOT, 'follow', daysAgo(1));
  await withHistory(h, async (check) => {
    const r = await check({ to: PIA, text: 'Your rye looks wonderful, Pia. How did you get your crumb so open?' });
    assert.equal(r.verdict, 'go');
    assert.match(reasonFor(r, 'quality-over-quantity', 'ok').evidence, /real, engaged follower/);
    const bot = await check({ to: BOT, text: 'Hi, thanks for the follow! What do you like to bake?' });
    assert.equal(bot.verdict, 'go');
    assert.match(reasonFor(bot, 'quality-over-quantity', 'note').evidence, /looks like a bot/);
  });
});

// ---- strangers -------------------------------------------------------------------------------

test('a handle never seen is a stranger: warm messages are go, a pitch waits', async () => {
  const h = newHistory();
  presence(h);
  await withHistory(h, async (check) => {
    const to = '@newbakery@example.social';
    for (const text of [
      'Congratulations on opening the new bakery! How did you pick the neighbourhood?',
      'What made you switch from wheat to spelt for your loaves?',
      'For gluten-free flour blends, the guide at https://www.kingarthurbaking.com/learn/guides/gluten-free is excellent.',
    ]) {
      const r = await check({ to, text });
      assert.equal(r.relationship.known, false);
      assert.equal(r.relationship.stage, 'stranger');
      assert.equal(r.verdict, 'go', `${text}: ${JSON.stringify(r.reasons)}`);
    }
    const pitch = await check({ to, text: PITCH });
    assert.equal(pitch.verdict, 'wait');
    assert.match(reasonFor(pitch, 'no-first-date-proposal', 'wait').evidence, /never seen @newbakery@example.social/);
  });
});

test('every playbook principle has a wait or revise case and a go case above', async () => {
  // Keeps this file honest as the playbook grows: each principle id must appear in a test name
  // together with its two sides.
  const { readFileSync } = await import('node:fs');
  const source = readFileSync(new URL(import.meta.url), 'utf8');
  for (const p of PRINCIPLES as readonly Principle[]) {
    const names = [...source.matchAll(new RegExp(`test\\('${p}: ([^']*)'`, 'g'))].map((m) => m[1]!);
    assert.ok(names.some((n) => /\b(wait|waits|revise)\b/.test(n)), `${p} needs a wait or revise case`);
    assert.ok(names.some((n) => /\bgo\b|welcome/.test(n)), `${p} needs a go case`);
  }
});
