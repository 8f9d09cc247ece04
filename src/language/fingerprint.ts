/**
 * Template fingerprints: the same greeting pasted to twenty people with the name changed should
 * look the same. Messages are reduced to a skeleton (names after greetings, capitalised words
 * inside sentences, handles, links and numbers become placeholders; case, punctuation and emoji go),
 * then hashed (exact fingerprint) or shingled and MinHashed (near-duplicate groups).
 */
import { FNV_OFFSET, fmix, fnvStep, fnvString } from './hash.js';
import { GREETINGS, NOT_NAMES } from './lexicons.js';
import { F_ASCII, F_CAPS, K_EMAIL, K_HASHTAG, K_MENTION, K_NUMBER, K_PERCENT, K_PRICE, K_PUNCT, K_URL, K_WORD, normOf, SCAN, tokenize, type Token } from './tokenize.js';
import { LEX, W_GREETING, W_NOT_NAME } from './word-index.js';

const UPPER_FIRST_RE = /^\p{Lu}/u;

/** The skeleton of a message: one symbol per kept token. */
export function templateSkeleton(text: string, extraNames?: ReadonlySet<string>, tokens: readonly Token[] = tokenize(text)): string[] {
  const out: string[] = [];
  let sentenceStart = true;
  let afterGreeting = false;
  for (const t of tokens) {
    switch (t.kind) {
      case 'url':
        out.push('<url>');
        break;
      case 'email':
        out.push('<email>');
        break;
      case 'mention':
        out.push('<mention>');
        break;
      case 'number':
      case 'price':
      case 'percent':
        out.push('<num>');
        break;
      case 'hashtag':
        out.push(t.norm);
        break;
      case 'word': {
        const name =
          (afterGreeting && !NOT_NAMES.has(t.norm)) ||
          (extraNames !== undefined && extraNames.has(t.norm)) ||
          (!sentenceStart && !t.caps && UPPER_FIRST_RE.test(t.text) && t.norm !== 'i' && !t.norm.startsWith("i'"));
        out.push(name ? '<name>' : t.norm);
        afterGreeting = GREETINGS.has(t.norm);
        sentenceStart = false;
        continue;
      }
      case 'punct':
        if (t.norm.includes('.') || t.norm.includes('!') || t.norm.includes('?')) sentenceStart = true;
        // A comma keeps "Hi, Ana" a greeting.
        if (t.norm === ',') continue;
        break;
      default:
        break;
    }
    afterGreeting = false;
  }
  return out;
}

function hex8(h: number): string {
  return (h >>> 0).toString(16).padStart(8, '0');
}

const HEX_CODES = Uint8Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

/** hex8(a) + hex8(b) as one string built from char codes (no intermediate strings). */
function hex16(a: number, b: number): string {
  const x = HEX_CODES;
  return String.fromCharCode(
    x[(a >>> 28) & 15]!, x[(a >>> 24) & 15]!, x[(a >>> 20) & 15]!, x[(a >>> 16) & 15]!, x[(a >>> 12) & 15]!, x[(a >>> 8) & 15]!, x[(a >>> 4) & 15]!, x[a & 15]!,
    x[(b >>> 28) & 15]!, x[(b >>> 24) & 15]!, x[(b >>> 20) & 15]!, x[(b >>> 16) & 15]!, x[(b >>> 12) & 15]!, x[(b >>> 8) & 15]!, x[(b >>> 4) & 15]!, x[b & 15]!,
  );
}

/** Folds one skeleton symbol into the two running hashes (a and b live in `state`). */
function hashSymbol(state: Uint32Array, s: string): void {
  let a = state[0]!;
  let b = state[1]!;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = fnvStep(a, c);
    b = fnvStep(b, c);
  }
  state[0] = fnvStep(a, 32);
  state[1] = fnvStep(b, 31);
}

const STATE = new Uint32Array(2);

function startsUpper(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER_FIRST_RE.test(s);
}

/**
 * 16 hex chars; equal for messages that differ only by names, handles, links, numbers, case or
 * punctuation. The hash of `templateSkeleton`, computed as the tokens stream past (no skeleton
 * array, no regex for ASCII words): analyzeMessage computes it for every message.
 */
export function templateFingerprint(text: string, tokens: readonly Token[] = tokenize(text)): string {
  const state = STATE;
  state[0] = FNV_OFFSET;
  state[1] = 0x9747b28c;
  let length = 0;
  let sentenceStart = true;
  let afterGreeting = false;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    switch (t.kind) {
      case 'url':
        hashSymbol(state, '<url>');
        length++;
        break;
      case 'email':
        hashSymbol(state, '<email>');
        length++;
        break;
      case 'mention':
        hashSymbol(state, '<mention>');
        length++;
        break;
      case 'number':
      case 'price':
      case 'percent':
        hashSymbol(state, '<num>');
        length++;
        break;
      case 'hashtag':
        hashSymbol(state, t.norm);
        length++;
        break;
      case 'word': {
        const name =
          (afterGreeting && !NOT_NAMES.has(t.norm)) ||
          (!sentenceStart && !t.caps && startsUpper(t.text) && t.norm !== 'i' && !t.norm.startsWith("i'"));
        hashSymbol(state, name ? '<name>' : t.norm);
        length++;
        afterGreeting = GREETINGS.has(t.norm);
        sentenceStart = false;
        continue;
      }
      case 'punct': {
        const n = t.norm;
        if (n.length === 1) {
          const c = n.charCodeAt(0);
          if (c === 46 || c === 33 || c === 63) sentenceStart = true;
          else if (c === 44) continue;
        } else if (n.includes('.') || n.includes('!') || n.includes('?')) sentenceStart = true;
        break;
      }
      default:
        break;
    }
    afterGreeting = false;
  }
  return hex16(fmix(state[0]!), fmix(state[1]! ^ length));
}

const UPPER_AT_RE = /\p{Lu}/uy;

/** The normal form of token `i` is "i" or starts with "i'". */
function isPronounI(text: string, i: number): boolean {
  if (!(SCAN.flags[i]! & F_ASCII)) {
    const norm = normOf(text, i);
    return norm === 'i' || norm.startsWith("i'");
  }
  const start = SCAN.start[i]!;
  if ((text.charCodeAt(start) | 32) !== 105) return false;
  return SCAN.end[i]! - start === 1 || text.charCodeAt(start + 1) === 39;
}

/** The two running hashes of fingerprintScanned (module locals: no state array to load and store). */
let fa = 0;
let fb = 0;

/** hashSymbol on fa and fb. */
function mixSymbol(s: string): void {
  let a = fa;
  let b = fb;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
  fa = Math.imul(a ^ 32, 0x01000193);
  fb = Math.imul(b ^ 31, 0x01000193);
}

/** mixSymbol over `text[start, end)` lower-cased (ASCII). */
function mixLowerRange(text: string, start: number, end: number): void {
  let a = fa;
  let b = fb;
  for (let k = start; k < end; k++) {
    let c = text.charCodeAt(k);
    if (c >= 65 && c <= 90) c |= 32;
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
  fa = Math.imul(a ^ 32, 0x01000193);
  fb = Math.imul(b ^ 31, 0x01000193);
}

/** Token `k` of the last scan hashed as its normal form. */
function mixNorm(text: string, k: number): void {
  if (SCAN.flags[k]! & F_ASCII) mixLowerRange(text, SCAN.start[k]!, SCAN.end[k]!);
  else mixSymbol(normOf(text, k));
}

/**
 * templateFingerprint of the last scanned message (tokenize.ts `scan`, then word-index.ts
 * `lookupWords`): the same value, read from the scan's arrays without token objects or strings.
 * The running hashes hold the same bits as the state array of templateFingerprint.
 */
export function fingerprintScanned(text: string): string {
  fa = FNV_OFFSET | 0;
  fb = 0x9747b28c | 0;
  const n = SCAN.n;
  const kind = SCAN.kind;
  const flags = SCAN.flags;
  const starts = SCAN.start;
  const ends = SCAN.end;
  const words = LEX;
  let length = 0;
  let sentenceStart = true;
  let afterGreeting = false;
  for (let k = 0; k < n; k++) {
    switch (kind[k]) {
      case K_URL:
        mixSymbol('<url>');
        length++;
        break;
      case K_EMAIL:
        mixSymbol('<email>');
        length++;
        break;
      case K_MENTION:
        mixSymbol('<mention>');
        length++;
        break;
      case K_NUMBER:
      case K_PRICE:
      case K_PERCENT:
        mixSymbol('<num>');
        length++;
        break;
      case K_HASHTAG:
        mixNorm(text, k);
        length++;
        break;
      case K_WORD: {
        const lex = words[k]!;
        let name = afterGreeting && (lex & W_NOT_NAME) === 0;
        if (!name && !sentenceStart && !(flags[k]! & F_CAPS)) {
          const start = starts[k]!;
          const c = text.charCodeAt(start);
          let upper: boolean;
          if (c < 128) upper = c >= 65 && c <= 90;
          else {
            UPPER_AT_RE.lastIndex = start;
            upper = UPPER_AT_RE.test(text);
          }
          name = upper && !isPronounI(text, k);
        }
        if (name) mixSymbol('<name>');
        else mixNorm(text, k);
        length++;
        afterGreeting = (lex & W_GREETING) !== 0;
        sentenceStart = false;
        continue;
      }
      case K_PUNCT: {
        const start = starts[k]!;
        const end = ends[k]!;
        if (end - start === 1) {
          const c = text.charCodeAt(start);
          if (c === 46 || c === 33 || c === 63) sentenceStart = true;
          else if (c === 44) continue;
        } else {
          for (let j = start; j < end; j++) {
            const c = text.charCodeAt(j);
            if (c === 46 || c === 33 || c === 63) {
              sentenceStart = true;
              break;
            }
          }
        }
        break;
      }
      default:
        break;
    }
    afterGreeting = false;
  }
  return hex16(fmix(fa), fmix(fb ^ length));
}

/** The fingerprint as first written: the hash of the skeleton array (kept to test the streaming one against). */
export function templateFingerprintOfSkeleton(text: string, tokens?: readonly Token[]): string {
  const skeleton = templateSkeleton(text, undefined, tokens);
  let a = FNV_OFFSET;
  let b = 0x9747b28c;
  for (const s of skeleton) {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = fnvStep(a, c);
      b = fnvStep(b, c);
    }
    a = fnvStep(a, 32);
    b = fnvStep(b, 31);
  }
  return hex8(fmix(a)) + hex8(fmix(b ^ skeleton.length));
}

export interface TemplateMessage {
  id: string;
  text: string;
  recipient: string;
}

export interface TemplateGroup {
  fingerprint: string;
  /** Messages in the group. */
  count: number;
  /** Distinct recipients the template reached. */
  recipients: number;
  /** The first message of the group, in input order. */
  example: string;
  ids: string[];
}

export interface GroupOptions {
  /** Minimum estimated Jaccard similarity of word shingles to join two messages. Default 0.7. */
  similarity?: number;
  /** Groups reaching fewer distinct recipients are dropped. Default 2. */
  minRecipients?: number;
  /** Words per shingle. Default 2. */
  shingleSize?: number;
}

const NUM_HASHES = 64;
const BAND_ROWS = 4;
const HASH_SEEDS = Array.from({ length: NUM_HASHES }, (_, i) => fmix(0x2545f491 + i * 0x9e3779b9));

function shingles(skeleton: readonly string[], k: number): Uint32Array {
  const ids = skeleton.map((s) => fnvString(s));
  const set = new Set<number>();
  if (ids.length <= k) {
    let h = FNV_OFFSET;
    for (const id of ids) h = fnvStep(h, id);
    set.add(fmix(h));
  } else {
    for (let i = 0; i + k <= ids.length; i++) {
      let h = FNV_OFFSET;
      for (let j = 0; j < k; j++) h = fnvStep(h, ids[i + j]!);
      set.add(fmix(h));
    }
  }
  return Uint32Array.from([...set].sort((x, y) => x - y));
}

function jaccard(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let inter = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! === b[j]!) {
      inter++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  const union = a.length + b.length - inter;
  return union === 0 ? 1 : inter / union;
}

function normalizeRecipient(r: string): string {
  return r.trim().replace(/^@/, '').toLowerCase();
}

/** Groups near-identical messages (MinHash with banded LSH, confirmed by exact Jaccard). */
export function groupTemplates(messages: readonly TemplateMessage[], opts: GroupOptions = {}): TemplateGroup[] {
  const similarity = opts.similarity ?? 0.7;
  const minRecipients = opts.minRecipients ?? 2;
  const k = opts.shingleSize ?? 2;
  const sets: Uint32Array[] = [];
  const fingerprints: string[] = [];
  for (const m of messages) {
    // The recipient's own handle, as a word in the text, is a name too.
    const handle = normalizeRecipient(m.recipient).split('@')[0] ?? '';
    const extra = handle ? new Set([handle]) : undefined;
    const tokens = tokenize(m.text);
    const skeleton = templateSkeleton(m.text, extra, tokens);
    sets.push(shingles(skeleton, k));
    fingerprints.push(templateFingerprint(m.text, tokens));
  }

  const parent = messages.map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };

  const buckets = new Map<string, number[]>();
  sets.forEach((set, i) => {
    const sig = new Uint32Array(NUM_HASHES).fill(0xffffffff);
    for (const x of set) {
      for (let h = 0; h < NUM_HASHES; h++) {
        const v = fmix(x ^ HASH_SEEDS[h]!);
        if (v < sig[h]!) sig[h] = v;
      }
    }
    for (let band = 0; band * BAND_ROWS < NUM_HASHES; band++) {
      let key = `${band}:`;
      for (let r = 0; r < BAND_ROWS; r++) key += sig[band * BAND_ROWS + r]!.toString(36) + ',';
      const list = buckets.get(key);
      if (list) list.push(i);
      else buckets.set(key, [i]);
    }
    const fp = `fp:${fingerprints[i]}`;
    const same = buckets.get(fp);
    if (same) union(same[0]!, i);
    else buckets.set(fp, [i]);
  });
  for (const [key, list] of buckets) {
    if (key.startsWith('fp:')) continue;
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const x = list[a]!;
        const y = list[b]!;
        if (find(x) !== find(y) && jaccard(sets[x]!, sets[y]!) >= similarity) union(x, y);
      }
    }
  }

  const members = new Map<number, number[]>();
  messages.forEach((_, i) => {
    const root = find(i);
    const list = members.get(root);
    if (list) list.push(i);
    else members.set(root, [i]);
  });
  const groups: { group: TemplateGroup; first: number }[] = [];
  for (const [root, list] of members) {
    if (list.length < 2) continue;
    const recipients = new Set(list.map((i) => normalizeRecipient(messages[i]!.recipient))).size;
    if (recipients < minRecipients) continue;
    groups.push({
      first: root,
      group: {
        fingerprint: fingerprints[root]!,
        count: list.length,
        recipients,
        example: messages[root]!.text,
        ids: list.map((i) => messages[i]!.id),
      },
    });
  }
  groups.sort((a, b) => b.group.recipients - a.group.recipients || b.group.count - a.group.count || a.first - b.first);
  return groups.map((g) => g.group);
}
