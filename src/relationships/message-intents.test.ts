/** Each text's intents: read once, stored, and found again in the stored table without reading. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeMessage } from '../language/index.js';
import { textKey } from '../support/text-key.js';
import { buildIntentTable, decodeIntents, deserializeIntentTable, encodeIntents, messageIntentsOf, serializeIntentTable, TextIntentMemo } from './message-intents.js';
import type { MessageReader } from './message-reader.js';

const THRESHOLD = 0.5;
const TEXTS = [
  'Thank you so much for sharing our post!',
  'Could you promote my new course to your followers? 20% off this week, sign up here',
  'Where did you source the rye flour?',
  'ok',
];

/** A reader that counts what it reads. */
function countingReader(): { read: MessageReader; texts: string[] } {
  const texts: string[] = [];
  return { texts, read: (text) => (texts.push(text), analyzeMessage(text)) };
}

test('the fold\'s intents keep only what scores at the threshold, with the evidence, and survive storage', () => {
  const ask = messageIntentsOf(analyzeMessage(TEXTS[1]!), THRESHOLD);
  assert.ok(ask.favour && ask.favour.evidence.length > 0, 'a favour-ask with its words');
  assert.equal(messageIntentsOf(analyzeMessage(TEXTS[1]!), 1.01).favour, undefined, 'nothing scores above 1');
  const thanks = messageIntentsOf(analyzeMessage(TEXTS[0]!), THRESHOLD);
  assert.ok(thanks.gratitude);
  for (const text of TEXTS) {
    const intents = messageIntentsOf(analyzeMessage(text), THRESHOLD);
    assert.deepEqual(decodeIntents(encodeIntents(intents)), intents, text);
  }
  assert.equal(encodeIntents(messageIntentsOf(analyzeMessage('ok'), THRESHOLD)), '{}', 'most texts have none, stored in two characters');
});

test('a memo reads each new text once and hands it over, keyed, for storing once', () => {
  const { read, texts } = countingReader();
  const memo = new TextIntentMemo(read, THRESHOLD);
  for (const text of [...TEXTS, ...TEXTS]) memo.lookup(text);
  assert.deepEqual(texts, TEXTS);
  const fresh = memo.takeFresh();
  assert.deepEqual(fresh.map(([hi, lo]) => ({ hi, lo })), TEXTS.map(textKey));
  assert.deepEqual(fresh.map(([, , intents]) => decodeIntents(intents)), TEXTS.map((text) => messageIntentsOf(analyzeMessage(text), THRESHOLD)));
  assert.deepEqual(memo.takeFresh(), [], 'handed over once');
});

test('texts in the table are never read again, whether the table was just built or stored and read back', () => {
  const first = countingReader();
  const memo = new TextIntentMemo(first.read, THRESHOLD);
  const expected = TEXTS.map((text) => memo.lookup(text));
  const table = buildIntentTable(memo.takeFresh());
  assert.equal(table.size, TEXTS.length);
  const restored = deserializeIntentTable(serializeIntentTable(table));
  assert.ok(restored);
  assert.deepEqual({ ...restored, keys: [...restored.keys], slots: [...restored.slots] }, { ...table, keys: [...table.keys], slots: [...table.slots] });

  for (const t of [table, restored]) {
    const second = countingReader();
    const again = new TextIntentMemo(second.read, THRESHOLD, t);
    assert.deepEqual(TEXTS.map((text) => again.lookup(text)), expected);
    assert.deepEqual(second.texts, [], 'nothing read again');
    again.lookup('A text never stored');
    assert.deepEqual(second.texts, ['A text never stored']);
    assert.equal(again.takeFresh().length, 1);
  }
});

test('a table grows with new texts, keeps what it had, and finds every key, even keys that land on one slot', () => {
  const entry = (i: number) => [i % 7, i * 16, i % 3 === 0 ? '{}' : `{"question":{"score":0.9,"evidence":["q${i % 5}"]}}`] as const;
  const base = buildIntentTable(Array.from({ length: 1_000 }, (_, i) => entry(i)));
  // The same keys again with other intents: a text already there keeps its own.
  const grown = buildIntentTable([...Array.from({ length: 5_000 }, (_, i) => entry(i + 1_000)), [0, 0, '{"pitch":{"score":1,"evidence":["x"]}}']], base);
  assert.equal(grown.size, 6_000);
  assert.equal(grown.sets.length, 6);
  const mask = grown.slots.length - 1;
  for (let i = 0; i < 6_000; i++) {
    const [hi, lo, intents] = entry(i);
    let slot = lo & mask;
    while (!(grown.keys[2 * slot] === hi && grown.keys[2 * slot + 1] === lo)) {
      assert.notEqual(grown.slots[slot], 0, `key ${hi}:${lo} is in the table`);
      slot = (slot + 1) & mask;
    }
    assert.equal(grown.sets[grown.slots[slot]! - 1], intents);
  }
});

test('bytes that are not a stored table read as none', () => {
  const bytes = serializeIntentTable(buildIntentTable([[1, 2, '{}']]));
  assert.equal(deserializeIntentTable(bytes.subarray(0, bytes.length - 1)), undefined);
  assert.equal(deserializeIntentTable(new Uint8Array([1, 2, 3])), undefined);
  const wrongSets = Buffer.from(bytes);
  wrongSets[wrongSets.length - 2] = 0x7b;
  assert.equal(deserializeIntentTable(wrongSets), undefined);
});
