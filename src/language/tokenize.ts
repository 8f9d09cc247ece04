/**
 * Social-text tokenizer: one pass of a single precompiled sticky regex. Handles URLs and bare
 * domains, e-mail addresses, @mentions (including Mastodon's @user@instance), #hashtags,
 * prices ($20, £5, 150p, 20 euros), percentages, numbers, emoji and emoticons, words in any
 * script, elongated words ("sooooo") and ALL CAPS.
 */

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

function wordToken(text: string, start: number, end: number): Token {
  // One pass over the char codes decides what work the word needs: most words are plain
  // lower-case ASCII and need no lower-casing, no squeezing and no caps test at all.
  let upper = false;
  let lower = false;
  let other = false;
  let run = 1;
  let elongated = false;
  let prev = -1;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c >= 97 && c <= 122) lower = true;
    else if (c >= 65 && c <= 90) upper = true;
    else if (c >= 128) other = true;
    if (c === prev) {
      if (++run >= 3 && isLetter(c)) elongated = true;
    } else run = 1;
    prev = c;
  }
  return wordTokenOf(text, start, end, upper, lower, other, elongated);
}

/** wordToken's second half, for a word whose case and elongation the scan already found. */
function wordTokenOf(text: string, start: number, end: number, upper: boolean, lower: boolean, other: boolean, elongated: boolean): Token {
  const span = text.slice(start, end);
  if (!upper && !other && !elongated) return { kind: 'word', text: span, norm: span, start, end, caps: false, elongated: false };
  if (other) {
    const { norm, elongated: squeezed } = normalizeWord(span);
    // Only a word that has upper-case letters and no lower-case ones is ALL CAPS.
    const caps = end - start >= 2 && norm !== span && span.toUpperCase() === span && UPPER_RE.test(span);
    return { kind: 'word', text: span, norm, start, end, caps, elongated: squeezed };
  }
  const folded = upper ? span.toLowerCase() : span;
  // Case-insensitive runs ("SOOOo") squeeze too, so elongation is decided on the folded word.
  const { norm, elongated: squeezed } = upper ? squeeze(folded) : elongated ? squeeze(folded) : { norm: folded, elongated: false };
  return { kind: 'word', text: span, norm, start, end, caps: upper && !lower && end - start >= 2, elongated: squeezed };
}

function plain(kind: TokenKind, text: string, start: number, end: number): Token {
  const span = text.slice(start, end);
  return { kind, text: span, norm: span.toLowerCase(), start, end, caps: false, elongated: false };
}

/** Hand-written scanner (a single big Unicode regex was ten times slower). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
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
    if ((c === 104 || c === 72 || c === 119 || c === 87) && (lowerAsciiStartsWith(text, i, 'http://') || lowerAsciiStartsWith(text, i, 'https://') || lowerAsciiStartsWith(text, i, 'www.'))) {
      let j = i;
      while (j < n && !endsUrl(text.charCodeAt(j))) j++;
      const end = trimUrlEnd(text, start, j);
      tokens.push(plain('url', text, start, end));
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
      tokens.push(plain('mention', text, start, trimUrlEnd(text, start, j)));
      i = j;
      continue;
    }

    if (c === 35 /* # */ && i + 1 < n && isWordChar(text.charCodeAt(i + 1))) {
      let j = i + 1;
      while (j < n && isWordChar(text.charCodeAt(j))) j++;
      tokens.push(plain('hashtag', text, start, j));
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
        tokens.push(plain('price', text, start, j));
        i = j;
        continue;
      }
    }

    if (isDigit(c)) {
      // E-mail or bare domain starting with digits ("123reg.co.uk").
      if (isWordChar(prev) === false && prev !== 46 && prev !== 64) {
        const d = scanBareDomain(text, i);
        if (d > 0) {
          tokens.push(plain('url', text, start, trimUrlEnd(text, start, d)));
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
        const suffix = text.slice(j, k).toLowerCase();
        if (CURRENCY_WORDS.has(suffix)) {
          tokens.push(plain('price', text, start, k));
        } else {
          tokens.push(wordToken(text, start, k));
        }
        i = k;
        continue;
      }
      let k = j;
      if (text.charCodeAt(k) === 32) k++;
      if (text.charCodeAt(k) === 37 /* % */) {
        tokens.push(plain('percent', text, start, k + 1));
        i = k + 1;
        continue;
      }
      if (isCurrencySymbol(text.charCodeAt(k))) {
        tokens.push(plain('price', text, start, k + 1));
        i = k + 1;
        continue;
      }
      if (k > j && isAsciiLetter(text.charCodeAt(k))) {
        let e = k;
        while (e < n && isWordChar(text.charCodeAt(e))) e++;
        if (CURRENCY_WORDS.has(text.slice(k, e).toLowerCase()) && text.slice(k, e).toLowerCase() !== 'p') {
          tokens.push(plain('price', text, start, e));
          i = e;
          continue;
        }
      }
      tokens.push(plain('number', text, start, j));
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
      while (j < n) {
        let d = text.charCodeAt(j);
        if (d >= 97 && d <= 122) {
          lower = true;
          if (d === prevCode) {
            if (++run >= 3) elongated = true;
          } else run = 1;
          prevCode = d;
          j++;
          continue;
        }
        if (!isWordChar(d)) {
          if ((d === 39 || d === 8217 || d === 45) && j + 1 < n && isWordChar(text.charCodeAt(j + 1))) {
            // The joiner (never a letter) and the word char after it.
            if (d === 8217) other = true;
            run = d === prevCode ? run + 1 : 1;
            prevCode = d;
            j++;
            d = text.charCodeAt(j);
          } else break;
        }
        if (d >= 65 && d <= 90) upper = true;
        else if (d >= 97 && d <= 122) lower = true;
        else if (d >= 128) other = true;
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
            tokens.push(plain('email', text, start, end));
            i = end;
            continue;
          }
        }
        const d = scanBareDomain(text, i);
        if (d > 0) {
          const end = trimUrlEnd(text, start, d);
          tokens.push(plain('url', text, start, end));
          i = end;
          continue;
        }
      }
      if (!upper && !other && !elongated) {
        const span = text.slice(start, j);
        tokens.push({ kind: 'word', text: span, norm: span, start, end: j, caps: false, elongated: false });
      } else tokens.push(wordTokenOf(text, start, j, upper, lower, other, elongated));
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
      tokens.push(plain('emoji', text, start, j));
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
          tokens.push(plain('emoji', text, start, j + 1));
          i = j + 1;
          continue;
        }
      }
    }
    if (c === 60 && text.charCodeAt(i + 1) === 51) {
      tokens.push(plain('emoji', text, start, i + 2));
      i += 2;
      continue;
    }
    if (c === 94 && (text.charCodeAt(i + 1) === 94 || (text.charCodeAt(i + 1) === 95 && text.charCodeAt(i + 2) === 94))) {
      const end = text.charCodeAt(i + 1) === 94 ? i + 2 : i + 3;
      tokens.push(plain('emoji', text, start, end));
      i = end;
      continue;
    }

    if (c === 33 || c === 63 || c === 46) {
      let j = i + 1;
      while (j < n && (text.charCodeAt(j) === 33 || text.charCodeAt(j) === 63 || text.charCodeAt(j) === 46)) j++;
      tokens.push(plain('punct', text, start, j));
      i = j;
      continue;
    }
    // Any other single character (a lone surrogate pair stays whole).
    const width = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
    tokens.push(plain('punct', text, start, i + width));
    i += width;
  }
  return tokens;
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
