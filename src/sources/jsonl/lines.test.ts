import assert from 'node:assert/strict';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { linesInChunks } from './lines.js';

async function viaReadline(chunks: Buffer[]): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of createInterface({ input: Readable.from(chunks), crlfDelay: Number.POSITIVE_INFINITY })) lines.push(line);
  return lines;
}

async function viaChunks(chunks: Buffer[]): Promise<{ lines: string[]; bytes: number }> {
  const lines: string[] = [];
  let bytes = 0;
  for await (const group of linesInChunks(Readable.from(chunks), (n) => (bytes += n))) lines.push(...group);
  return { lines, bytes };
}

/** Cuts `bytes` into chunks at the given offsets. */
function cut(bytes: Buffer, at: number[]): Buffer[] {
  const chunks: Buffer[] = [];
  let from = 0;
  for (const to of [...at.filter((n) => n > 0 && n < bytes.length).sort((a, b) => a - b), bytes.length]) {
    chunks.push(bytes.subarray(from, to));
    from = to;
  }
  return chunks;
}

const TEXTS = [
  'a\nb\nc\n',
  'a\nb\nc',
  '\ufeff{"x":1}\r\n{"y":"é"}\r\n\r\n',
  'one\rtwo\r\nthree\n\rfour\r',
  '\n\n\n',
  '\r\r\n\r',
  'caf\u00e9 \u{1f950} \u2028 ok\nna\u00efve\n',
  'no line end at all',
  '',
];

test('lines come out exactly as readline gives them, wherever the chunks are cut', async () => {
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (const text of TEXTS) {
    const bytes = Buffer.from(text, 'utf8');
    const cuts: number[][] = [[], Array.from({ length: bytes.length }, (_, i) => i)];
    for (let k = 0; k < 30; k++) cuts.push(Array.from({ length: 1 + Math.floor(random() * 4) }, () => Math.floor(random() * (bytes.length + 1))));
    for (const at of cuts) {
      const chunks = cut(bytes, at);
      const { lines, bytes: counted } = await viaChunks(chunks);
      assert.deepEqual(lines, await viaReadline(chunks), `${JSON.stringify(text)} cut at ${at.join(',')}`);
      assert.equal(counted, bytes.length);
    }
  }
});

test('bad UTF-8 becomes U+FFFD, as readline decodes it', async () => {
  const bytes = Buffer.concat([Buffer.from('ok\n'), Buffer.from([0xc3, 0x28, 0x0a, 0xe2, 0x82]), Buffer.from('\nend')]);
  for (let i = 0; i <= bytes.length; i++) {
    const chunks = cut(bytes, [i]);
    assert.deepEqual((await viaChunks(chunks)).lines, await viaReadline(chunks));
  }
});
