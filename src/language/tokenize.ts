/**
 * Social-text tokenizer: one pass of a single precompiled sticky regex. Handles URLs and bare
 * domains, e-mail addresses, @mentions (including Mastodon's @user@instance), #hashtags,
 * prices ($20, £5, 150p, 20 euros), percentages, numbers, emoji and emoticons, words in any
 * script, elongated words ("sooooo") and ALL CAPS.
 */

import { fnvString } from './hash.js';

export type TokenKind =
  | 'url'
  | 'email'
  | 'mention'
  | 'hashtag'
  | 'price'
  | 'percent'
  | 'number'
  | 'word'
  | 'emoji'
  | 'punct';

export interface Token {
  kind: TokenKind;
  /** The exact span of the original text. */
  text: string;
  /** Lower-cased; elongations squeezed to two letters ("sooooo" → "soo"); ’ → '. */
  norm: string;
  start: number;
  end: number;
  /** Two or more letters, all upper-case. */
  caps: boolean;
  /** Had a run of three or more identical letters. */
  elongated: boolean;
}

const TLDS: ReadonlySet<string> = new Set(
  ('com net org info biz io co ly me uk us ca de fr es it nl be au in ru br jp pl tv fm gl gd app dev shop store blog ' +
    'social online site xyz ai to cc ws tk eu ch at se no dk fi pt ie nz za mx ar cl edu gov').split(' '),
);

const LETTER_RE = /[\p{L}\p{M}]/u;
const UPPER_RE = /\p{Lu}/u;
const PICTO_RE = /\p{Extended_Pictographic}/u;
// Per BMP code unit: 0 not yet known, 1 letter or mark, 2 other.
const letterCache = new Uint8Array(65536);

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isLetter(c: number): boolean {
  if (c < 128) return isAsciiLetter(c);
  let k = letterCache[c]!;
  if (k === 0) {
    k = c >= 0xd800 && c <= 0xdfff ? 2 : LETTER_RE.test(String.fromCharCode(c)) ? 1 : 2;
    letterCache[c] = k;
  }
  return k === 1;
}
function isWordChar(c: number): boolean {
  return isLetter(c) || isDigit(c) || c === 95;
}
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0xfeff || c === 0x200b || (c >= 0x2000 && c <= 0x200a) || c === 0x3000 || c === 12;
}
/** Chars that end a URL. */
function endsUrl(c: number): boolean {
  return isSpace(c) || c === 60 || c === 62 || c === 34 || c === 39 || c === 96;
}
function isEmojiStart(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    const cp = text.codePointAt(i)!;
    if ((cp >= 0x1f000 && cp <= 0x1faff) || PICTO_RE.test(String.fromCodePoint(cp))) return 2;
    return 0;
  }
  if (c === 0xa9 || c === 0xae || c === 0x2122 || (c >= 0x2190 && c <= 0x21ff) || (c >= 0x2300 && c <= 0x23ff) || (c >= 0x2600 && c <= 0x27bf) || (c >= 0x2b00 && c <= 0x2bff) || c === 0x3030 || c === 0x303d || c === 0x2764) return 1;
  return 0;
}

function lowerAsciiStartsWith(text: string, i: number, prefix: string): boolean {
  if (i + prefix.length > text.length) return false;
  for (let k = 0; k < prefix.length; k++) {
    let c = text.charCodeAt(i + k);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== prefix.charCodeAt(k)) return false;
  }
  return true;
}

const CURRENCY_WORDS: ReadonlySet<string> = new Set(['usd', 'eur', 'gbp', 'dollar', 'dollars', 'pound', 'pounds', 'euro', 'euros', 'bucks', 'quid', 'pence', 'p']);

function isCurrencySymbol(c: number): boolean {
  return c === 36 || c === 163 || c === 8364 || c === 165 || c === 8377;
}

/** End of a bare domain (with optional path) starting at `i`, or -1. */
function scanBareDomain(text: string, i: number): number {
  let j = i;
  let labels = 0;
  let lastLabelStart = i;
  for (;;) {
    const labelStart = j;
    while (j < text.length) {
      const c = text.charCodeAt(j);
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || isDigit(c) || c === 45) j++;
      else break;
    }
    if (j === labelStart) return -1;
    labels++;
    lastLabelStart = labelStart;
    if (text.charCodeAt(j) === 46 && j + 1 < text.length && isWordChar(text.charCodeAt(j + 1))) {
      j++;
      continue;
    }
    break;
  }
  if (labels < 2) return -1;
  if (j < text.length && isWordChar(text.charCodeAt(j))) return -1;
  if (!TLDS.has(text.slice(lastLabelStart, j).toLowerCase())) return -1;
  if (text.charCodeAt(j) === 47) while (j < text.length && !endsUrl(text.charCodeAt(j))) j++;
  return j;
}

function trimUrlEnd(text: string, start: number, end: number): number {
  while (end > start) {
    const c = text.charCodeAt(end - 1);
    if (c === 46 || c === 44 || c === 59 || c === 58 || c === 33 || c === 63 || c === 41 || c === 93) end--;
    else break;
  }
  return end;
}

function squeeze(norm: string): { norm: string; elongated: boolean } {
  let run = 1;
  let elongated = false;
  for (let k = 1; k < norm.length; k++) {
    if (norm.charCodeAt(k) === norm.charCodeAt(k - 1) && isLetter(norm.charCodeAt(k))) {
      if (++run >= 3) {
        elongated = true;
        break;
      }
    } else run = 1;
  }
  if (!elongated) return { norm, elongated };
  let out = '';
  run = 0;
  for (let k = 0; k < norm.length; k++) {
    const c = norm.charCodeAt(k);
    run = k > 0 && c === norm.charCodeAt(k - 1) ? run + 1 : 1;
    if (run <= 2 || !isLetter(c)) out += norm[k];
  }
  return { norm: out, elongated };
}

export function normalizeWord(text: string): { norm: string; elongated: boolean } {
  let norm = text.toLowerCase();
  if (norm.includes('’')) norm = norm.replace(/’/g, "'");
  return squeeze(norm);
}

// Token kinds as small integers, in TOKEN_KINDS order.
export const K_URL = 0;
export const K_EMAIL = 1;
export const K_MENTION = 2;
export const K_HASHTAG = 3;
export const K_PRICE = 4;
export const K_PERCENT = 5;
export const K_NUMBER = 6;
export const K_WORD = 7;
export const K_EMOJI = 8;
export const K_PUNCT = 9;
export const TOKEN_KINDS: readonly TokenKind[] = ['url', 'email', 'mention', 'hashtag', 'price', 'percent', 'number', 'word', 'emoji', 'punct'];

/** Token flags. */
export const F_CAPS = 1;
export const F_ELONGATED = 2;
/** The normal form is the span lower-cased, all ASCII: read it from the text, no string needed. */
export const F_ASCII = 4;
/** A word with ' or - inside: `head` is the hash of its normal form up to the first of them. */
export const F_HEAD = 8;

/** Seed of the word hashes (the learned model's unigram namespace). */
export const NS_WORD = fnvString('ns:word');
const SYM_URL = fnvString('<url>');
const SYM_EMAIL = fnvString('<email>');
const SYM_MENTION = fnvString('<mention>');
const SYM_PRICE = fnvString('<price>');
const SYM_PERCENT = fnvString('<percent>');
const SYM_EMOJI = fnvString('<emoji>');
const SYM_NUM = [1, 2, 3, 4, 5, 6, 7].map((n) => fnvString(`<num${n}>`));

/**
 * The scanner's output as parallel typed arrays (struct of arrays), reused from message to
 * message: the analysis hot path reads tokens from here and never builds Token objects or
 * normal-form strings for the plain words that make up nearly all text.
 */
export interface ScanState {
  n: number;
  /** The length of the scanned text. */
  textLength: number;
  kind: Uint8Array;
  flags: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  /**
   * FNV-1a of the normal form seeded with NS_WORD for words, hashtags and punctuation (the
   * word tables look tokens up by it); for the other kinds 0.
   */
  hash: Int32Array;
  /** The learned model's unigram symbol (before the final mix): words by their normal form, the rest by kind. */
  sym: Int32Array;
  /** See F_HEAD. */
  head: Int32Array;
  /** Normal forms computed so far (always for tokens without F_ASCII, once asked for by normOf). */
  norm: (string | undefined)[];
}

function allocate(size: number): ScanState {
  return {
    n: 0,
    textLength: 0,
    kind: new Uint8Array(size),
    flags: new Uint8Array(size),
    start: new Int32Array(size),
    end: new Int32Array(size),
    hash: new Int32Array(size),
    sym: new Int32Array(size),
    head: new Int32Array(size),
    norm: new Array<string | undefined>(size).fill(undefined),
  };
}

export const SCAN: ScanState = allocate(256);

function grow(): void {
  const size = SCAN.kind.length * 2;
  const old = SCAN;
  const next = allocate(size);
  next.kind.set(old.kind);
  next.flags.set(old.flags);
  next.start.set(old.start);
  next.end.set(old.end);
  next.hash.set(old.hash);
  next.sym.set(old.sym);
  next.head.set(old.head);
  for (let i = 0; i < old.n; i++) next.norm[i] = old.norm[i];
  SCAN.kind = next.kind;
  SCAN.flags = next.flags;
  SCAN.start = next.start;
  SCAN.end = next.end;
  SCAN.hash = next.hash;
  SCAN.sym = next.sym;
  SCAN.head = next.head;
  SCAN.norm = next.norm;
}

function slot(kind: number, start: number, end: number): number {
  const i = SCAN.n;
  if (i === SCAN.kind.length) grow();
  SCAN.n = i + 1;
  SCAN.kind[i] = kind;
  SCAN.start[i] = start;
  SCAN.end[i] = end;
  SCAN.head[i] = 0;
  return i;
}

/** FNV-1a of `s[from, to)`. */
function fnvRange(s: string, from: number, to: number, seed: number): number {
  let h = seed;
  for (let k = from; k < to; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  return h;
}

/** A token other than a word: its normal form is its span lower-cased. */
function emit(kind: number, text: string, start: number, end: number): void {
  const i = slot(kind, start, end);
  let ascii = true;
  let h = NS_WORD;
  let h2 = NS_WORD;
  for (let k = start; k < end; k++) {
    let c = text.charCodeAt(k);
    if (c >= 128) {
      ascii = false;
      break;
    }
    if (c >= 65 && c <= 90) c |= 32;
    h = Math.imul(h ^ c, 0x01000193);
    if (k - start < 2) h2 = h;
  }
  let norm: string | undefined;
  if (!ascii) {
    norm = text.slice(start, end).toLowerCase();
    h = fnvRange(norm, 0, norm.length, NS_WORD);
    h2 = fnvRange(norm, 0, Math.min(norm.length, 2), NS_WORD);
  }
  SCAN.norm[i] = norm;
  SCAN.flags[i] = ascii ? F_ASCII : 0;
  SCAN.hash[i] = kind === K_HASHTAG || kind === K_PUNCT ? h : 0;
  let sym: number;
  switch (kind) {
    case K_HASHTAG:
      sym = h;
      break;
    case K_URL:
      sym = SYM_URL;
      break;
    case K_EMAIL:
      sym = SYM_EMAIL;
      break;
    case K_MENTION:
      sym = SYM_MENTION;
      break;
    case K_PRICE:
      sym = SYM_PRICE;
      break;
    case K_PERCENT:
      sym = SYM_PERCENT;
      break;
    case K_EMOJI:
      sym = SYM_EMOJI;
      break;
    case K_NUMBER: {
      let digits = 0;
      for (let k = start; k < end; k++) {
        const c = text.charCodeAt(k);
        if (c >= 48 && c <= 57) digits++;
      }
      sym = SYM_NUM[Math.min(digits, 7) - 1] ?? SYM_NUM[0]!;
      break;
    }
    default:
      // Punctuation: "!!!!!" and "!!" are the same signal; at most two chars count.
      sym = h2;
  }
  SCAN.sym[i] = sym;
}

/**
 * A word whose case, script and (case-sensitive) elongation the scan already found. Plain ASCII
 * words are hashed as they are read, lower-cased on the fly; the rest get a normal-form string.
 */
function emitWord(text: string, start: number, end: number, upper: boolean, lower: boolean, other: boolean): void {
  const i = slot(K_WORD, start, end);
  if (!other) {
    let h = NS_WORD;
    let head = 0;
    let hasHead = false;
    let prev = -1;
    let run = 1;
    let squeezed = false;
    for (let k = start; k < end; k++) {
      let c = text.charCodeAt(k);
      if (c >= 65 && c <= 90) c |= 32;
      if (c === prev && c >= 97 && c <= 122) {
        if (++run >= 3) squeezed = true;
      } else run = 1;
      prev = c;
      if ((c === 39 || c === 45) && !hasHead) {
        hasHead = true;
        head = h;
      }
      h = Math.imul(h ^ c, 0x01000193);
    }
    if (!squeezed) {
      SCAN.norm[i] = undefined;
      SCAN.hash[i] = h;
      SCAN.sym[i] = h;
      SCAN.head[i] = head;
      SCAN.flags[i] = F_ASCII | (upper && !lower && end - start >= 2 ? F_CAPS : 0) | (hasHead && end - start > 2 ? F_HEAD : 0);
      return;
    }
  }
  // Non-ASCII letters, curly apostrophes or an elongated word: normalise through a string.
  const span = text.slice(start, end);
  let norm: string;
  let caps: boolean;
  let squeezed: boolean;
  if (other) {
    const w = normalizeWord(span);
    norm = w.norm;
    squeezed = w.elongated;
    // Only a word that has upper-case letters and no lower-case ones is ALL CAPS.
    caps = end - start >= 2 && norm !== span && span.toUpperCase() === span && UPPER_RE.test(span);
  } else {
    // Case-insensitive runs ("SOOOo") squeeze too, so elongation is decided on the folded word.
    const w = squeeze(upper ? span.toLowerCase() : span);
    norm = w.norm;
    squeezed = w.elongated;
    caps = upper && !lower && end - start >= 2;
  }
  const h = fnvRange(norm, 0, norm.length, NS_WORD);
  SCAN.norm[i] = norm;
  SCAN.hash[i] = h;
  SCAN.sym[i] = h;
  let flags = (caps ? F_CAPS : 0) | (squeezed ? F_ELONGATED : 0);
  if (end - start > 2) {
    let cut = -1;
    for (let k = 1; k < norm.length; k++) {
      const c = norm.charCodeAt(k);
      if (c === 39 || c === 45) {
        cut = k;
        break;
      }
    }
    if (cut > 0) {
      flags |= F_HEAD;
      SCAN.head[i] = fnvRange(norm, 0, cut, NS_WORD);
    }
  }
  SCAN.flags[i] = flags;
}

/** A word that starts with digits ("4u", "2nd", "20k"). */
function emitDigitWord(text: string, start: number, end: number): void {
  let upper = false;
  let lower = false;
  let other = false;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c >= 97 && c <= 122) lower = true;
    else if (c >= 65 && c <= 90) upper = true;
    else if (c >= 128) other = true;
  }
  emitWord(text, start, end, upper, lower, other);
}

/** `text[start, end)` lower-cased is one of CURRENCY_WORDS (`p` only when `allowP`). */
function isCurrencyWord(text: string, start: number, end: number, allowP: boolean): boolean {
  const len = end - start;
  if (len === 1) return allowP && (text.charCodeAt(start) | 32) === 112;
  if (len > 7) return false;
  outer: for (const w of CURRENCY_WORDS) {
    if (w.length !== len) continue;
    for (let k = 0; k < len; k++) {
      const c = text.charCodeAt(start + k);
      if ((c >= 65 && c <= 90 ? c | 32 : c) !== w.charCodeAt(k)) continue outer;
    }
    return true;
  }
  return false;
}

/** The normal form of token `i` of the last scan of `text`. */
export function normOf(text: string, i: number): string {
  let norm = SCAN.norm[i];
  if (norm === undefined) {
    norm = text.slice(SCAN.start[i]!, SCAN.end[i]!);
    if (SCAN.flags[i]! & F_CAPS || hasAsciiUpper(norm)) norm = norm.toLowerCase();
    SCAN.norm[i] = norm;
  }
  return norm;
}

function hasAsciiUpper(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c >= 65 && c <= 90) return true;
  }
  return false;
}

/** Token `i`'s normal form equals `s` (which is already a normal form). */
export function normEquals(text: string, i: number, s: string): boolean {
  if (!(SCAN.flags[i]! & F_ASCII)) return normOf(text, i) === s;
  const start = SCAN.start[i]!;
  if (SCAN.end[i]! - start !== s.length) return false;
  for (let k = 0; k < s.length; k++) {
    let c = text.charCodeAt(start + k);
    if (c >= 65 && c <= 90) c |= 32;
    if (c !== s.charCodeAt(k)) return false;
  }
  return true;
}

/** Token `i`'s normal form starts with `s` followed by ' or - (the part F_HEAD hashes). */
export function headEquals(text: string, i: number, s: string): boolean {
  const norm = SCAN.flags[i]! & F_ASCII ? undefined : normOf(text, i);
  const start = SCAN.start[i]!;
  const len = norm === undefined ? SCAN.end[i]! - start : norm.length;
  if (len <= s.length) return false;
  for (let k = 0; k <= s.length; k++) {
    let c = norm === undefined ? text.charCodeAt(start + k) : norm.charCodeAt(k);
    if (c >= 65 && c <= 90 && norm === undefined) c |= 32;
    if (k === s.length) return c === 39 || c === 45;
    if (c !== s.charCodeAt(k)) return false;
  }
  return false;
}

/** The scanned tokens as objects. */
function tokensOf(text: string): Token[] {
  const n = SCAN.n;
  const out: Token[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const start = SCAN.start[i]!;
    const end = SCAN.end[i]!;
    const span = text.slice(start, end);
    const flags = SCAN.flags[i]!;
    out[i] = {
      kind: TOKEN_KINDS[SCAN.kind[i]!]!,
      text: span,
      norm: SCAN.norm[i] ?? (flags & F_ASCII ? span.toLowerCase() : span),
      start,
      end,
      caps: (flags & F_CAPS) !== 0,
      elongated: (flags & F_ELONGATED) !== 0,
    };
  }
  return out;
}

/** The tokens of `text`, as objects (see `scan` for the allocation-free form). */
export function tokenize(text: string): Token[] {
  scan(text);
  return tokensOf(text);
}

/**
 * Hand-written scanner (a single big Unicode regex was ten times slower). Fills SCAN and returns
 * the number of tokens; valid until the next call.
 */
export function scan(text: string): number {
  SCAN.n = 0;
  const n = text.length;
  SCAN.textLength = n;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    const start = i;
    const prev = i > 0 ? text.charCodeAt(i - 1) : 32;

    // URLs with a scheme or www.
    if ((((c | 32) === 104 && (text.charCodeAt(i + 1) | 32) === 116) || ((c | 32) === 119 && (text.charCodeAt(i + 1) | 32) === 119)) && (lowerAsciiStartsWith(text, i, 'http://') || lowerAsciiStartsWith(text, i, 'https://') || lowerAsciiStartsWith(text, i, 'www.'))) {
      let j = i;
      while (j < n && !endsUrl(text.charCodeAt(j))) j++;
      const end = trimUrlEnd(text, start, j);
      emit(K_URL, text, start, end);
      i = end;
      continue;
    }

    if (c === 64 /* @ */ && i + 1 < n && isWordChar(text.charCodeAt(i + 1))) {
      let j = i + 1;
      while (j < n && (isWordChar(text.charCodeAt(j)) || (text.charCodeAt(j) === 46 && j + 1 < n && isWordChar(text.charCodeAt(j + 1))))) j++;
      // Mastodon: @user@instance.social
      if (text.charCodeAt(j) === 64) {
        const d = scanBareDomain(text, j + 1);
        if (d > 0) j = d;
      }
      emit(K_MENTION, text, start, trimUrlEnd(text, start, j));
      i = j;
      continue;
    }

    if (c === 35 /* # */ && i + 1 < n && isWordChar(text.charCodeAt(i + 1))) {
      let j = i + 1;
      while (j < n && isWordChar(text.charCodeAt(j))) j++;
      emit(K_HASHTAG, text, start, j);
      i = j;
      continue;
    }

    if (isCurrencySymbol(c)) {
      let j = i + 1;
      if (text.charCodeAt(j) === 32) j++;
      if (isDigit(text.charCodeAt(j))) {
        while (j < n && (isDigit(text.charCodeAt(j)) || ((text.charCodeAt(j) === 44 || text.charCodeAt(j) === 46) && isDigit(text.charCodeAt(j + 1))))) j++;
        const k = text.charCodeAt(j) | 32;
        if ((k === 107 || k === 109) && !isWordChar(text.charCodeAt(j + 1))) j++;
        emit(K_PRICE, text, start, j);
        i = j;
        continue;
      }
    }

    if (isDigit(c)) {
      // E-mail or bare domain starting with digits ("123reg.co.uk").
      if (isWordChar(prev) === false && prev !== 46 && prev !== 64) {
        const d = scanBareDomain(text, i);
        if (d > 0) {
          emit(K_URL, text, start, trimUrlEnd(text, start, d));
          i = d;
          continue;
        }
      }
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (isDigit(d)) j++;
        else if ((d === 44 || d === 46 || d === 58 || d === 47) && isDigit(text.charCodeAt(j + 1))) j += 2;
        else break;
      }
      if (j < n && isLetter(text.charCodeAt(j))) {
        // "4u", "2nd", "150p" (a price), "20k"
        let k = j;
        while (k < n && isWordChar(text.charCodeAt(k))) k++;
        if (isCurrencyWord(text, j, k, true)) {
          emit(K_PRICE, text, start, k);
        } else {
          emitDigitWord(text, start, k);
        }
        i = k;
        continue;
      }
      let k = j;
      if (text.charCodeAt(k) === 32) k++;
      if (text.charCodeAt(k) === 37 /* % */) {
        emit(K_PERCENT, text, start, k + 1);
        i = k + 1;
        continue;
      }
      if (isCurrencySymbol(text.charCodeAt(k))) {
        emit(K_PRICE, text, start, k + 1);
        i = k + 1;
        continue;
      }
      if (k > j && isAsciiLetter(text.charCodeAt(k))) {
        let e = k;
        while (e < n && isWordChar(text.charCodeAt(e))) e++;
        if (isCurrencyWord(text, k, e, false)) {
          emit(K_PRICE, text, start, e);
          i = e;
          continue;
        }
      }
      emit(K_NUMBER, text, start, j);
      i = j;
      continue;
    }

    if (isLetter(c)) {
      // One pass finds the end of the word and what work it needs (see wordToken): most words are
      // plain lower-case ASCII and need no lower-casing, squeezing or caps test.
      let j = i + 1;
      let upper = c >= 65 && c <= 90;
      let lower = c >= 97 && c <= 122;
      let other = c >= 128;
      let elongated = false;
      let run = 1;
      let prevCode = c;
      // The word's hash as it is read (emitWord keeps it for plain lower-case words), and its
      // hash before the first ' or - (for rules that start with "here" in "here's").
      let h = Math.imul(NS_WORD ^ (upper ? c | 32 : c), 0x01000193);
      let head = 0;
      let hasHead = false;
      while (j < n) {
        let d = text.charCodeAt(j);
        if (d >= 97 && d <= 122) {
          lower = true;
          if (d === prevCode) {
            if (++run >= 3) elongated = true;
          } else run = 1;
          prevCode = d;
          h = Math.imul(h ^ d, 0x01000193);
          j++;
          continue;
        }
        if (!isWordChar(d)) {
          if ((d === 39 || d === 8217 || d === 45) && j + 1 < n && isWordChar(text.charCodeAt(j + 1))) {
            // The joiner (never a letter) and the word char after it.
            if (d === 8217) other = true;
            if (!hasHead) {
              hasHead = true;
              head = h;
            }
            h = Math.imul(h ^ d, 0x01000193);
            run = d === prevCode ? run + 1 : 1;
            prevCode = d;
            j++;
            d = text.charCodeAt(j);
          } else break;
        }
        if (d >= 65 && d <= 90) upper = true;
        else if (d >= 97 && d <= 122) lower = true;
        else if (d >= 128) other = true;
        h = Math.imul(h ^ (d >= 65 && d <= 90 ? d | 32 : d), 0x01000193);
        if (d === prevCode) {
          if (++run >= 3 && isLetter(d)) elongated = true;
        } else run = 1;
        prevCode = d;
        j++;
      }
      // Only a word followed by . @ % or + can be the start of an e-mail address or a domain:
      // checking that first spares the two scans below for nearly every word.
      const after = text.charCodeAt(j);
      if ((after === 46 || after === 64 || after === 37 || after === 43) && c < 128 && prev !== 46 && prev !== 64 && !isWordChar(prev)) {
        // E-mail: local part, @, domain with a dot.
        let local = i;
        while (local < n) {
          const d = text.charCodeAt(local);
          if (isAsciiLetter(d) || isDigit(d) || d === 46 || d === 95 || d === 37 || d === 43 || d === 45) local++;
          else break;
        }
        if (text.charCodeAt(local) === 64 && local > i) {
          const d = scanBareDomain(text, local + 1);
          if (d > 0) {
            const end = trimUrlEnd(text, start, d);
            emit(K_EMAIL, text, start, end);
            i = end;
            continue;
          }
        }
        const d = scanBareDomain(text, i);
        if (d > 0) {
          const end = trimUrlEnd(text, start, d);
          emit(K_URL, text, start, end);
          i = end;
          continue;
        }
      }
      if (!upper && !other && !elongated) {
        // A plain lower-case ASCII word, hashed already: nearly every word of every message.
        const t = slot(K_WORD, start, j);
        SCAN.norm[t] = undefined;
        SCAN.hash[t] = h;
        SCAN.sym[t] = h;
        SCAN.head[t] = head;
        SCAN.flags[t] = hasHead && j - start > 2 ? F_ASCII | F_HEAD : F_ASCII;
      } else emitWord(text, start, j, upper, lower, other);
      i = j;
      continue;
    }

    const emoji = isEmojiStart(text, i);
    if (emoji > 0) {
      let j = i + emoji;
      for (;;) {
        const d = text.charCodeAt(j);
        if (d === 0xfe0f) j++;
        else if (d === 0xd83c && text.charCodeAt(j + 1) >= 0xdffb && text.charCodeAt(j + 1) <= 0xdfff) j += 2;
        else if (d === 0x200d && isEmojiStart(text, j + 1) > 0) j += 1 + isEmojiStart(text, j + 1);
        else if (d === 0xd83c && text.charCodeAt(j + 1) >= 0xdde6 && text.charCodeAt(j + 1) <= 0xddff && emoji === 2) j += 2;
        else break;
      }
      emit(K_EMOJI, text, start, j);
      i = j;
      continue;
    }

    // Emoticons: :) ;-) :D =( <3 ^_^
    if (c === 58 || c === 59 || c === 61) {
      let j = i + 1;
      if (text.charCodeAt(j) === 45 || text.charCodeAt(j) === 39) j++;
      const d = text.charCodeAt(j);
      if (d === 41 || d === 40 || d === 68 || d === 80 || d === 112 || d === 47 || d === 92 || d === 124 || d === 42 || d === 51 || d === 93 || d === 91) {
        if (!(d === 47 && text.charCodeAt(j + 1) === 47)) {
          emit(K_EMOJI, text, start, j + 1);
          i = j + 1;
          continue;
        }
      }
    }
    if (c === 60 && text.charCodeAt(i + 1) === 51) {
      emit(K_EMOJI, text, start, i + 2);
      i += 2;
      continue;
    }
    if (c === 94 && (text.charCodeAt(i + 1) === 94 || (text.charCodeAt(i + 1) === 95 && text.charCodeAt(i + 2) === 94))) {
      const end = text.charCodeAt(i + 1) === 94 ? i + 2 : i + 3;
      emit(K_EMOJI, text, start, end);
      i = end;
      continue;
    }

    if (c === 33 || c === 63 || c === 46) {
      let j = i + 1;
      while (j < n && (text.charCodeAt(j) === 33 || text.charCodeAt(j) === 63 || text.charCodeAt(j) === 46)) j++;
      emit(K_PUNCT, text, start, j);
      i = j;
      continue;
    }
    // Any other single character (a lone surrogate pair stays whole).
    const width = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
    emit(K_PUNCT, text, start, i + width);
    i += width;
  }
  return SCAN.n;
}

/** Lower-case host of a URL or bare domain, without `www.` and port. */
export function domainOf(url: string): string {
  let s = url.toLowerCase();
  const scheme = s.indexOf('://');
  if (scheme >= 0) s = s.slice(scheme + 3);
  let end = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 47 /* / */ || c === 58 /* : */ || c === 63 /* ? */ || c === 35 /* # */) {
      end = i;
      break;
    }
  }
  while (end > 0 && s.charCodeAt(end - 1) === 46) end--;
  const start = s.startsWith('www.') ? 4 : 0;
  return start === 0 && end === s.length ? s : s.slice(start, Math.max(start, end));
}
