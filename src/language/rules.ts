/**
 * Runs the phrase rules of lexicons.ts. A rule is only tried where it can begin: at the tokens
 * listed in its `starts`, anchored (sticky regex) on the lower-cased text. A message therefore
 * costs a handful of anchored attempts instead of one scan per rule, and the regexes need neither
 * the `i` nor the `u` flag (both make V8's regex engine much slower).
 */
import { RULES, type RuleDef } from './lexicons.js';
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

function tryAt(hits: RuleHit[], entry: StartEntry, text: string, lower: string, i: number): void {
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
  if (ruleIndexes.length === 1) {
    // The alternation is that one rule: it matched, and lastIndex is where its match ends.
    const stop = any.lastIndex;
    if (stop !== start) hits.push({ rule: RULES[ruleIndexes[0]!]!, index: ruleIndexes[0]!, span: text.slice(start, stop), start });
    return;
  }
  for (let k = 0; k < ruleIndexes.length; k++) {
    const r = ruleIndexes[k]!;
    const rule = RULES[r]!;
    if (!sentenceStart && rule.sentenceStart === true) continue;
    // A sticky test leaves lastIndex at the end of the match: no match array to allocate.
    const re = STICKY[r]!;
    re.lastIndex = start;
    if (!re.test(lower)) continue;
    const stop = re.lastIndex;
    if (stop === start) continue;
    hits.push({ rule, index: r, span: text.slice(start, stop), start });
  }
}

/**
 * The rules over the last scan of `text` (see tokenize.ts `scan`, and word-index.ts
 * `lookupWords`, which must have run on it). `lower` is `text` lower-cased with ’ → ' (see
 * lowerForRules). When lower-casing changed the length (a few non-Latin letters do), offsets no
 * longer line up and the rules fall back to scanning the whole lower-cased text.
 */
export function matchRules(text: string, lower: string): RuleHit[] {
  const hits: RuleHit[] = [];
  if (lower.length !== text.length) {
    RULES.forEach((rule, index) => {
      const re = GLOBAL[index]!;
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(lower)) !== null) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        hits.push({ rule, index, span: m[0], start: m.index });
      }
    });
    return hits;
  }
  const n = SCAN.n;
  const lex = LEX;
  const heads = HEAD_ENTRY;
  for (let i = 0; i < n; i++) {
    const e = entryOf(lex[i]!);
    if (e !== 0) tryAt(hits, START_ENTRIES[e - 1]!, text, lower, i);
    // "here's", "you've", "sign-up": also try the rules that start with the first part.
    const h = heads[i]!;
    if (h !== 0) tryAt(hits, START_ENTRIES[h - 1]!, text, lower, i);
  }
  return hits;
}

const CURLY_APOSTROPHE_RE = /’/g;

/** The text the rules read: lower-cased, curly apostrophes straightened (same length). */
export function lowerForRules(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes('’') ? lower.replace(CURLY_APOSTROPHE_RE, "'") : lower;
}
