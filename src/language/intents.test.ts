/**
 * Each intent, found with the words that gave it away: the seeds' own examples first, then ours.
 * And what social text is made of — mentions, hashtags, links, emoji, prices, elongation, caps,
 * other scripts — analysed without a crash.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeMessage, type AnalysisContext, type IntentName, type MessageAnalysis } from './index.js';

interface Case {
  text: string;
  intent: IntentName;
  /** Some evidence must match this. */
  evidence: RegExp;
  promotional: boolean;
  ctx?: AnalysisContext;
}

const CASES: readonly Case[] = [
  // From the seeds.
  { text: 'say you guys need to promote this thing for me on social media since you guys have more followers than me', intent: 'favour-ask', evidence: /you guys need to promote/, promotional: true },
  { text: 'Buy my wares!', intent: 'pitch', evidence: /^Buy my wares$/, promotional: true },
  { text: 'buy me, buy me, buy me', intent: 'pitch', evidence: /^buy me$/, promotional: true },
  { text: 'Thanks for the follow! Here is my latest e-book: https://growth.example.com/ebook', intent: 'self-promo-link', evidence: /growth\.example\.com/, promotional: true, ctx: { ownDomains: ['growth.example.com'] } },
  { text: 'Thank you for adding to the conversation!', intent: 'gratitude', evidence: /^Thank you$/, promotional: false },
  { text: 'Did you just do that to us?', intent: 'question', evidence: /Did you just do that to us\?/, promotional: false },
  // Our own.
  { text: 'Hi Sam! Our spring menu is out, use code SPRING10 for 10% off and book a table today.', intent: 'pitch', evidence: /10% off/, promotional: true },
  { text: 'Would you mind sharing our fundraiser with your followers?', intent: 'favour-ask', evidence: /Would you mind sharing/, promotional: true },
  { text: 'Can you introduce me to your editor?', intent: 'favour-ask', evidence: /introduce me/, promotional: true },
  { text: 'Like this post if you love a crusty loaf, and tag a friend!', intent: 'favour-ask', evidence: /Like this post|tag a friend/i, promotional: true },
  { text: 'New on the blog: https://x.com/ryeandco/status/1', intent: 'self-promo-link', evidence: /x\.com\/ryeandco/, promotional: true, ctx: { ownHandles: ['@ryeandco@bakers.social'] } },
  { text: 'How did you choose the name for your studio?', intent: 'question', evidence: /How did you choose the name for your studio\?/, promotional: false },
  { text: 'Congrats on the new role, Priya! Well deserved.', intent: 'compliment', evidence: /Congrats/, promotional: false },
  { text: 'Loved your thread on pricing, spot on.', intent: 'compliment', evidence: /Loved your/, promotional: false },
  { text: 'If the butter escapes, try chilling the dough between folds. This guide explains why: https://www.kingarthurbaking.com/blog/croissants', intent: 'helpful', evidence: /kingarthurbaking\.com|This guide explains/, promotional: false },
  { text: 'Hope the move went well! How is Lisbon treating you?', intent: 'personal', evidence: /Hope the move went|How is/i, promotional: false },
  { text: 'Ana, how is the new oven?', intent: 'personal', evidence: /^Ana$/, promotional: false, ctx: { recipientName: 'Ana Silva' } },
];

function find(a: MessageAnalysis, name: IntentName) {
  return a.intents.find((i) => i.name === name);
}

for (const c of CASES) {
  test(`${c.intent}: ${c.text}`, () => {
    const a = analyzeMessage(c.text, c.ctx);
    const found = find(a, c.intent);
    assert.ok(found, `no ${c.intent} in ${JSON.stringify(a.intents)}`);
    assert.ok(found.score > 0 && found.score <= 1);
    assert.ok(found.evidence.some((e) => c.evidence.test(e)), `${c.intent} evidence ${JSON.stringify(found.evidence)} should match ${c.evidence}`);
    for (const e of found.evidence) assert.ok(c.text.includes(e), `evidence "${e}" is words of the message`);
    assert.equal(a.promotional, c.promotional, `promotional ${a.promotionalScore}`);
  });
}

test('every intent is covered by an example above', () => {
  const covered = new Set(CASES.map((c) => c.intent));
  for (const name of ['pitch', 'favour-ask', 'self-promo-link', 'question', 'gratitude', 'compliment', 'helpful', 'personal'] as const) assert.ok(covered.has(name), name);
});

test('friendly messages are not promotional: thanks, congratulations, a question about their work, a link to someone else’s article', () => {
  const ctx: AnalysisContext = { ownDomains: ['ryeandco.example'], ownHandles: ['@ryeandco'], ownBrands: ['Rye & Co'] };
  const friendly = [
    'Thanks so much for the share, Ana! Made our week.',
    'Thank you for the kind review, it means a lot to a small team',
    'Congratulations on ten years of the shop! 🎉',
    'Huge congrats on the launch, the new packaging looks great',
    'What got you into ceramics? The blue glaze on the last batch is stunning.',
    'How long did the mural take you? I walk past it every morning.',
    'Good question! Serious Eats has the clearest answer I know: https://www.seriouseats.com/bread-baking-guide hope it helps',
    'The council page lists every market licence, page 2 has the fees: https://www.leeds.gov.uk/markets',
    'Happy birthday Jo! Hope the day is full of cake 🎂',
  ];
  for (const text of friendly) {
    const a = analyzeMessage(text, ctx);
    assert.equal(a.promotional, false, `${text} → ${a.promotionalScore} ${JSON.stringify(a.intents)}`);
    for (const i of a.intents) if (i.name === 'pitch' || i.name === 'favour-ask' || i.name === 'self-promo-link') assert.ok(i.score < 0.5);
  }
});

test('liking something is not asking for likes', () => {
  for (const text of ['I like this post a lot', 'I really like this comment!', 'Thanks for the like on my post']) {
    assert.equal(find(analyzeMessage(text), 'favour-ask'), undefined, text);
  }
});

test('a link counts as ours only on our domain or our profile, not on a path that happens to match our handle', () => {
  const ctx: AnalysisContext = { ownHandles: ['@shop'], ownDomains: ['ryeandco.example'] };
  const elsewhere = analyzeMessage('Their range is lovely: https://www.craftfair.example.org/shop', ctx);
  assert.equal(elsewhere.links[0]!.own, false);
  assert.equal(analyzeMessage('https://mastodon.example/@shop', ctx).links[0]!.own, true);
  assert.equal(analyzeMessage('https://instagram.com/shop', ctx).links[0]!.own, true);
  assert.equal(analyzeMessage('see https://blog.ryeandco.example/rye', ctx).links[0]!.own, true);
});

test('social text: mentions, hashtags, URLs, emoji, prices, elongation, ALL CAPS and other scripts are analysed, not crashed on', () => {
  const samples = [
    'Hey @maria_k and @ana@example.social, saw your #sourdough post 🍞🔥',
    'Only £4.50 or $5 or 5 euros, 20% off!!! www.example.com/deal?x=1&y=2',
    'sooooo goooood, THANK YOUUUU',
    'WE ARE OPEN TILL 8 TONIGHT',
    'Привет! Как дела? 你好，最近怎么样？ مرحبا كيف حالك',
    'İstanbul’da ÇOK güzel bir gün 🇹🇷',
    '👨‍👩‍👧‍👦👍🏽❤️',
    '#### @@@ ### http:// https://',
    'a'.repeat(5000),
    '\uD83D broken surrogate \uDC00',
    '',
  ];
  for (const text of samples) {
    const a = analyzeMessage(text);
    assert.equal(a.text, text);
    assert.ok(a.promotionalScore >= 0 && a.promotionalScore <= 1);
    for (const i of a.intents) {
      assert.ok(i.score > 0 && i.score <= 1, `${text}: ${i.name} ${i.score}`);
      for (const e of i.evidence) assert.ok(text.includes(e), `evidence "${e}" comes from the text`);
    }
    assert.ok(a.focus.self >= 0 && a.focus.other >= 0 && a.focus.self + a.focus.other <= 1);
  }
  const mentions = analyzeMessage('Hey @maria_k, saw your #sourdough post, how did the crumb turn out?');
  assert.equal(mentions.promotional, false);
  assert.ok(mentions.focus.other > mentions.focus.self);
  const prices = analyzeMessage('Only £4.50 or $5 or 5 euros, 20% off!!! www.example.com/deal');
  assert.equal(prices.promotional, true);
  assert.deepEqual(prices.links.map((l) => l.domain), ['example.com']);
  assert.equal(analyzeMessage('CHECK OUT MY CHANNEL AND SUBSCRIBEEEE!!!').promotional, true);
  assert.equal(analyzeMessage('THANK YOUUUU SO MUCH 😭❤️').promotional, false);
});
