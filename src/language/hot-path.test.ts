import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyzeMessage, loadModel, parseTrainingLines, templateFingerprint, tokenize, trainModel } from './index.js';
import { scan, SCAN, normOf } from './tokenize.js';

const business = parseTrainingLines(readFileSync(new URL('../../data/training/business-messages.jsonl', import.meta.url), 'utf8'));

const samples = [
  ...business.slice(0, 120).map((e) => e.text),
  'HEY!! Check out my channel and SUBSCRIBE!!! sooooo many new videos',
  'Here’s the guide you asked for: https://example.org/guide — hope it helps',
  'Привет! Как дела? 你好 ǅemo İstanbul ΣΊΣΥΦΟΣ straße',
  'Hi @ana@example.social, 20% off with code SUN20 at shop.example.com/x, only $19.99 per month 👍🏽',
  "I'm a photographer. Can you share this? you've been selected, sign-up today",
  '',
];

test('the scanner gives the tokens, hashes and normal forms tokenize gives', () => {
  for (const text of samples) {
    const tokens = tokenize(text);
    const n = scan(text);
    assert.equal(n, tokens.length);
    tokens.forEach((t, i) => {
      assert.equal(SCAN.start[i], t.start);
      assert.equal(SCAN.end[i], t.end);
      assert.equal(normOf(text, i), t.norm);
    });
  }
});

test('the fingerprint computed on the hot path equals templateFingerprint', () => {
  for (const text of samples) assert.equal(analyzeMessage(text).fingerprint, templateFingerprint(text), text);
});

test('word lists and rule starts are found whatever the case, elongation or apostrophe', () => {
  const names = (text: string) => analyzeMessage(text).intents.map((i) => i.name);
  assert.ok(names('CAN YOU SHARE THIS WITH YOUR FOLLOWERS?').includes('favour-ask'));
  assert.ok(names('Here’s the guide I mentioned').includes('helpful'));
  assert.ok(names('THANK YOU so much').includes('gratitude'));
  assert.deepEqual(analyzeMessage('I think MY friends and I love YOUR shop').focus, analyzeMessage('i think my friends and i love your shop').focus);
});

test('a plug is a plug, apology or not; a fundraiser link asks for money', () => {
  const sorry = analyzeMessage('Sorry for the spam but we just opened, come and see us');
  assert.equal(sorry.promotional, true);
  assert.deepEqual(sorry.intents.find((i) => i.name === 'pitch')?.evidence, ['Sorry for the spam']);
  const fund = analyzeMessage('Our dog needs surgery, anything helps https://www.gofundme.com/f/help-bella');
  assert.equal(fund.promotional, true);
  assert.deepEqual(fund.intents.find((i) => i.name === 'favour-ask')?.evidence, ['https://www.gofundme.com/f/help-bella']);
  assert.equal(analyzeMessage('Earn real money from home, ask me how').promotional, true);
});

test('a link spelled so as not to look like one is a self-promotion link; a sentence is not', () => {
  for (const [text, span] of [
    ['great song, visit marketglory . com/game for more', 'marketglory . com'],
    ['new video at www.mychannel. com/watch?v=1', 'www.mychannel. com'],
    ['find us at crumbandco dot com', 'crumbandco dot com'],
  ] as const) {
    const a = analyzeMessage(text);
    assert.equal(a.promotional, true, text);
    assert.ok(a.intents.find((i) => i.name === 'self-promo-link')?.evidence.includes(span), text);
    assert.ok(a.links.some((l) => l.url === span && !l.own), text);
  }
  for (const text of ['Its normally hot mail. Com you see!', 'I love the .NET framework', 'Ok lor but not too early. Me still having project meeting now.']) {
    assert.ok(!analyzeMessage(text).intents.some((i) => i.name === 'self-promo-link'), text);
  }
});

test('models saved before the n-gram setting existed still read 3-, 4- and 5-grams', () => {
  const weights = trainModel(business.slice(0, 80), { epochs: 2, folds: 0, charGrams: [3, 4, 5] });
  const { charGrams, ...older } = weights;
  assert.deepEqual(charGrams, [3, 4, 5]);
  const a = loadModel(weights);
  const b = loadModel(older);
  assert.equal(b.grams, a.grams);
  for (const text of samples) assert.equal(analyzeMessage(text, { model: b }).promotionalScore, analyzeMessage(text, { model: a }).promotionalScore);
  assert.deepEqual(trainModel(business.slice(0, 80), { epochs: 1, folds: 0 }).charGrams, [4]);
});
