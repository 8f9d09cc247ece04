/**
 * analyzeMessage: what a short social message does, with the words that gave it away.
 *
 * `promotional` rests on the learned model, which already sees which rules fired (so it learns
 * how far to trust each). Rules the model cannot see from the text alone — a link to the
 * workspace's own site or handle — raise the score directly. Intent scores stay explainable:
 * each is a noisy-or of the rules that fired, and when only the model saw a pitch its evidence is
 * the words the model weighs most.
 */
import { defaultModel } from './default-model.js';
import { DISGUISED_LINK, scoreLastMatch } from './features.js';
import { disguisedLinks } from './links.js';
import { fingerprintScanned } from './fingerprint.js';
import { computeFocus } from './focus.js';
import { fmix } from './hash.js';
import { FUNDRAISING_DOMAINS, RULES, SHORTENER_DOMAINS, STOPWORDS } from './lexicons.js';
import { HITS, hitSpan, lowerForRules, matchScanned, selfContentMatch } from './rules.js';
import { domainOf, K_EMOJI, K_HASHTAG, K_MENTION, K_PRICE, K_PUNCT, K_URL, K_WORD, normalizeWord, normEquals, normOf, scan, SCAN, tokenize } from './tokenize.js';
import { lookupWords } from './word-index.js';
import {
  INTENT_NAMES,
  type AnalysisContext,
  type Intent,
  type IntentName,
  type LinkInfo,
  type LoadedModel,
  type MessageAnalysis,
} from './types.js';

// Positions in INTENT_NAMES.
const I = { pitch: 0, favour: 1, selfLink: 2, question: 3, gratitude: 4, compliment: 5, helpful: 6, personal: 7 } as const;
const INTENT_INDEX: Record<IntentName, number> = Object.fromEntries(INTENT_NAMES.map((n, i) => [n, i])) as Record<IntentName, number>;
/** Each rule's intent as an index, so the hot path never looks an intent up by name. */
const RULE_INTENT: Uint8Array = Uint8Array.from(RULES, (r) => INTENT_INDEX[r.intent]);
const HELPFUL_RULE: Uint8Array = Uint8Array.from(RULES, (r) => (r.intent === 'helpful' ? 1 : 0));
const RULE_WEIGHT: Float64Array = Float64Array.from(RULES, (r) => r.weight);

interface PreparedContext {
  domains: string[];
  handles: Set<string>;
  /** Brand names squeezed to letters and digits, for matching inside domains ("acmebakery.com"). */
  brandKeys: string[];
  /** Brand words and handles, as tokens, for self-focus. */
  ownWords: Set<string>;
  recipient: string | undefined;
  quotedWords: Set<string> | undefined;
}

const prepared = new WeakMap<AnalysisContext, PreparedContext>();
const SQUEEZE_RE = /[^\p{L}\p{N}]+/gu;

/** The last context prepared: most callers analyse many messages with one context. */
let lastContext: AnalysisContext | undefined;
let lastPrepared: PreparedContext | undefined;

function prepare(ctx: AnalysisContext): PreparedContext {
  if (ctx === lastContext) return lastPrepared!;
  let p = prepared.get(ctx);
  if (p) {
    lastContext = ctx;
    lastPrepared = p;
    return p;
  }
  const handles = new Set<string>();
  for (const h of ctx.ownHandles ?? []) {
    const n = h.trim().replace(/^@/, '').toLowerCase();
    if (n) {
      handles.add(n);
      handles.add(n.split('@')[0]!);
    }
  }
  const ownWords = new Set<string>();
  const brandKeys: string[] = [];
  for (const b of ctx.ownBrands ?? []) {
    const key = b.toLowerCase().replace(SQUEEZE_RE, '');
    if (key.length >= 3) brandKeys.push(key);
    for (const w of b.toLowerCase().split(/\s+/)) if (w && !STOPWORDS.has(w)) ownWords.add(w);
  }
  for (const h of handles) ownWords.add(h);
  let quotedWords: Set<string> | undefined;
  if (ctx.quotedText) {
    quotedWords = new Set();
    for (const t of tokenize(ctx.quotedText)) {
      if ((t.kind === 'word' || t.kind === 'hashtag') && t.norm.length >= 4 && !STOPWORDS.has(t.norm)) quotedWords.add(t.norm);
    }
  }
  p = {
    domains: (ctx.ownDomains ?? []).map((d) => domainOf(d.trim())).filter((d) => d.length > 0),
    handles,
    brandKeys,
    ownWords,
    recipient: ctx.recipientName ? normalizeWord(ctx.recipientName.trim().split(/\s+/)[0] ?? '').norm || undefined : undefined,
    quotedWords,
  };
  prepared.set(ctx, p);
  lastContext = ctx;
  lastPrepared = p;
  return p;
}

const EMPTY_CONTEXT: AnalysisContext = {};

/** Hosts where the first path segment is a profile (x.com/shop, linkedin.com/in/shop). */
const PROFILE_HOSTS: ReadonlySet<string> = new Set([
  'twitter.com', 'x.com', 'instagram.com', 'facebook.com', 'fb.com', 'tiktok.com', 'youtube.com', 'linkedin.com', 'bsky.app', 'threads.net', 'pinterest.com', 'github.com',
]);

/** A promotional intent this strong makes the message promotional whatever the model says. */
export const RULE_DECIDES_AT = 0.8;

function isOwnLink(domain: string, url: string, p: PreparedContext): boolean {
  for (const d of p.domains) if (domain === d || domain.endsWith('.' + d)) return true;
  if (p.handles.size > 0) {
    // A profile link: example.social/@shop anywhere, or twitter.com/shop, linkedin.com/in/shop on
    // a platform's host. A bare "/shop" path on any other site is not our profile.
    const path = url.toLowerCase().replace(/^[a-z]+:\/\//, '').split(/[/?#]/);
    const onPlatform = PROFILE_HOSTS.has(domain);
    for (let i = 1; i < path.length; i++) {
      const seg = path[i]!;
      if (seg.charCodeAt(0) === 64 ? p.handles.has(seg.slice(1)) : onPlatform && p.handles.has(seg)) return true;
    }
  }
  if (p.brandKeys.length > 0) {
    const squeezed = domain.replace(SQUEEZE_RE, '');
    for (const key of p.brandKeys) if (squeezed.includes(key)) return true;
  }
  return false;
}

/** Maps the model probability so that the model's own threshold lands on 0.5. */
function calibrate(p: number, threshold: number): number {
  const s = p < threshold ? (0.5 * p) / threshold : 0.5 + (0.5 * (p - threshold)) / (1 - threshold);
  return Math.round(s * 1000) / 1000;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function isSpaceCode(c: number): boolean {
  return c <= 32 || c === 0xa0 || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** True when `trim()` would leave `s` as it is (the common case). */
function isTrimmed(s: string): boolean {
  return !isSpaceCode(s.charCodeAt(0)) && !isSpaceCode(s.charCodeAt(s.length - 1));
}

/**
 * Intent scores (noisy-or) and evidence of one message. The evidence of all intents goes to one
 * reused list, and each intent's array is built at its exact length at the end: growing small
 * arrays one push at a time gave each a backing store of 17 slots.
 */
class Accumulator {
  readonly miss = new Float64Array(8).fill(1);
  /** Evidence in the order it came, with its intent. */
  readonly spans: string[] = [];
  spanIntent = new Uint8Array(16);
  spanCount = 0;
  readonly perIntent = new Uint8Array(8);

  /** Ready for the next message (the engine is synchronous, so one accumulator serves all). */
  reset(): this {
    // Plain loops over eight slots: cheaper than two calls to TypedArray fill.
    for (let i = 0; i < 8; i++) {
      this.miss[i] = 1;
      this.perIntent[i] = 0;
    }
    // Drop the last message's strings, so that the list keeps nothing alive.
    for (let k = 0; k < this.spanCount; k++) this.spans[k] = '';
    this.spanCount = 0;
    return this;
  }

  add(intent: number, weight: number, span: string | undefined): void {
    this.miss[intent] = this.miss[intent]! * (1 - weight);
    if (span === undefined || span.length === 0) return;
    // Spans are cut at token boundaries, so they seldom need trimming: look before copying.
    const clean = isTrimmed(span) ? span : span.trim();
    if (!clean) return;
    const spans = this.spans;
    const count = this.spanCount;
    if (this.perIntent[intent] !== 0) {
      let lower: string | undefined;
      for (let k = 0; k < count; k++) {
        if (this.spanIntent[k] !== intent) continue;
        const e = spans[k]!;
        if (e === clean) return;
        if (e.length === clean.length && e.toLowerCase() === (lower ??= clean.toLowerCase())) return;
      }
    }
    if (count === this.spanIntent.length) {
      const grown = new Uint8Array(count * 2);
      grown.set(this.spanIntent);
      this.spanIntent = grown;
    }
    if (count < spans.length) spans[count] = clean;
    else spans.push(clean);
    this.spanIntent[count] = intent;
    this.spanCount = count + 1;
    this.perIntent[intent]!++;
  }

  /** The evidence of one intent, in the order it was found (a new array). */
  evidence(intent: number): string[] {
    const size = this.perIntent[intent]!;
    const out: string[] = new Array(size);
    if (size === 0) return out;
    let j = 0;
    for (let k = 0; j < size; k++) if (this.spanIntent[k] === intent) out[j++] = this.spans[k]!;
    return out;
  }

  /** Raises an intent's score to at least `score`. */
  atLeast(intent: number, score: number): void {
    this.miss[intent] = Math.min(this.miss[intent]!, 1 - score);
  }

  score(intent: number): number {
    return 1 - this.miss[intent]!;
  }
}

const ACCUMULATOR = new Accumulator();
const ORDER = new Uint8Array(8);
const SCORES = new Float64Array(8);

/** The sentence around a question mark, trimmed to something readable. */
function questionSpan(text: string, q: number): string {
  let start = q;
  while (start > 0) {
    const c = text.charCodeAt(start - 1);
    if (c === 46 || c === 33 || c === 63 || c === 10) break;
    start--;
  }
  const s = text.slice(start, q + 1).trim();
  return s.length > 80 ? '…' + s.slice(s.length - 79) : s;
}

/** Words the model weighs most towards promotional, for evidence when no rule explains it (last scan of `text`). */
function modelEvidence(model: LoadedModel, text: string): string[] {
  let best1 = -1;
  let best2 = -1;
  let w1 = 0;
  let w2 = 0;
  const n = SCAN.n;
  for (let i = 0; i < n; i++) {
    const k = SCAN.kind[i]!;
    if (k === K_PUNCT || k === K_EMOJI) continue;
    const w = model.weights[fmix(SCAN.sym[i]!) & model.mask]!;
    if (w > w1) {
      best2 = best1;
      w2 = w1;
      best1 = i;
      w1 = w;
    } else if (w > w2) {
      best2 = i;
      w2 = w;
    }
  }
  const out: string[] = [];
  if (best1 >= 0) out.push(text.slice(SCAN.start[best1]!, SCAN.end[best1]!));
  if (best2 >= 0 && best2 !== best1) out.push(text.slice(SCAN.start[best2]!, SCAN.end[best2]!));
  return out;
}

export function analyzeMessage(text: string, ctx: AnalysisContext = EMPTY_CONTEXT): MessageAnalysis {
  const p = prepare(ctx);
  const model = ctx.model ?? defaultModel();
  const count = scan(text);
  lookupWords(text);
  const lower = lowerForRules(text);
  const hitCount = matchScanned(text, lower);
  const acc = ACCUMULATOR.reset();

  for (let k = 0; k < hitCount; k++) {
    const r = HITS.rule[k]!;
    acc.add(RULE_INTENT[r]!, RULE_WEIGHT[r]!, hitSpan(text, lower, k));
  }

  const links: LinkInfo[] = [];
  let domains: string[] | undefined;
  let selfContent: string | null | undefined;
  let resourceLinks: string[] | undefined;
  const kind = SCAN.kind;
  for (let i = 0; i < count; i++) {
    const k = kind[i]!;
    if (k === K_URL) {
      const norm = normOf(text, i);
      const span = text.slice(SCAN.start[i]!, SCAN.end[i]!);
      const domain = domainOf(norm);
      const own = isOwnLink(domain, norm, p);
      links.push({ url: span, domain, own });
      (domains ??= []).push(domain);
      if (own) {
        acc.add(I.selfLink, 0.95, span);
      } else {
        if (selfContent === undefined) selfContent = selfContentMatch(lower);
        if (selfContent !== null) {
          acc.add(I.selfLink, 0.8, span);
          acc.add(I.selfLink, 0, selfContent);
        } else if (FUNDRAISING_DOMAINS.has(domain)) {
          // A fundraiser or a pay page: whoever's it is, the link asks the reader for money.
          acc.add(I.favour, 0.8, span);
        } else if (SHORTENER_DOMAINS.has(domain)) {
          acc.add(I.selfLink, 0.4, span);
        } else {
          // Someone else's page: a resource given, unless the message sells (decided below).
          (resourceLinks ??= []).push(span);
        }
      }
    } else if (k === K_MENTION) {
      if (p.handles.size === 0) continue;
      const handle = normOf(text, i).slice(1);
      if (p.handles.has(handle) || p.handles.has(handle.split('@')[0]!)) {
        const span = text.slice(SCAN.start[i]!, SCAN.end[i]!);
        links.push({ url: span, domain: handle, own: true });
        acc.add(I.selfLink, 0.7, span);
      }
    } else if (k === K_PRICE) {
      acc.add(I.pitch, 0.45, text.slice(SCAN.start[i]!, SCAN.end[i]!));
    } else if (k === K_WORD && p.recipient !== undefined && normEquals(text, i, p.recipient)) {
      acc.add(I.personal, 0.6, text.slice(SCAN.start[i]!, SCAN.end[i]!));
    }
  }

  for (let q = text.indexOf('?'); q >= 0; q = text.indexOf('?', q + 1)) {
    // "watch?v=" in a pasted link is not a question.
    const next = text.charCodeAt(q + 1);
    if (next === next && next !== 32 && next !== 10 && next !== 63 && next !== 33 && next !== 41 && next !== 34) continue;
    acc.add(I.question, 0.8, questionSpan(text, q));
  }

  const disguised = disguisedLinks(text);
  if (disguised !== undefined) {
    for (let k = 0; k < disguised.length; k += 2) {
      const span = text.slice(SCAN.start[disguised[k]!]!, SCAN.end[disguised[k + 1]!]!);
      links.push({ url: span, domain: domainOf(span.replace(/\s*\.\s*|\s+dot\s+/gi, '.')), own: false });
      acc.add(I.selfLink, 0.8, span);
    }
    (domains ??= []).push(DISGUISED_LINK);
  }

  if (p.quotedWords !== undefined && p.quotedWords.size > 0) {
    for (let i = 0; i < count; i++) {
      const k = kind[i]!;
      if ((k === K_WORD || k === K_HASHTAG) && p.quotedWords.has(normOf(text, i))) acc.add(I.personal, 0.3, text.slice(SCAN.start[i]!, SCAN.end[i]!));
    }
  }

  const probability = scoreLastMatch(model, lower, domains);
  // Giving a resource or an answer ("this guide explains…", "hope it helps") is the opposite of a
  // pitch; the corpora the model learned from hardly contain any, so the rules say it here.
  let helpfulPhrase = 0;
  for (let k = 0; k < hitCount; k++) {
    const r = HITS.rule[k]!;
    if (HELPFUL_RULE[r] === 1 && RULE_WEIGHT[r]! > helpfulPhrase) helpfulPhrase = RULE_WEIGHT[r]!;
  }
  let promotionalScore = calibrate(probability * (1 - 0.6 * helpfulPhrase), model.threshold);
  const ruleScore = Math.max(acc.score(I.pitch), acc.score(I.favour), acc.score(I.selfLink));
  // Strong rule evidence decides on its own: the phrases it needs ("check out my channel", "can
  // you share my…", a link to our own site) are rare in genuine messages, and an own link is
  // invisible to the model, which never saw this workspace's domains.
  if (ruleScore >= RULE_DECIDES_AT && ruleScore > promotionalScore) promotionalScore = round3(ruleScore);

  // A plain property, computed here: a lazy getter in the object literal gave every result its own
  // hidden class, which kept each message's tokens alive until a full GC (3x slower overall).
  const fingerprint = fingerprintScanned(text);
  const override = model.overrides.size > 0 ? model.overrides.get(fingerprint) : undefined;
  if (override === true) promotionalScore = Math.max(promotionalScore, 0.99);
  else if (override === false) promotionalScore = Math.min(promotionalScore, 0.01);
  const promotional = promotionalScore >= 0.5;

  if (promotional && ruleScore < 0.5) {
    // The model saw a pitch the rules did not name: say which words weighed most.
    const words = modelEvidence(model, text);
    acc.atLeast(I.pitch, promotionalScore);
    for (const w of words) acc.add(I.pitch, 0, w);
  }

  if (resourceLinks !== undefined && !promotional) for (const url of resourceLinks) acc.add(I.helpful, 0.5, url);

  // Found intents, strongest first (ties in INTENT_NAMES order): an insertion sort of at most
  // eight indices, so no comparator looks names up.
  const order = ORDER;
  const scores = SCORES;
  let found = 0;
  for (let i = 0; i < 8; i++) {
    let score = acc.score(i);
    if (score <= 0) continue;
    // A verdict of "not promotional" caps the promotional intents below one half, so that the
    // intents never contradict the verdict.
    if (!promotional && i <= I.selfLink) score = Math.min(score, promotionalScore);
    score = round3(score);
    let k = found++;
    while (k > 0 && scores[order[k - 1]!]! < score) {
      order[k] = order[k - 1]!;
      k--;
    }
    order[k] = i;
    scores[i] = score;
  }
  const intents: Intent[] = new Array(found);
  for (let k = 0; k < found; k++) {
    const i = order[k]!;
    intents[k] = { name: INTENT_NAMES[i]!, score: scores[i]!, evidence: acc.evidence(i) };
  }

  return {
    text,
    promotional,
    promotionalScore,
    intents,
    focus: computeFocus(text, p.ownWords.size > 0 ? p.ownWords : undefined, p.handles.size > 0 ? p.handles : undefined, p.recipient),
    fingerprint,
    links,
  };
}
