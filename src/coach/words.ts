/**
 * Small text helpers the coach uses to write evidence and suggestions people can read: dates as
 * "12 Nov 2026", their own words quoted briefly, counts in words ("three of your posts").
 */
import { tokenize } from '../language/index.js';
import { STOPWORDS } from '../language/lexicons.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY_MS = 86_400_000;

export function day(iso: string): string {
  const d = new Date(iso);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

export function daysBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / DAY_MS;
}

/** "3 hours", "2 days": how long before `at` something happened. */
export function ago(from: string, at: string): string {
  const hours = (Date.parse(at) - Date.parse(from)) / 3_600_000;
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} minutes`;
  if (hours < 48) return `${Math.round(hours)} hour${Math.round(hours) === 1 ? '' : 's'}`;
  const days = Math.round(hours / 24);
  return `${days} days`;
}

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${NUMBER_WORDS[n] ?? String(n)} ${n === 1 ? noun : plural}`;
}

const URL_RE = /\bhttps?:\/\/\S+|\bwww\.\S+/gi;

/**
 * Their words, briefly and without links: suggestions quote what they said so they are
 * personal, and must never carry a link (a link in a suggestion could read as yours).
 */
export function quote(text: string, maxWords = 10): string {
  const words = text.replace(URL_RE, '').replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  const cut = words.slice(0, maxWords).join(' ');
  return `“${words.length > maxWords ? `${cut.replace(/[.,;:!?]+$/, '')}…` : cut}”`;
}

/** The first name to address someone by: the profile name's first word, else the handle's user part. */
export function firstNameOf(name: string | null | undefined, handle: string): string {
  const fromName = name?.trim().split(/\s+/)[0];
  if (fromName && /\p{L}/u.test(fromName)) return fromName;
  return handle.replace(/^@/, '').split('@')[0] || handle;
}

// Each check compares the draft with up to twenty of their recent messages; those messages (and
// the draft, once per comparison) are the same from one check to the next, so their words are
// kept, bounded like the message reader's cache of analyses.
const contentWordsCache = new Map<string, ReadonlySet<string>>();
const MAX_CACHED_TEXTS = 20_000;

/** Content words (lower case, 4+ letters, no stopwords) for "does the draft talk about what they asked". */
export function contentWords(text: string): ReadonlySet<string> {
  let words = contentWordsCache.get(text);
  if (!words) {
    words = readContentWords(text);
    if (contentWordsCache.size >= MAX_CACHED_TEXTS) contentWordsCache.clear();
    contentWordsCache.set(text, words);
  }
  return words;
}

function readContentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const t of tokenize(text)) {
    if ((t.kind === 'word' || t.kind === 'hashtag') && t.norm.length >= 4 && !STOPWORDS.has(t.norm) && !ASK_WORDS.has(t.norm)) {
      out.add(stem(t.norm.replace(/^#/, '')));
    }
  }
  return out;
}

// Words every question and answer share: they say nothing about what the question is about.
const ASK_WORDS = new Set(['could', 'would', 'should', 'there', 'about', 'anyone', 'know', 'please', 'thanks', 'thank', 'still', 'also', 'just', 'does', 'have', 'with', 'your', 'what', 'when', 'where', 'which', 'will']);

function stem(w: string): string {
  return w.replace(/(ing|ed|es|s)$/u, '') || w;
}

const PRICE_QUESTION_RE = /\b(how much|price|prices|cost|costs|pricing|rates?)\b/i;
const PRICE_RE = /[$£€¥]\s?\d|\d\s?(?:usd|eur|gbp|dollars|euros|pounds)\b/i;

/** The content words two texts share ("rye", "ferment"), for "does the draft pick up what they wrote". */
export function sharedWords(a: string, b: string): string[] {
  const theirs = contentWords(b);
  return [...contentWords(a)].filter((w) => theirs.has(w));
}

/** Whether `draft` talks about what `question` asked: shared content words, or a price for a price question. */
export function talksAbout(draft: string, question: string): boolean {
  const asked = contentWords(question);
  for (const w of contentWords(draft)) if (asked.has(w)) return true;
  return PRICE_QUESTION_RE.test(question) && PRICE_RE.test(draft);
}
