/**
 * Runs the phrase rules of lexicons.ts. A rule is only tried where it can begin: at the tokens
 * listed in its `starts`, anchored (sticky regex) on the lower-cased text. A message therefore
 * costs a handful of anchored attempts instead of one scan per rule, and the regexes need neither
 * the `i` nor the `u` flag (both make V8's regex engine much slower).
 */
import { RULES, type RuleDef } from './lexicons.js';
import { fnvString } from './hash.js';
import type { Token } from './tokenize.js';

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

const RULES_BY_START = new Map<string, number[]>();
RULES.forEach((r, i) => {
  for (const key of r.starts.split(' ')) {
    if (!key) continue;
    const list = RULES_BY_START.get(key);
    if (list) list.push(i);
    else RULES_BY_START.set(key, [i]);
  }
});

interface StartEntry {
  rules: readonly number[];
  /**
   * All the rules of `rules` as one sticky alternation, tested first: at most start tokens no
   * rule matches, and one failed test is far cheaper than one failed exec per rule.
   */
  any: RegExp;
}

/** Rules by start token; lists shared by several start tokens share one entry. */
const STARTS = new Map<string, StartEntry>();
{
  const byList = new Map<string, StartEntry>();
  for (const [key, rules] of RULES_BY_START) {
    const id = rules.join(',');
    let entry = byList.get(id);
    if (!entry) {
      entry = { rules, any: new RegExp(rules.map((r) => `(?:${RULES[r]!.pattern})`).join('|'), 'y') };
      byList.set(id, entry);
    }
    STARTS.set(key, entry);
  }
}

/** Feature hash of each rule, so the learned model can weigh the rules. */
export const RULE_FEATURE_HASHES: readonly number[] = RULES.map((r) => fnvString('rule:' + r.id));

function startKey(t: Token): string | undefined {
  if (t.kind === 'word') return t.norm;
  if (t.kind === 'percent') return '<percent>';
  if (t.kind === 'punct') return t.norm;
  return undefined;
}

function isSentenceStart(tokens: readonly Token[], i: number): boolean {
  if (i === 0) return true;
  const prev = tokens[i - 1]!;
  if (prev.kind === 'emoji') return true;
  if (prev.kind !== 'punct') return false;
  const c = prev.norm.charCodeAt(prev.norm.length - 1);
  return c === 46 || c === 33 || c === 63 || c === 58;
}

function tryAt(hits: RuleHit[], entry: StartEntry, text: string, lower: string, tokens: readonly Token[], i: number, sameLength: boolean): number {
  const t = tokens[i]!;
  const any = entry.any;
  any.lastIndex = t.start;
  if (!any.test(lower)) return -1;
  const ruleIndexes = entry.rules;
  let end = -1;
  for (let k = 0; k < ruleIndexes.length; k++) {
    const r = ruleIndexes[k]!;
    const rule = RULES[r]!;
    if (rule.sentenceStart === true && !isSentenceStart(tokens, i)) continue;
    const re = STICKY[r]!;
    re.lastIndex = t.start;
    const m = re.exec(lower);
    if (m === null || m[0].length === 0) continue;
    const stop = t.start + m[0].length;
    hits.push({ rule, index: r, span: sameLength ? text.slice(t.start, stop) : m[0], start: t.start });
    if (stop > end) end = stop;
  }
  return end;
}

/**
 * `lower` is `text` lower-cased with ’ → ' (see lowerForRules), `tokens` its tokens. When
 * lower-casing changed the length (a few non-Latin letters do), offsets no longer line up and
 * the rules fall back to scanning the whole lower-cased text.
 */
export function matchRules(text: string, lower: string, tokens: readonly Token[]): RuleHit[] {
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
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const key = startKey(t);
    if (key === undefined) continue;
    const entry = STARTS.get(key);
    if (entry !== undefined) tryAt(hits, entry, text, lower, tokens, i, true);
    // "here's", "you've", "sign-up": also try the rules that start with the first part.
    if (t.kind === 'word' && t.end - t.start > 2) {
      const apostrophe = key.indexOf("'");
      const hyphen = key.indexOf('-');
      const cut = apostrophe > 0 && (hyphen < 0 || apostrophe < hyphen) ? apostrophe : hyphen;
      if (cut > 0) {
        const head = STARTS.get(key.slice(0, cut));
        if (head !== undefined) tryAt(hits, head, text, lower, tokens, i, true);
      }
    }
  }
  return hits;
}

const CURLY_APOSTROPHE_RE = /’/g;

/** The text the rules read: lower-cased, curly apostrophes straightened (same length). */
export function lowerForRules(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes('’') ? lower.replace(CURLY_APOSTROPHE_RE, "'") : lower;
}

/** Rules over a text on its own (tokenizes it). */
export function matchRulesIn(text: string, tokens: readonly Token[]): RuleHit[] {
  return matchRules(text, lowerForRules(text), tokens);
}
