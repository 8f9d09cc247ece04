/**
 * Splits a byte stream into text lines the way `readline` does with `crlfDelay: Infinity`
 * (`\n`, `\r\n` and a lone `\r` each end a line, even when a `\r\n` is cut between two chunks;
 * an empty last line is not a line; bad UTF-8 becomes U+FFFD), but hands them over a chunk at a
 * time: on a file of a million lines, one `for await` step per line costs more than splitting.
 * Lines are found on the bytes (a line end byte never occurs inside a UTF-8 character) and each
 * is decoded on its own, so no chunk-sized string is built and sliced.
 */
const LF = 10;
const CR = 13;

export async function* linesInChunks(stream: AsyncIterable<Buffer>, onBytes: (bytes: number) => void): AsyncGenerator<string[]> {
  // The bytes of a line begun in an earlier chunk.
  let carry: Buffer | undefined;
  // The previous chunk ended in '\r', which ended a line: a '\n' first in this chunk belongs to it.
  let afterCR = false;
  for await (const chunk of stream) {
    onBytes(chunk.length);
    if (chunk.length === 0) continue;
    const from = afterCR && chunk[0] === LF ? 1 : 0;
    afterCR = chunk[chunk.length - 1] === CR;
    const lines: string[] = [];
    const rest = chunk.indexOf(CR, from) === -1 ? splitLF(chunk, from, carry, lines) : splitAny(chunk, from, carry, lines);
    carry = rest;
    if (lines.length > 0) yield lines;
  }
  if (carry !== undefined && carry.length > 0) yield [carry.toString('utf8')];
}

/** Lines ended by '\n' only. Returns the bytes after the last line end (a copy), if any. */
function splitLF(chunk: Buffer, from: number, carry: Buffer | undefined, lines: string[]): Buffer | undefined {
  let start = from;
  let end = chunk.indexOf(LF, start);
  if (end !== -1 && carry !== undefined) {
    lines.push(Buffer.concat([carry, chunk.subarray(start, end)]).toString('utf8'));
    carry = undefined;
    start = end + 1;
    end = chunk.indexOf(LF, start);
  }
  while (end !== -1) {
    lines.push(chunk.toString('utf8', start, end));
    start = end + 1;
    end = chunk.indexOf(LF, start);
  }
  return rest(chunk, start, carry);
}

/** Lines ended by '\n', '\r\n' or '\r'. */
function splitAny(chunk: Buffer, from: number, carry: Buffer | undefined, lines: string[]): Buffer | undefined {
  let start = from;
  for (let i = from; i < chunk.length; i++) {
    const byte = chunk[i];
    if (byte !== LF && byte !== CR) continue;
    const line = carry !== undefined ? Buffer.concat([carry, chunk.subarray(start, i)]) : chunk.subarray(start, i);
    carry = undefined;
    lines.push(line.toString('utf8'));
    if (byte === CR && chunk[i + 1] === LF) i++;
    start = i + 1;
  }
  return rest(chunk, start, carry);
}

function rest(chunk: Buffer, start: number, carry: Buffer | undefined): Buffer | undefined {
  if (start >= chunk.length) return carry;
  // Copied: a stream may reuse its chunk's memory.
  const tail = Buffer.from(chunk.subarray(start));
  return carry !== undefined ? Buffer.concat([carry, tail]) : tail;
}
