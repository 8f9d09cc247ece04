import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyzeMessage, loadModel, parseTrainingLines, trainModel, ModelWeightsSchema } from './index.js';
import { messageFeatures } from './model.js';

const business = parseTrainingLines(readFileSync(new URL('../../data/training/business-messages.jsonl', import.meta.url), 'utf8'));

test('training is deterministic: same examples, byte-identical weights', () => {
  const a = JSON.stringify(trainModel(business, { epochs: 3 }));
  const b = JSON.stringify(trainModel(business, { epochs: 3 }));
  assert.equal(a, b);
  assert.ok(ModelWeightsSchema.safeParse(JSON.parse(a)).success);
});

test('a few corrections change the verdict on those messages (rapport train)', () => {
  const corrections = [
    { text: 'Our bread is baked fresh every morning at 6, come early for the sourdough!', promotional: false },
    { text: 'Pop by and say hi to Rosie, our new apprentice baker', promotional: true },
  ];
  const before = corrections.map((c) => analyzeMessage(c.text).promotional);
  const model = loadModel(trainModel(business, { corrections, epochs: 4 }));
  const after = corrections.map((c) => analyzeMessage(c.text, { model }).promotional);
  assert.deepEqual(after, corrections.map((c) => c.promotional));
  // What was not corrected keeps a sensible verdict.
  assert.equal(analyzeMessage('Can you share my new book with your followers?', { model }).promotional, true);
  assert.equal(analyzeMessage('Congrats on the new shop!', { model }).promotional, false);
  void before;
});

test('the shipped model loads and is small', () => {
  const raw = readFileSync(new URL('../../models/promotional.json', import.meta.url), 'utf8');
  assert.ok(raw.length < 2_000_000);
  const model = loadModel(JSON.parse(raw));
  assert.ok(model.threshold > 0 && model.threshold < 1);
});

test('corrupt weights are refused', () => {
  assert.throws(() => loadModel({ format: 'something else' }));
});

test('training lines: JSONL and label<TAB>text', () => {
  const parsed = parseTrainingLines('{"text":"buy now","promotional":true}\n\n# comment\ngenuine\tthanks!\nspam\tfree prize\n');
  assert.deepEqual(parsed, [
    { text: 'buy now', promotional: true },
    { text: 'thanks!', promotional: false },
    { text: 'free prize', promotional: true },
  ]);
  assert.throws(() => parseTrainingLines('maybe\tsomething'), /line 1/);
});

test('a model trained to read how links are written says so in its file, and reads them', () => {
  const withShape = trainModel(business.slice(0, 120), { epochs: 2, folds: 0, urlShape: true });
  const without = trainModel(business.slice(0, 120), { epochs: 2, folds: 0 });
  assert.deepEqual(withShape.features, ['url-shape']);
  assert.equal(without.features, undefined);
  const a = loadModel(withShape);
  const b = loadModel(without);
  assert.notEqual(a.grams, b.grams);
  // The shape features only exist where there is a link.
  const link = 'new pics at https://shop.example.com/pics/page?id=7';
  assert.ok(messageFeatures(link, a.grams).length > messageFeatures(link, b.grams).length);
  const plain = 'Congrats on the new shop!';
  assert.deepEqual(messageFeatures(plain, a.grams), messageFeatures(plain, b.grams));
});
