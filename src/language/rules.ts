/**
 * Runs the phrase rules of lexicons.ts. A rule is only tried where it can begin: at the tokens
 * listed in its `starts`, anchored (sticky regex) on the lower-cased text. A message therefore
 * costs a handful of anchored attempts instead of one scan per rule, and the regexes need neither
 * the `i` nor the `u` flag (both make V8's regex engine much slower).
 */
import { RULES, SELF_CONTENT_RE, type RuleDef } from './lexicons.js';
import { fnvString } from './hash.js';
import { K_EMOJI, K_PUNCT, SCAN } from './tokenize.js';
import { entryOf, HEAD_ENTRY, LEX, START_ENTRIES, type StartEntry } from './word-index.js';

export interface RuleHit {
  rule: RuleDef;
  /** Index of the rule in RULES (a stable small integer, used as a model feature). */
  index: number;
  /** The matched span, cut from the original text. */
  span: string;
  start: number;
}

const STICKY: readonly RegExp[] = RULES.map((r) => new RegExp(r.pattern, 'y'));
const GLOBAL: readonly RegExp[] = RULES.map((r) => new RegExp(r.pattern, 'g'));

/** Feature hash of each rule, so the learned model can weigh the rules. */
export const RULE_FEATURE_HASHES: readonly number[] = RULES.map((r) => fnvString('rule:' + r.id));

function isSentenceStart(text: string, i: number): boolean {
  if (i === 0) return true;
  const prev = SCAN.kind[i - 1]!;
  if (prev === K_EMOJI) return true;
  if (prev !== K_PUNCT) return false;
  const c = text.charCodeAt(SCAN.end[i - 1]! - 1);
  return c === 46 || c === 33 || c === 63 || c === 58;
}

/**
 * The rule hits of the last `matchScanned`, as parallel arrays (no objects, no strings): the rule's
 * index in RULES, and where its match starts and ends. The spans are cut from the original text,
 * or from the lower-cased text when `fromLower` (the rare fallback below).
 */
export interface HitState {
  n: number;
  rule: Int32Array;
  start: Int32Array;
  end: Int32Array;
  fromLower: boolean;
}

export const HITS: HitState = { n: 0, rule: new Int32Array(32), start: new Int32Array(32), end: new Int32Array(32), fromLower: false };

function pushHit(rule: number, start: number, end: number): void {
  const k = HITS.n;
  if (k === HITS.rule.length) {
    const grow = (a: Int32Array): Int32Array => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    HITS.rule = grow(HITS.rule);
    HITS.start = grow(HITS.start);
    HITS.end = grow(HITS.end);
  }
  HITS.rule[k] = rule;
  HITS.start[k] = start;
  HITS.end[k] = end;
  HITS.n = k + 1;
}

function tryAt(entry: StartEntry, text: string, lower: string, i: number): void {
  const start = SCAN.start[i]!;
  let any = entry.any;
  let sentenceStart = true;
  if (entry.anySentenceStart) {
    sentenceStart = isSentenceStart(text, i);
    if (!sentenceStart) {
      if (entry.anyMidSentence === null) return;
      any = entry.anyMidSentence;
    }
  }
  any.lastIndex = start;
  if (!any.test(lower)) return;
  const ruleIndexes = entry.rules;
  // The alternation's match is its first rule that matches here (nothing follows the alternation,
  // so that rule's match is the same as on its own): when every rule before the last one tried
  // failed, the last one is that rule, and lastIndex is where its match ends.
  const anyStop = any.lastIndex;
  let last = ruleIndexes.length - 1;
  if (!sentenceStart) while (last >= 0 && RULES[ruleIndexes[last]!]!.sentenceStart === true) last--;
  let matched = false;
  for (let k = 0; k <= last; k++) {
    const r = ruleIndexes[k]!;
    if (!sentenceStart && RULES[r]!.sentenceStart === true) continue;
    let stop: number;
    if (k === last && !matched) stop = anyStop;
    else {
      // A sticky test leaves lastIndex at the end of the match: no match array to allocate.
      const re = STICKY[r]!;
      re.lastIndex = start;
      if (!re.test(lower)) continue;
      stop = re.lastIndex;
    }
    matched = true;
    if (stop === start) continue;
    pushHit(r, start, stop);
  }
}

/**
 * The rules over the last scan of `text` (see tokenize.ts `scan`, and word-index.ts
 * `lookupWords`, which must have run on it), into HITS; returns the number of hits. `lower` is
 * `text` lower-cased with ’ → ' (see lowerForRules). When lower-casing changed the length (a few
 * non-Latin letters do), offsets no longer line up and the rules fall back to scanning the whole
 * lower-cased text.
 */
export function matchScanned(text: string, lower: string): number {
  HITS.n = 0;
  if (lower.length !== text.length) {
    HITS.fromLower = true;
    for (let index = 0; index < RULES.length; index++) {
      const re = GLOBAL[index]!;
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(lower)) !== null) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        pushHit(index, m.index, m.index + m[0].length);
      }
    }
    return HITS.n;
  }
  HITS.fromLower = false;
  const n = SCAN.n;
  const lex = LEX;
  const heads = HEAD_ENTRY;
  for (let i = 0; i < n; i++) {
    const e = entryOf(lex[i]!);
    if (e !== 0) tryAt(START_ENTRIES[e - 1]!, text, lower, i);
    // "here's", "you've", "sign-up": also try the rules that start with the first part.
    const h = heads[i]!;
    if (h !== 0) tryAt(START_ENTRIES[h - 1]!, text, lower, i);
  }
  return HITS.n;
}

/** Hit `k` of the last `matchScanned` as the words it matched. */
export function hitSpan(text: string, lower: string, k: number): string {
  return (HITS.fromLower ? lower : text).slice(HITS.start[k]!, HITS.end[k]!);
}

/** `matchScanned` with each hit as an object (for training and tests; the hot path reads HITS). */
export function matchRules(text: string, lower: string): RuleHit[] {
  const n = matchScanned(text, lower);
  const hits: RuleHit[] = new Array(n);
  for (let k = 0; k < n; k++) {
    const index = HITS.rule[k]!;
    hits[k] = { rule: RULES[index]!, index, span: hitSpan(text, lower, k), start: HITS.start[k]! };
  }
  return hits;
}

const SELF_CONTENT_STICKY = new RegExp(SELF_CONTENT_RE.source, 'y');

/**
 * The words of SELF_CONTENT_RE's first match in `lower`, or null. Every match begins with "my ",
 * "our " or "me on", so the pattern is tried, anchored, only where those are, leftmost first:
 * the same match as SELF_CONTENT_RE.exec, without its scan of the whole text or a match array.
 */
export function selfContentMatch(lower: string): string | null {
  let my = lower.indexOf('my ');
  let our = lower.indexOf('our ');
  let meOn = lower.indexOf('me on');
  const re = SELF_CONTENT_STICKY;
  for (;;) {
    let at = my;
    if (our >= 0 && (at < 0 || our < at)) at = our;
    if (meOn >= 0 && (at < 0 || meOn < at)) at = meOn;
    if (at < 0) return null;
    re.lastIndex = at;
    if (re.test(lower)) return lower.slice(at, re.lastIndex);
    if (my === at) my = lower.indexOf('my ', at + 1);
    if (our === at) our = lower.indexOf('our ', at + 1);
    if (meOn === at) meOn = lower.indexOf('me on', at + 1);
  }
}

const CURLY_APOSTROPHE_RE = /’/g;

/** The text the rules read: lower-cased, curly apostrophes straightened (same length). */
export function lowerForRules(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes('’') ? lower.replace(CURLY_APOSTROPHE_RE, "'") : lower;
}
