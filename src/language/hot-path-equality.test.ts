/**
 * The hot path's shortcuts against the plain way of computing the same thing, over every training
 * message and a few thousand random strings: rule hits (the alternation's end taken for the last
 * rule), the "my channel…" match (anchored at "my ", "our ", "me on" instead of a scan), scoring
 * straight from the 4-gram weights, and the fingerprint read from the scan.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { defaultModel, parseLabelledFile, templateFingerprint } from './index.js';
import { extractFeatures, featureBuffer, scoreScanned } from './features.js';
import { fingerprintScanned } from './fingerprint.js';
import { RULES, SELF_CONTENT_RE } from './lexicons.js';
import { scoreFeatures } from './model.js';
import { lowerForRules, matchRules, selfContentMatch, type RuleHit } from './rules.js';
import { K_EMOJI, K_PUNCT, scan, SCAN } from './tokenize.js';
import { entryOf, HEAD_ENTRY, LEX, lookupWords, START_ENTRIES } from './word-index.js';
import { prng } from '../support/prng.js';

const dir = new URL('../../data/training/', import.meta.url);
const texts: string[] = [];
for (const name of readdirSync(dir).sort()) for (const e of parseLabelledFile(name, readFileSync(new URL(name, dir), 'utf8')) ?? []) texts.push(e.text);
const rand = prng(5);
const chars = [...'\0abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789     .,!?\'’-@#$£%:/()"\n\téüß你😊‍️Σİ'];
const words = ['my ', 'our ', 'me on ', 'channel', 'check ', 'out ', 'it ', 'here', 'you ', 'can ', 'share ', 'http://x.com/a ', 'subscribe', 'what ', 'how '];
for (let i = 0; i < 3000; i++) {
  let s = '';
  const n = Math.floor(rand() * 30);
  for (let k = 0; k < n; k++) s += rand() < 0.5 ? chars[Math.floor(rand() * chars.length)] : words[Math.floor(rand() * words.length)];
  texts.push(s);
}

const STICKY = RULES.map((r) => new RegExp(r.pattern, 'y'));

/** Every rule tested on its own at every token it can start at: what matchRules must find. */
function referenceHits(text: string, lower: string): Pick<RuleHit, 'index' | 'span' | 'start'>[] {
  const out: Pick<RuleHit, 'index' | 'span' | 'start'>[] = [];
  const tryEntry = (e: number, i: number): void => {
    const start = SCAN.start[i]!;
    const prev = i > 0 ? SCAN.kind[i - 1] : undefined;
    const c = i > 0 ? text.charCodeAt(SCAN.end[i - 1]! - 1) : 0;
    const sentenceStart = i === 0 || prev === K_EMOJI || (prev === K_PUNCT && (c === 46 || c === 33 || c === 63 || c === 58));
    for (const r of START_ENTRIES[e - 1]!.rules) {
      if (!sentenceStart && RULES[r]!.sentenceStart === true) continue;
      const re = STICKY[r]!;
      re.lastIndex = start;
      if (re.test(lower) && re.lastIndex !== start) out.push({ index: r, span: text.slice(start, re.lastIndex), start });
    }
  };
  for (let i = 0; i < SCAN.n; i++) {
    const e = entryOf(LEX[i]!);
    if (e !== 0) tryEntry(e, i);
    if (HEAD_ENTRY[i]! !== 0) tryEntry(HEAD_ENTRY[i]!, i);
  }
  return out;
}

test('rule hits equal each rule tried on its own', () => {
  for (const text of texts) {
    scan(text);
    lookupWords(text);
    const lower = lowerForRules(text);
    if (lower.length !== text.length) continue;
    const hits = matchRules(text, lower).map(({ index, span, start }) => ({ index, span, start }));
    assert.deepEqual(hits, referenceHits(text, lower), text);
  }
});

test('the anchored "my channel…" match equals the regex scan', () => {
  for (const text of [...texts, 'check my new channel http://a.b', 'tommy channel and my channel', 'me on insta and our shop', 'émy channel', 'my my my site']) {
    const lower = lowerForRules(text);
    assert.equal(selfContentMatch(lower), SELF_CONTENT_RE.exec(lower)?.[0] ?? null, text);
  }
});

test('scoring straight from the 4-gram weights equals scoring the feature list', () => {
  const model = defaultModel();
  for (const text of texts) {
    scan(text);
    lookupWords(text);
    const lower = lowerForRules(text);
    const hits = matchRules(text, lower);
    const fused = scoreScanned(model, lower, hits, undefined);
    const n = extractFeatures(lower, hits, undefined, model.grams);
    assert.equal(fused, scoreFeatures(model, featureBuffer(), n), text);
  }
});

test('the fingerprint read from the scan equals templateFingerprint', () => {
  for (const text of texts) {
    scan(text);
    lookupWords(text);
    assert.equal(fingerprintScanned(text), templateFingerprint(text), text);
  }
});
