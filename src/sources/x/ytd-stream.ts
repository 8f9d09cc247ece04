/**
 * Reads an X archive data file, `window.YTD.<name>.partN = [ {...}, {...} ]`, item by item.
 *
 * Why not stream-json: its token pipeline runs at a fraction of `JSON.parse`'s speed, and a
 * tweets file of a few hundred MB must import within a few times what `JSON.parse` needs. So the
 * file is streamed in chunks, a small scanner finds where each top-level array item starts and
 * ends (tracking only strings, escapes and bracket depth — every structural byte is ASCII, so
 * scanning bytes is safe for UTF-8), and each item alone goes through `JSON.parse`. Memory holds
 * one chunk plus one item, whatever the file size.
 *
 * Accepted: an optional BOM, any JS prefix up to the first `=` (the global name is not
 * hard-coded), or a bare JSON array; a trailing `;`. A file cut in the middle, or with something
 * other than an array, is an `InputError` naming the file.
 */
import type { Readable } from 'node:stream';
import { InputError } from '../../domain/errors.js';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const EQUALS = 0x3d;
const COMMA = 0x2c;

const DAMAGED_HINT = 'The archive looks damaged or cut off: download it again from X (Settings > Your account > Download an archive of your data). Nothing was imported.';

export interface YtdItem {
  /** 0-based position in the array. */
  readonly index: number;
  readonly value: unknown;
}

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

export function damaged(file: string, problem: string, cause?: unknown): InputError {
  return new InputError(`${file}: ${problem}`, { hint: DAMAGED_HINT, cause });
}

type Phase = 'prefix' | 'before-array' | 'array' | 'done';

/**
 * A byte-level scanner for one YTD file. `feed` each chunk, then `end`. With `parse` off it only
 * counts items (for the detection summary), without building strings or objects.
 */
export class YtdScanner {
  private phase: Phase = 'prefix';
  private sawPrefixByte = false;
  private depth = 0; // 0 outside the array, 1 inside it between items, >1 inside an item
  private inString = false;
  private escaped = false;
  private parts: Buffer[] = [];
  private itemStart = -1; // start offset of the current item in the current chunk, or -1
  private count = 0;
  private bomBytes = 0;

  constructor(
    private readonly file: string,
    private readonly parse: boolean,
  ) {}

  get items(): number {
    return this.count;
  }

  /** Scans one chunk; returns the items that ended in it. */
  feed(chunk: Buffer, out: YtdItem[]): void {
    let i = 0;
    const n = chunk.length;
    // Cached positions of the next quote / backslash, so that strings are skipped with indexOf.
    let nextQuote = -2;
    let nextBackslash = -2;
    while (i < n) {
      if (this.phase === 'array') {
        if (this.inString) {
          if (this.escaped) {
            this.escaped = false;
            i++;
            continue;
          }
          if (nextQuote !== -1 && nextQuote < i) nextQuote = chunk.indexOf(QUOTE, i);
          if (nextBackslash !== -1 && nextBackslash < i) nextBackslash = chunk.indexOf(BACKSLASH, i);
          if (nextBackslash !== -1 && (nextQuote === -1 || nextBackslash < nextQuote)) {
            this.escaped = true;
            i = nextBackslash + 1;
            continue;
          }
          if (nextQuote === -1) {
            i = n;
            break;
          }
          this.inString = false;
          i = nextQuote + 1;
          continue;
        }
        const b = chunk[i]!;
        if (b === QUOTE) {
          if (this.depth === 1) throw this.unexpected(b);
          this.inString = true;
        } else if (b === OPEN_BRACE || b === OPEN_BRACKET) {
          if (this.depth === 1) this.itemStart = i;
          this.depth++;
        } else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
          this.depth--;
          if (this.depth === 1) {
            this.endItem(chunk, i + 1, out);
          } else if (this.depth === 0) {
            if (b !== CLOSE_BRACKET) throw this.unexpected(b);
            this.phase = 'done';
            return;
          }
        } else if (this.depth === 1 && !isSpace(b) && b !== COMMA) {
          throw this.unexpected(b);
        }
        i++;
        continue;
      }
      if (this.phase === 'done') return;
      const b = chunk[i]!;
      if (this.phase === 'prefix') {
        // Either a bare JSON array, or a JS prefix `window.YTD.tweets.part0 =` before it.
        if (b === OPEN_BRACKET && !this.sawPrefixByte) {
          this.phase = 'array';
          this.depth = 1;
        } else if (b === EQUALS) {
          this.phase = 'before-array';
        } else if (!this.sawPrefixByte && this.bomBytes < 3 && b === [0xef, 0xbb, 0xbf][this.bomBytes]) {
          this.bomBytes++; // a byte-order mark, possibly split across chunks
        } else if (!isSpace(b)) {
          if (b === OPEN_BRACE && !this.sawPrefixByte) throw damaged(this.file, 'expected a list of items ([ ... ]) but found an object');
          this.sawPrefixByte = true;
        }
      } else if (this.phase === 'before-array') {
        if (b === OPEN_BRACKET) {
          this.phase = 'array';
          this.depth = 1;
        } else if (!isSpace(b)) {
          throw damaged(this.file, `expected a list of items ([ ... ]) after "=" but found ${describe(b)}`);
        }
      }
      i++;
    }
    // The chunk ended inside an item: keep its bytes for the next chunk.
    if (this.depth > 1) {
      if (this.itemStart >= 0) {
        this.parts.push(chunk.subarray(this.itemStart));
        this.itemStart = -1;
      } else {
        this.parts.push(chunk);
      }
    }
  }

  /** Call after the last chunk. */
  end(): void {
    if (this.phase === 'done') return;
    if (this.phase === 'array') {
      throw damaged(this.file, `the file is cut off in the middle (after ${this.count} complete item${this.count === 1 ? '' : 's'})`);
    }
    throw damaged(this.file, this.sawPrefixByte || this.phase === 'before-array'
      ? 'no list of items ([ ... ]) found: this is not an X archive data file, or it is cut off'
      : 'the file is empty');
  }

  private endItem(chunk: Buffer, end: number, out: YtdItem[]): void {
    const index = this.count++;
    if (!this.parse) {
      this.parts = [];
      this.itemStart = -1;
      return;
    }
    let text: string;
    if (this.parts.length === 0) {
      text = chunk.toString('utf8', this.itemStart, end);
    } else {
      this.parts.push(chunk.subarray(0, end));
      text = Buffer.concat(this.parts).toString('utf8');
      this.parts = [];
    }
    this.itemStart = -1;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw damaged(this.file, `item ${index + 1} is not valid JSON (${(e as Error).message})`, e);
    }
    out.push({ index, value });
  }

  private unexpected(b: number): InputError {
    return damaged(this.file, `unexpected ${describe(b)} between items ${this.count} and ${this.count + 1}: the file is damaged`);
  }
}

function describe(b: number): string {
  return b >= 0x20 && b < 0x7f ? `"${String.fromCharCode(b)}"` : `byte 0x${b.toString(16)}`;
}

/**
 * Streams the items of one YTD file. `onBytes` receives the size of each chunk read (progress).
 * A stream error (a damaged zip entry) becomes an InputError naming the file.
 */
export async function* readYtdItems(stream: Readable, file: string, onBytes: (n: number) => void = () => {}): AsyncGenerator<YtdItem> {
  const scanner = new YtdScanner(file, true);
  const out: YtdItem[] = [];
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      onBytes(chunk.length);
      scanner.feed(chunk, out);
      if (out.length > 0) {
        for (const item of out) yield item;
        out.length = 0;
      }
    }
  } catch (e) {
    stream.destroy();
    if (e instanceof InputError) throw e;
    throw damaged(file, `could not be read (${(e as Error).message})`, e);
  }
  scanner.end();
}

/** Counts the items of one YTD file without parsing them (for the detection summary). */
export async function countYtdItems(stream: Readable, file: string): Promise<number> {
  const scanner = new YtdScanner(file, false);
  const out: YtdItem[] = [];
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) scanner.feed(chunk, out);
  } catch (e) {
    stream.destroy();
    if (e instanceof InputError) throw e;
    throw damaged(file, `could not be read (${(e as Error).message})`, e);
  }
  scanner.end();
  return scanner.items;
}

/** Counts occurrences of a byte pattern across a stream (e.g. `"messageCreate"` for DMs). */
export async function countOccurrences(stream: Readable, file: string, pattern: string): Promise<number> {
  const needle = Buffer.from(pattern, 'utf8');
  let count = 0;
  let carry = Buffer.alloc(0);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const buf = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      let at = buf.indexOf(needle);
      let last = -1;
      while (at !== -1) {
        count++;
        last = at;
        at = buf.indexOf(needle, at + needle.length);
      }
      const keepFrom = Math.max(buf.length - (needle.length - 1), last === -1 ? 0 : last + needle.length);
      carry = Buffer.from(buf.subarray(keepFrom));
    }
  } catch (e) {
    stream.destroy();
    throw damaged(file, `could not be read (${(e as Error).message})`, e);
  }
  return count;
}
