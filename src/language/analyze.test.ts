import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeMessage } from './index.js';
import type { MessageAnalysis } from './index.js';

function intent(a: MessageAnalysis, name: string) {
  return a.intents.find((i) => i.name === name);
}

function assertIntent(a: MessageAnalysis, name: string, evidence?: RegExp): void {
  const found = intent(a, name);
  assert.ok(found, `expected intent ${name} in ${JSON.stringify(a.intents)}`);
  assert.ok(found.score > 0 && found.score <= 1);
  if (evidence) assert.ok(found.evidence.some((e) => evidence.test(e)), `evidence ${JSON.stringify(found.evidence)} should match ${evidence}`);
}

test('the seed: "say you guys need to promote this thing for me" is a favour-ask', () => {
  const a = analyzeMessage('say you guys need to promote this thing for me on social media since you guys have more followers than me');
  assert.equal(a.promotional, true);
  assertIntent(a, 'favour-ask', /you guys need to promote/i);
});

test('the seed: an e-book link in a DM right after a follow is self-promotion', () => {
  const a = analyzeMessage('Thanks for the follow! Download my latest e-book here: https://acme-growth.example.com/ebook', {
    ownDomains: ['acme-growth.example.com'],
  });
  assert.equal(a.promotional, true);
  assertIntent(a, 'self-promo-link', /acme-growth\.example\.com/);
  assert.deepEqual(a.links, [{ url: 'https://acme-growth.example.com/ebook', domain: 'acme-growth.example.com', own: true }]);
});

test('the seed: the caller who promotes his new book instead of asking a question', () => {
  const a = analyzeMessage('Relationships are everything, which is why I wrote my new book on them. Check out my book, it is on sale now!');
  assert.equal(a.promotional, true);
  assertIntent(a, 'pitch', /my new book|check out my book/i);
  assert.ok(a.focus.self > a.focus.other);
});

test('the seed: "buy me, buy me, buy me" style pitches with prices and calls to action', () => {
  const a = analyzeMessage('20% off everything this week, sign up today at our store!');
  assert.equal(a.promotional, true);
  assertIntent(a, 'pitch', /20% off/);
  assertIntent(a, 'pitch', /sign up today/i);
});

test('the seed: asking a new follower to share is a favour-ask', () => {
  const a = analyzeMessage('Hi Jen, thanks for following! Could you share our launch post with your followers?');
  assert.equal(a.promotional, true);
  assertIntent(a, 'favour-ask', /could you share our/i);
});

test('a link to our own site counts as self-promotion, a link to someone else\'s article is helpful', () => {
  const ctx = { ownDomains: ['bakery.example'], ownBrands: ['Rye & Co'] };
  const own = analyzeMessage('Here is our new menu: https://www.bakery.example/menu', ctx);
  assert.equal(own.promotional, true);
  assert.equal(own.links[0]?.own, true);
  const theirs = analyzeMessage('Great question! This article from the BBC explains it well: https://www.bbc.co.uk/news/articles/123', ctx);
  assert.equal(theirs.promotional, false);
  assert.equal(theirs.links[0]?.own, false);
  assertIntent(theirs, 'helpful', /bbc\.co\.uk/);
});

test('a link to our own handle is a self-promotion link', () => {
  const a = analyzeMessage('Follow us at https://twitter.com/ryeandco for daily bakes', { ownHandles: ['@ryeandco'] });
  assert.equal(a.promotional, true);
  assertIntent(a, 'self-promo-link', /twitter\.com\/ryeandco/);
});

test('friendly messages are not promotional', () => {
  const friendly = [
    'Thank you so much for sharing our post, it made our day!',
    'Congratulations on the new shop, Maria! The window display looks wonderful.',
    'How did you get started with ceramics? Your glazes are beautiful.',
    'Here is the guide I mentioned by Ann Handley, hope it helps: https://annhandley.com/writing-tips',
    'Hope the move went well! Are the kids settling in?',
    'Good morning! Lovely chatting with you at the market yesterday.',
  ];
  for (const text of friendly) {
    const a = analyzeMessage(text);
    assert.equal(a.promotional, false, `${text} → ${JSON.stringify(a.intents)}`);
    assert.ok(a.promotionalScore < 0.5);
  }
});

test('gratitude, compliment and question each come with their words', () => {
  const a = analyzeMessage('Thanks so much for the shoutout! Loved your thread on pricing. What made you change your mind?');
  assertIntent(a, 'gratitude', /thanks/i);
  assertIntent(a, 'compliment', /loved your/i);
  assertIntent(a, 'question', /what made you change your mind\?/i);
  assert.equal(a.promotional, false);
});

test('personal: their name and the words they used', () => {
  const a = analyzeMessage('Ana, your sourdough starter story made me laugh. How is the new oven?', {
    recipientName: 'Ana',
    quotedText: 'My sourdough starter escaped the jar again',
  });
  assertIntent(a, 'personal', /^Ana$/);
  assertIntent(a, 'personal', /sourdough/);
  assert.ok(a.focus.other > 0);
});

test('helpful advice without a link', () => {
  const a = analyzeMessage("Have you tried batching your posts on Sunday? That's what worked for me.");
  assertIntent(a, 'helpful', /have you tried/i);
  assert.equal(a.promotional, false);
});

test('self/other focus: ego versus interest in them', () => {
  const ego = analyzeMessage('I just launched my course and I think my students love it, my best work yet');
  const other = analyzeMessage('How are you? I loved your talk, your point about listening was great');
  assert.ok(ego.focus.self > ego.focus.other);
  assert.ok(other.focus.other > other.focus.self);
});

test('social text does not crash: emoji, non-Latin scripts, ALL CAPS, elongation, empty', () => {
  for (const text of ['', '   ', '😀😀😀 👨‍👩‍👧 🇵🇹', 'Привет! Как дела? 你好 مرحبا', 'CHECK OUT MY CHANNEL!!!! SUBSCRIBE', 'sooooo goooood', '\uFEFF', '\uD800 lone surrogate', 'İstanbul’da ÇOK güzel']) {
    const a = analyzeMessage(text);
    assert.equal(typeof a.promotional, 'boolean');
    assert.ok(a.promotionalScore >= 0 && a.promotionalScore <= 1);
    for (const i of a.intents) assert.ok(i.score >= 0 && i.score <= 1);
    assert.match(a.fingerprint, /^[0-9a-f]{16}$/);
  }
  assert.equal(analyzeMessage('CHECK OUT MY CHANNEL!!!! SUBSCRIBE').promotional, true);
});

test('the model alone can flag a pitch, and then names the words it weighed', () => {
  const a = analyzeMessage('FREE entry to win a brand new car!! txt WIN to 80086 now');
  assert.equal(a.promotional, true);
  const pitch = intent(a, 'pitch');
  assert.ok(pitch && pitch.evidence.length > 0);
});

test('verdict and intents agree: not promotional means promotional intents stay below one half', () => {
  const a = analyzeMessage('It was only $5 at the market, what a bargain');
  if (!a.promotional) for (const i of a.intents) if (i.name === 'pitch') assert.ok(i.score < 0.5);
});
