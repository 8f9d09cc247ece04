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

  // Character 3-, 4- and 5-grams over a squeezed view of the text: digits → 0, whitespace runs →
  // one space, with a space at both ends. c1..c4 are the previous chars (0 = none yet).
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
    if (c2 !== 0) {
      let h = fnvStep(fnvStep(fnvStep(NS_CHAR, c2), c1), c);
      n = push(n, h);
      if (c3 !== 0) {
        h = fnvStep(fnvStep(fnvStep(fnvStep(NS_CHAR ^ 4, c3), c2), c1), c);
        n = push(n, h);
        if (c4 !== 0) {
          h = fnvStep(fnvStep(fnvStep(fnvStep(fnvStep(NS_CHAR ^ 5, c4), c3), c2), c1), c);
          n = push(n, h);
        }
      }
    }
    c4 = c3;
    c3 = c2;
    c2 = c1;
    c1 = c;
  }
  return n;
}
