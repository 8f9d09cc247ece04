import assert from 'node:assert/strict';
import { test } from 'node:test';
import { textKey } from './text-key.js';

test('a text key is two unsigned 32-bit halves, the same every time, different for near-identical texts', () => {
  const key = textKey('Thanks Pia! 🎉');
  assert.deepEqual(textKey('Thanks Pia! 🎉'), key);
  for (const half of [key.hi, key.lo]) assert.ok(Number.isInteger(half) && half >= 0 && half < 2 ** 32);
  const near = ['Thanks Pia! 🎉', 'Thanks Pia!🎉', 'thanks Pia! 🎉', 'Thanks Pia! 🎊', '', ' '];
  assert.equal(new Set(near.map((t) => JSON.stringify(textKey(t)))).size, near.length);
});

test('no two of 200,000 distinct texts share a key', () => {
  const seen = new Set<string>();
  for (let i = 0; i < 200_000; i++) seen.add(JSON.stringify(textKey(`Hello @user${i}, thanks for the follow!`)));
  assert.equal(seen.size, 200_000);
});
