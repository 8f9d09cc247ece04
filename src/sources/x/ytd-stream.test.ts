import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { InputError } from '../../domain/errors.js';
import { parseXTime, snowflakeTime } from './x-time.js';
import { countOccurrences, countYtdItems, readYtdItems } from './ytd-stream.js';

const ITEMS = [
  { tweet: { id_str: '1', full_text: 'brackets ] } [ { and "quotes" and \\ backslash \\"' } },
  { tweet: { id_str: '2', full_text: 'ünïcödé ✓ 🍞 日本語', nested: [[1, 2], { a: [] }] } },
  { tweet: { id_str: '3', full_text: '' } },
];

/** Splits the text into chunks of `size` bytes (cutting UTF-8 characters and escapes apart). */
function chunked(text: string, size: number): Readable {
  const bytes = Buffer.from(text, 'utf8');
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
  return Readable.from(parts);
}

async function collect(text: string, size: number): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const item of readYtdItems(chunked(text, size), 'data/tweets.js')) out.push(item.value);
  return out;
}

test('items are read one by one whatever the chunk size, with or without prefix, BOM, pretty-printing, trailing ;', async () => {
  const variants = [
    `window.YTD.tweets.part0 = ${JSON.stringify(ITEMS, null, 2)}`,
    `\uFEFFwindow.YTD.tweet.part12 = ${JSON.stringify(ITEMS)};\n`,
    JSON.stringify(ITEMS),
    `\uFEFF${JSON.stringify(ITEMS)}`,
    `window["YTD"].x.part0=\n\t${JSON.stringify(ITEMS, null, 1)}\r\n`,
  ];
  for (const text of variants) {
    for (const size of [1, 2, 3, 7, 64, 1 << 16]) {
      assert.deepEqual(await collect(text, size), ITEMS, `chunk size ${size}`);
      assert.equal(await countYtdItems(chunked(text, size), 'f'), 3);
    }
  }
  assert.deepEqual(await collect('window.YTD.like.part0 = [ ]', 4), []);
});

test('a cut, damaged or non-array file is an InputError naming the file and the problem', async () => {
  const text = `window.YTD.tweets.part0 = ${JSON.stringify(ITEMS, null, 2)}`;
  const cases: [string, RegExp][] = [
    [text.slice(0, text.length - 3), /data\/tweets\.js: the file is cut off in the middle \(after 2 complete items\)/],
    [text.slice(0, 40), /cut off in the middle \(after 0 complete items\)/],
    ['window.YTD.tweets.part0 = ', /no list of items/],
    ['', /the file is empty/],
    ['window.YTD.tweets.part0 = {"a": 1}', /expected a list of items/],
    ['window.YTD.tweets.part0 = [{"a": 1}, {"b": nope}]', /item 2 is not valid JSON/],
    ['window.YTD.tweets.part0 = [{"a": 1} 42]', /unexpected "4" between items 1 and 2/],
  ];
  for (const [input, message] of cases) {
    await assert.rejects(collect(input, 5), (e: unknown) => e instanceof InputError && message.test(e.message) && e.hint !== undefined, `${input.slice(0, 30)} → ${message}`);
  }
});

test('a stream error (a damaged zip entry) becomes an InputError naming the file', async () => {
  const failing = new Readable({
    read() {
      this.push(Buffer.from('window.YTD.tweets.part0 = [{"a":'));
      this.destroy(new Error('invalid distance too far back'));
    },
  });
  await assert.rejects(async () => {
    for await (const _ of readYtdItems(failing, 'data/tweets.js')) void _;
  }, /data\/tweets\.js: could not be read \(invalid distance too far back\)/);
});

test('counting a pattern across chunk boundaries', async () => {
  const text = '[{"messageCreate":{}},{"messageCreate":{}},{"joinConversation":{}},{"messageCreate":{}}]';
  for (const size of [1, 5, 13, 1000]) assert.equal(await countOccurrences(chunked(text, size), 'f', '"messageCreate"'), 3);
});

test('X times: the old API format with any offset, ISO with milliseconds; snowflake times', () => {
  assert.equal(parseXTime('Wed Oct 10 20:19:24 +0000 2018'), '2018-10-10T20:19:24.000Z');
  assert.equal(parseXTime('Wed Oct 10 20:19:24 -0230 2018'), '2018-10-10T22:49:24.000Z');
  assert.equal(parseXTime('Sat Jan 01 00:30:00 +0100 2011'), '2010-12-31T23:30:00.000Z');
  assert.equal(parseXTime('2019-05-03T10:11:12.345Z'), '2019-05-03T10:11:12.345Z');
  assert.equal(parseXTime('2019-05-03T10:11:12+02:00'), '2019-05-03T08:11:12.000Z');
  assert.equal(parseXTime('Wed Foo 10 20:19:24 +0000 2018'), undefined);
  assert.equal(parseXTime('2019-05-03 10:11'), undefined); // no zone
  assert.equal(parseXTime(1539202764), undefined);
  // 1212121212121212121 → 2020-01-01-ish; exact value from (id >> 22) + epoch
  assert.equal(snowflakeTime('1790000000000000001'), new Date(Number((1790000000000000001n >> 22n) + 1288834974657n)).toISOString());
  assert.equal(snowflakeTime('12345'), undefined);
  assert.equal(snowflakeTime('abc'), undefined);
});
