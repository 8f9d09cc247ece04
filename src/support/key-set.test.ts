import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KeySet } from './key-set.js';

test('a key set tells new keys from seen ones, as it grows past what was expected', () => {
  const set = new KeySet(4);
  for (let i = 0; i < 10_000; i++) assert.equal(set.add(i % 3, i * 8), true, `key ${i} is new`);
  for (let i = 0; i < 10_000; i++) assert.equal(set.add(i % 3, i * 8), false, `key ${i} was seen`);
  assert.equal(set.size, 10_000);
  assert.equal(set.add(1, 0), true, 'the same low half with another high half is another key');
});
