/**
 * Every word list the hot path asks about, in one table keyed by the hash the scanner already
 * computed for each token (see tokenize.ts SCAN.hash): the rules that can start at a word, self-
 * and other-references, greetings and words that are not names. One lookup per token answers
 * them all, without building the token's string; a hit is confirmed against the listed word, so
 * a hash collision can never make a word something it is not.
 */
import { fmix, fnvString } from './hash.js';
import { GREETINGS, NOT_NAMES, OTHER_WORDS, RULES, SELF_WORDS } from './lexicons.js';
import { F_HEAD, K_PERCENT, K_PUNCT, K_WORD, NS_WORD, SCAN, headEquals, normEquals } from './tokenize.js';

export const W_SELF = 1;
export const W_OTHER = 2;
export const W_GREETING = 4;
export const W_NOT_NAME = 8;
/** A word's value: W_ flags in the low byte, (start entry + 1) above. */
const ENTRY_SHIFT = 8;

export interface StartEntry {
  /** Indexes into RULES of the rules that can start here. */
  rules: readonly number[];
  /** True when some of them only count at the start of a sentence. */
  anySentenceStart: boolean;
  /**
   * All the rules as one sticky alternation, tested first: at most start tokens no rule
   * matches, and one failed test is far cheaper than one failed test per rule.
   */
  any: RegExp;
  /** The same without the sentence-start rules (null when there are only those). */
  anyMidSentence: RegExp | null;
}

function alternation(rules: readonly number[]): RegExp {
  return new RegExp(rules.map((r) => `(?:${RULES[r]!.pattern})`).join('|'), 'y');
}

const rulesByStart = new Map<string, number[]>();
RULES.forEach((r, i) => {
  for (const key of r.starts.split(' ')) {
    if (!key) continue;
    const list = rulesByStart.get(key);
    if (list) list.push(i);
    else rulesByStart.set(key, [i]);
  }
});

/** Start entries; start words with the same rule list share one. */
export const START_ENTRIES: StartEntry[] = [];
const entryOfKey = new Map<string, number>();
{
  const byList = new Map<string, number>();
  for (const [key, rules] of rulesByStart) {
    const id = rules.join(',');
    let e = byList.get(id);
    if (e === undefined) {
      const mid = rules.filter((r) => RULES[r]!.sentenceStart !== true);
      e = START_ENTRIES.length;
      START_ENTRIES.push({ rules, anySentenceStart: mid.length < rules.length, any: alternation(rules), anyMidSentence: mid.length > 0 ? alternation(mid) : null });
      byList.set(id, e);
    }
    entryOfKey.set(key, e);
  }
}

/** Open addressing over the word hashes; `words` holds each key's word to confirm a hit. */
const words = new Map<string, number>();
const add = (w: string, value: number): void => {
  words.set(w, (words.get(w) ?? 0) | value);
};
for (const w of SELF_WORDS) add(w, W_SELF);
for (const w of OTHER_WORDS) add(w, W_OTHER);
for (const w of GREETINGS) add(w, W_GREETING);
for (const w of NOT_NAMES) add(w, W_NOT_NAME);
for (const [key, e] of entryOfKey) if (key !== '<percent>') add(key, (e + 1) << ENTRY_SHIFT);
const PERCENT_VALUE = entryOfKey.has('<percent>') ? (entryOfKey.get('<percent>')! + 1) << ENTRY_SHIFT : 0;

let size = 16;
while (size < words.size * 4) size *= 2;
const MASK = size - 1;
const KEYS = new Int32Array(size);
const VALUES = new Int32Array(size);
const WORDS: (string | undefined)[] = new Array<string | undefined>(size).fill(undefined);
for (const [w, value] of words) {
  const h = fnvString(w, NS_WORD) | 0;
  let slot = fmix(h) & MASK;
  while (WORDS[slot] !== undefined) slot = (slot + 1) & MASK;
  KEYS[slot] = h;
  VALUES[slot] = value;
  WORDS[slot] = w;
}

/** Value of token `i` by its whole normal form (0 when it is on no list). */
function lookup(text: string, i: number, h: number, head: boolean): number {
  let slot = fmix(h) & MASK;
  for (;;) {
    const w = WORDS[slot];
    if (w === undefined) return 0;
    if (KEYS[slot] === h && (head ? headEquals(text, i, w) : normEquals(text, i, w))) return VALUES[slot]!;
    slot = (slot + 1) & MASK;
  }
}

/** Per token of the last scan: its W_ flags and start entry (LEX), and its head's start entry (HEAD_ENTRY, +1; 0 none). */
export let LEX = new Int32Array(256);
export let HEAD_ENTRY = new Int32Array(256);

/** Looks up every token of the last scan of `text` (fills LEX and HEAD_ENTRY). */
export function lookupWords(text: string): void {
  const n = SCAN.n;
  if (LEX.length < n) {
    LEX = new Int32Array(SCAN.kind.length);
    HEAD_ENTRY = new Int32Array(SCAN.kind.length);
  }
  const kind = SCAN.kind;
  const hash = SCAN.hash;
  const flags = SCAN.flags;
  const lex = LEX;
  const heads = HEAD_ENTRY;
  for (let i = 0; i < n; i++) {
    const k = kind[i]!;
    if (k === K_WORD) {
      lex[i] = lookup(text, i, hash[i]!, false);
      heads[i] = flags[i]! & F_HEAD ? lookup(text, i, SCAN.head[i]!, true) >>> ENTRY_SHIFT : 0;
    } else {
      lex[i] = k === K_PUNCT ? lookup(text, i, hash[i]!, false) : k === K_PERCENT ? PERCENT_VALUE : 0;
      heads[i] = 0;
    }
  }
}

/** The start entry of a LEX value (+1; 0 none). */
export function entryOf(value: number): number {
  return value >>> ENTRY_SHIFT;
}
