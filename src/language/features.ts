/**
 * Hashed features for the learned model: word unigrams and bigrams over the token symbols the
 * scanner computed (tokenize.ts SCAN.sym), character n-grams of the lower-cased text (digits
 * folded to 0; 4-grams unless the model file names other lengths), link domains, a few shapes,
 * and the ids of the rules that fired. Hashes are computed over char codes as they stream past:
 * the hot path builds no substrings and no feature list — scoring sums the weights as the
 * features are made (scoreScanned); training takes them from one reused buffer (extractFeatures).
 */
import { fnvString, fmix } from './hash.js';
import { F_CAPS, F_ELONGATED, K_URL, SCAN } from './tokenize.js';
import type { RuleHit } from './rules.js';
import { HITS, RULE_FEATURE_HASHES } from './rules.js';
import type { LoadedModel } from './types.js';
import { FUNDRAISING_DOMAINS } from './lexicons.js';

const NS_BIGRAM = fnvString('ns:bigram');
const NS_CHAR = fnvString('ns:char');
const NS_DOMAIN = fnvString('ns:domain');
const NS_CHAR4 = fnvString('ns:char4');
const NS_CHAR5 = fnvString('ns:char5');

/** A char code in 10 bits: ASCII and Latin stay as they are, higher codes fold their upper bits in. */
function fold(c: number): number {
  return (c ^ (c >>> 10)) & 0x3ff;
}

const SHAPE_CAPS = fnvString('<caps>');
const SHAPE_MANY_CAPS = fnvString('<many-caps>');
const SHAPE_ELONGATED = fnvString('<elongated>');
const SHAPE_LEN = Array.from({ length: 12 }, (_, i) => fnvString(`<len${i}>`));
const SYM_START = fnvString('<s>');
const SYM_FUNDRAISER = fnvString('<fundraiser>');
/** Stands in the domain list for a link written so as not to look like one (see links.ts). */
export const DISGUISED_LINK = '<disguised>';
const SYM_END = fnvString('</s>');

export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/**
 * Scale of the feature sum: 1/sqrt(n) keeps long and short messages comparable, and the constant
 * keeps a two-word message from resting its whole verdict on one or two strong n-grams.
 */
const NORM_FLOOR = 16;
export function featureNorm(n: number): number {
  return 1 / Math.sqrt(n + NORM_FLOOR);
}

/**
 * Feature families beyond the n-grams, as bits of the same set as the n-gram lengths (see
 * gramBits). URL_SHAPE: for each link, how it is written — bare ("site.com/x") or with a scheme,
 * its top-level domain, how deep its path goes, whether it carries a query string, whether it is
 * long. Models without the field in their file have none of them.
 */
export const X_URL_SHAPE = 1 << 8;
const GRAM_BITS = 8 | 16 | 32;
const NS_TLD = fnvString('ns:tld');
const URL_BARE = fnvString('<url-bare>');
const URL_SCHEME = fnvString('<url-scheme>');
const URL_QUERY = fnvString('<url-query>');
const URL_LONG = fnvString('<url-long>');
const URL_MOSTLY = fnvString('<url-mostly>');
const URL_LAST = fnvString('<url-last>');
const URL_DEPTH = [0, 1, 2, 3].map((d) => fnvString(`<url-depth${d}>`));

/**
 * The shape features of the link `lower[start, end)`, written at `buf[m]` downwards; returns the
 * new `m`.
 */
function urlShape(lower: string, start: number, end: number, buf: Int32Array, m: number): number {
  let host = start;
  if (lower.startsWith('http://', start)) host += 7;
  else if (lower.startsWith('https://', start)) host += 8;
  buf[m--] = fmix(host === start && !lower.startsWith('www.', start) ? URL_BARE : URL_SCHEME) | 0;
  let hostEnd = host;
  while (hostEnd < end) {
    const c = lower.charCodeAt(hostEnd);
    if (c === 47 || c === 63 || c === 35 || c === 58) break;
    hostEnd++;
  }
  let tld = hostEnd;
  while (tld > host && lower.charCodeAt(tld - 1) !== 46) tld--;
  let h = NS_TLD;
  for (let k = tld; k < hostEnd; k++) h = Math.imul(h ^ lower.charCodeAt(k), 0x01000193);
  buf[m--] = fmix(h) | 0;
  let depth = 0;
  let query = false;
  for (let k = hostEnd; k < end; k++) {
    const c = lower.charCodeAt(k);
    if (c === 63 || c === 35) {
      query = c === 63;
      break;
    }
    // A segment counts when something follows its slash.
    if (c === 47 && k + 1 < end && lower.charCodeAt(k + 1) !== 47 && lower.charCodeAt(k + 1) !== 63) depth++;
  }
  buf[m--] = fmix(URL_DEPTH[Math.min(depth, 3)]!) | 0;
  if (query) buf[m--] = fmix(URL_QUERY) | 0;
  if (end - start >= 60) buf[m--] = fmix(URL_LONG) | 0;
  return m;
}

/** Character n-gram lengths as a bit set (bit k: k-grams); models without the field use 3, 4 and 5. */
export function gramBits(lengths: readonly number[]): number {
  let bits = 0;
  for (const k of lengths) bits |= 1 << k;
  return bits;
}
export const DEFAULT_GRAMS = gramBits([3, 4, 5]);

let buffer = new Int32Array(4096);

/** The buffer that `extractFeatures` fills; valid until the next call. */
export function featureBuffer(): Int32Array {
  return buffer;
}

/** Sum of the (quantised) weights of the features `featurize` saw (when given weights). */
let weightSum = 0;

const G4 = 1 << 4;
/** The number of n-grams scoreFourGrams saw. */
let gramCount = 0;

/**
 * The character 4-grams of featurize's loop below (same view of the text, same hashes), summed
 * straight from the weights: the sum is returned, the number of n-grams left in gramCount.
 */
function scoreFourGrams(lower: string, weights: Int16Array, mask: number): number {
  let sum = 0;
  let count = 0;
  let c1 = 32;
  let c2 = 0;
  let c3 = 0;
  const len = lower.length;
  for (let i = 0; i <= len; i++) {
    let c = i === len ? 32 : lower.charCodeAt(i);
    if (c >= 48 && c <= 57) c = 48;
    else if (c === 9 || c === 10 || c === 13 || c === 160 || c === 0xfeff) c = 32;
    if (c === 32 && c1 === 32) continue;
    if (c === c1 && c === c2) continue;
    // 0 stands for "no char yet" (as in featurize, where a NUL in the text also reads as none).
    if (c2 !== 0 && c3 !== 0) {
      const tri = NS_CHAR ^ (fold(c2) << 20) ^ (fold(c1) << 10) ^ fold(c);
      sum += weights[fmix(Math.imul(tri ^ NS_CHAR4, 0x01000193) ^ fold(c3)) & mask]!;
      count++;
    }
    c3 = c2;
    c2 = c1;
    c1 = c;
  }
  gramCount = count;
  return sum;
}

/**
 * The features of the last scanned message, each mixed into a table index: written to the
 * buffer (weights null) or looked up and summed at once (weights given), so that scoring builds no
 * feature list at all. Returns the number of features, with repeats (a feature seen twice counts
 * twice).
 */
function featurize(lower: string, ruleIndexes: Int32Array, hitCount: number, domains: readonly string[] | undefined, grams: number, weights: Int16Array | null, mask: number): number {
  const g3 = (grams & 8) !== 0;
  const g4 = (grams & 16) !== 0;
  const g5 = (grams & 32) !== 0;
  const g45 = g4 || g5;
  const tokens = SCAN.n;
  // The rarer features are gathered at the buffer's far end first (so they count twice here).
  const urlShapes = (grams & X_URL_SHAPE) !== 0 && lower.length === SCAN.textLength;
  const need = 2 * tokens + 2 * (8 + 2 * (domains?.length ?? 0) + hitCount + (urlShapes ? 5 * tokens + 2 : 0)) + 3 * (lower.length + 2);
  if (need > buffer.length) {
    let size = buffer.length;
    while (size < need) size *= 2;
    buffer = new Int32Array(size);
  }
  const buf = buffer;
  const sym = SCAN.sym;
  const flags = SCAN.flags;
  let sum = 0;
  let n = 0;
  let x = 0;
  let prev = SYM_START;
  let caps = 0;
  let elongated = 0;
  for (let i = 0; i < tokens; i++) {
    const s = sym[i]!;
    x = fmix(s) | 0;
    if (weights !== null) sum += weights[x & mask]!;
    else buf[n] = x;
    n++;
    x = fmix(Math.imul(prev ^ NS_BIGRAM, 0x01000193) ^ s) | 0;
    if (weights !== null) sum += weights[x & mask]!;
    else buf[n] = x;
    n++;
    prev = s;
    const f = flags[i]!;
    if (f & F_CAPS) caps++;
    if (f & F_ELONGATED) elongated++;
  }
  // The rarer features, gathered in the buffer past the char n-grams' room and then counted.
  let m = buf.length - 1;
  buf[m--] = fmix(Math.imul(prev ^ NS_BIGRAM, 0x01000193) ^ SYM_END) | 0;
  if (domains) {
    for (const d of domains) {
      buf[m--] = fmix(fnvString(d, NS_DOMAIN)) | 0;
      if (FUNDRAISING_DOMAINS.has(d)) buf[m--] = fmix(SYM_FUNDRAISER) | 0;
    }
  }
  if (caps > 0) buf[m--] = fmix(SHAPE_CAPS) | 0;
  if (caps > 3) buf[m--] = fmix(SHAPE_MANY_CAPS) | 0;
  if (elongated > 0) buf[m--] = fmix(SHAPE_ELONGATED) | 0;
  buf[m--] = fmix(SHAPE_LEN[Math.min(lower.length >> 4, 11)]!) | 0;
  for (let k = 0; k < hitCount; k++) buf[m--] = fmix(RULE_FEATURE_HASHES[ruleIndexes[k]!]!) | 0;
  if (urlShapes) {
    const kind = SCAN.kind;
    let linkChars = 0;
    for (let i = 0; i < tokens; i++) {
      if (kind[i] !== K_URL) continue;
      m = urlShape(lower, SCAN.start[i]!, SCAN.end[i]!, buf, m);
      linkChars += SCAN.end[i]! - SCAN.start[i]!;
    }
    // A message that is mostly a link, or ends with one.
    if (linkChars * 2 >= lower.length && linkChars > 0) buf[m--] = fmix(URL_MOSTLY) | 0;
    if (tokens > 0 && kind[tokens - 1] === K_URL) buf[m--] = fmix(URL_LAST) | 0;
  }
  for (let k = buf.length - 1; k > m; k--) {
    x = buf[k]!;
    if (weights !== null) sum += weights[x & mask]!;
    else buf[n] = x;
    n++;
  }

  // Character 3-, 4- and 5-grams over a squeezed view of the text: digits → 0, whitespace runs →
  // one space, runs of one char → two, with a space at both ends. c1..c4 are the previous chars (0 = none yet).
  if ((grams & GRAM_BITS) === G4 && weights !== null) {
    // The shipped model's case, in a loop of its own without the other lengths' branches.
    sum += scoreFourGrams(lower, weights, mask);
    weightSum = sum;
    return n + gramCount;
  }
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
      if (g3) {
        x = fmix(tri) | 0;
        if (weights !== null) sum += weights[x & mask]!;
        else buf[n] = x;
        n++;
      }
      if (c3 !== 0 && g45) {
        const four = Math.imul(tri ^ NS_CHAR4, 0x01000193) ^ fold(c3);
        if (g4) {
          x = fmix(four) | 0;
          if (weights !== null) sum += weights[x & mask]!;
          else buf[n] = x;
          n++;
        }
        if (c4 !== 0 && g5) {
          x = fmix(Math.imul(four ^ NS_CHAR5, 0x01000193) ^ fold(c4)) | 0;
          if (weights !== null) sum += weights[x & mask]!;
          else buf[n] = x;
          n++;
        }
      }
    }
    c4 = c3;
    c3 = c2;
    c2 = c1;
    c1 = c;
  }
  weightSum = sum;
  return n;
}

let hitIndexes = new Int32Array(32);

/** The rule indexes of `hits`, in a reused buffer. */
function indexesOf(hits: readonly RuleHit[]): Int32Array {
  if (hits.length > hitIndexes.length) hitIndexes = new Int32Array(hits.length * 2);
  for (let k = 0; k < hits.length; k++) hitIndexes[k] = hits[k]!.index;
  return hitIndexes;
}

/**
 * Fills the feature buffer from the last scan (see tokenize.ts `scan`) and returns the number of
 * features. `lower` is the message as lowerForRules gives it, `hits` its rule hits.
 */
export function extractFeatures(lower: string, hits: readonly RuleHit[], domains: readonly string[] | undefined, grams: number = DEFAULT_GRAMS): number {
  return featurize(lower, indexesOf(hits), hits.length, domains, grams, null, 0);
}

/** The model's probability for the last scanned message: the same features as extractFeatures, summed as they are made. */
export function scoreScanned(model: LoadedModel, lower: string, hits: readonly RuleHit[], domains?: readonly string[]): number {
  const n = featurize(lower, indexesOf(hits), hits.length, domains, model.grams, model.weights, model.mask);
  return sigmoid(model.bias + weightSum * model.scale * featureNorm(n));
}

/** scoreScanned with the hits of the last rules.ts `matchScanned` (no hit objects). */
export function scoreLastMatch(model: LoadedModel, lower: string, domains: readonly string[] | undefined): number {
  const n = featurize(lower, HITS.rule, HITS.n, domains, model.grams, model.weights, model.mask);
  return sigmoid(model.bias + weightSum * model.scale * featureNorm(n));
}
