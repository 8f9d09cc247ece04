/**
 * Hashed features for the learned model: word unigrams and bigrams over token symbols, character
 * 3–5-grams of the lower-cased text (digits folded to 0), a few shapes, and the ids of the rules
 * that fired. Hashes are computed over char codes as they stream past, written into one reused
 * buffer: the hot path builds no substrings and no feature arrays.
 */
import { fnvStep, fnvString, fmix } from './hash.js';
import type { Token } from './tokenize.js';
import type { RuleHit } from './rules.js';
import { RULE_FEATURE_HASHES } from './rules.js';

const NS_WORD = fnvString('ns:word');
const NS_BIGRAM = fnvString('ns:bigram');
const NS_CHAR = fnvString('ns:char');
const NS_DOMAIN = fnvString('ns:domain');
const NS_CHAR4 = fnvString('ns:char4');
const NS_CHAR5 = fnvString('ns:char5');

/** A char code in 10 bits: ASCII and Latin stay as they are, higher codes fold their upper bits in. */
function fold(c: number): number {
  return (c ^ (c >>> 10)) & 0x3ff;
}

const SYM_URL = fnvString('<url>');
const SYM_EMAIL = fnvString('<email>');
const SYM_MENTION = fnvString('<mention>');
const SYM_PRICE = fnvString('<price>');
const SYM_PERCENT = fnvString('<percent>');
const SYM_EMOJI = fnvString('<emoji>');
const SYM_NUM = [1, 2, 3, 4, 5, 6, 7].map((n) => fnvString(`<num${n}>`));
const SHAPE_CAPS = fnvString('<caps>');
const SHAPE_MANY_CAPS = fnvString('<many-caps>');
const SHAPE_ELONGATED = fnvString('<elongated>');
const SHAPE_LEN = Array.from({ length: 12 }, (_, i) => fnvString(`<len${i}>`));
const SYM_START = fnvString('<s>');
const SYM_END = fnvString('</s>');

let buffer = new Int32Array(4096);

function push(n: number, h: number): number {
  if (n >= buffer.length) {
    const bigger = new Int32Array(buffer.length * 2);
    bigger.set(buffer);
    buffer = bigger;
  }
  buffer[n] = fmix(h) | 0;
  return n + 1;
}

/** The buffer that `extractFeatures` fills; valid until the next call. */
export function featureBuffer(): Int32Array {
  return buffer;
}

/** A token's unigram symbol (before the final mix): words by their normal form, the rest by kind. */
export function wordSymbol(t: Token): number {
  switch (t.kind) {
    case 'word':
    case 'hashtag':
      return fnvString(t.norm, NS_WORD);
    case 'url':
      return SYM_URL;
    case 'email':
      return SYM_EMAIL;
    case 'mention':
      return SYM_MENTION;
    case 'price':
      return SYM_PRICE;
    case 'percent':
      return SYM_PERCENT;
    case 'emoji':
      return SYM_EMOJI;
    case 'number': {
      let digits = 0;
      for (let i = 0; i < t.norm.length; i++) {
        const c = t.norm.charCodeAt(i);
        if (c >= 48 && c <= 57) digits++;
      }
      return SYM_NUM[Math.min(digits, 7) - 1] ?? SYM_NUM[0]!;
    }
    default: {
      // Punctuation: "!!!!!" and "!!" are the same signal; keep at most two chars.
      let h = NS_WORD;
      const len = Math.min(t.norm.length, 2);
      for (let i = 0; i < len; i++) h = fnvStep(h, t.norm.charCodeAt(i));
      return h >>> 0;
    }
  }
}

/**
 * Fills the feature buffer and returns the number of features (with repeats: a feature seen
 * twice counts twice).
 */
export function extractFeatures(lower: string, tokens: readonly Token[], hits: readonly RuleHit[], domains?: readonly string[]): number {
  let n = 0;
  let prev = SYM_START;
  let caps = 0;
  let elongated = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const sym = wordSymbol(t);
    n = push(n, sym);
    n = push(n, Math.imul(prev ^ NS_BIGRAM, 0x01000193) ^ sym);
    prev = sym;
    if (t.caps) caps++;
    if (t.elongated) elongated++;
  }
  n = push(n, Math.imul(prev ^ NS_BIGRAM, 0x01000193) ^ SYM_END);
  if (domains) for (const d of domains) n = push(n, fnvString(d, NS_DOMAIN));
  if (caps > 0) n = push(n, SHAPE_CAPS);
  if (caps > 3) n = push(n, SHAPE_MANY_CAPS);
  if (elongated > 0) n = push(n, SHAPE_ELONGATED);
  n = push(n, SHAPE_LEN[Math.min(lower.length >> 4, 11)]!);
  for (const hit of hits) n = push(n, RULE_FEATURE_HASHES[hit.index]!);

  // Room for every char n-gram at once, so the loop below writes without checking.
  let buf = buffer;
  if (n + 3 * (lower.length + 2) > buf.length) {
    const bigger = new Int32Array(Math.max(buf.length * 2, n + 3 * (lower.length + 2)));
    bigger.set(buf.subarray(0, n));
    buffer = buf = bigger;
  }

  // Character 3-, 4- and 5-grams over a squeezed view of the text: digits → 0, whitespace runs →
  // one space, runs of one char → two, with a space at both ends. c1..c4 are the previous chars (0 = none yet).
  let c1 = 32;
  let c2 = 0;
  let c3 = 0;
  let c4 = 0;
  const len = lower.length;
  for (let i = 0; i <= len; i++) {
    let c = i === len ? 32 : lower.charCodeAt(i);
    if (c >= 48 && c <= 57) c = 48;
    else if (c === 9 || c === 10 || c === 13 || c === 160 || c === 0xfeff) c = 32;
    if (c === 32 && c1 === 32) continue;
    // Runs squeeze to two, as elongated words do: "1000000000" or "wowwwwww" would otherwise
    // repeat one n-gram dozens of times and outweigh everything else in the message.
    if (c === c1 && c === c2) continue;
    if (c2 !== 0) {
      // The last three chars packed into one int (10 bits each; rarer chars fold into those bits),
      // extended by one multiply per longer gram: far cheaper than hashing each gram char by char.
      const tri = NS_CHAR ^ (fold(c2) << 20) ^ (fold(c1) << 10) ^ fold(c);
      buf[n++] = fmix(tri) | 0;
      if (c3 !== 0) {
        const four = Math.imul(tri ^ NS_CHAR4, 0x01000193) ^ fold(c3);
        buf[n++] = fmix(four) | 0;
        if (c4 !== 0) buf[n++] = fmix(Math.imul(four ^ NS_CHAR5, 0x01000193) ^ fold(c4)) | 0;
      }
    }
    c4 = c3;
    c3 = c2;
    c2 = c1;
    c1 = c;
  }
  return n;
}
