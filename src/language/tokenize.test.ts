import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from './tokenize.js';

const kinds = (text: string) => tokenize(text).map((t) => `${t.kind}:${t.norm}`);

test('mentions (also Mastodon @user@instance), hashtags, URLs, bare domains and e-mail', () => {
  assert.deepEqual(kinds('hi @ana@example.social and @bob #SmallBiz https://x.example.com/a?b=1, see shop.example.com or me@x.com'), [
    'word:hi', 'mention:@ana@example.social', 'word:and', 'mention:@bob', 'hashtag:#smallbiz', 'url:https://x.example.com/a?b=1',
    'punct:,', 'word:see', 'url:shop.example.com', 'word:or', 'email:me@x.com',
  ]);
});

test('prices, percentages and numbers', () => {
  assert.deepEqual(kinds('$20 £5 150p 20 euros 20% 3.14 10:30'), [
    'price:$20', 'price:£5', 'price:150p', 'price:20 euros', 'percent:20%', 'number:3.14', 'number:10:30',
  ]);
});

test('elongated words are squeezed, ALL CAPS is marked, apostrophes kept', () => {
  const [so, good, dont] = tokenize('sooooo GOOD don’t');
  assert.equal(so?.norm, 'soo');
  assert.equal(so?.elongated, true);
  assert.equal(good?.caps, true);
  assert.equal(dont?.norm, "don't");
});

test('emoji and emoticons are tokens of their own', () => {
  assert.deepEqual(kinds('ok 👍🏽 👨‍👩‍👧 :) <3'), ['word:ok', 'emoji:👍🏽', 'emoji:👨‍👩‍👧', 'emoji::)', 'emoji:<3']);
});

test('non-Latin scripts are words', () => {
  assert.deepEqual(kinds('Привет 你好 مرحبا'), ['word:привет', 'word:你好', 'word:مرحبا']);
  assert.deepEqual(tokenize(''), []);
});

test('offsets point back into the text', () => {
  const text = 'Grab 20% off at https://a.example 🙂';
  for (const t of tokenize(text)) assert.equal(text.slice(t.start, t.end), t.text);
});
