/**
 * What a person cares about, from their profile and their own messages: their hashtags first,
 * then the content words they use most. Plain counting, so the result is explainable.
 */
import { tokenize } from '../language/index.js';
import { STOPWORDS } from '../language/lexicons.js';

const MIN_WORD = 4;
// Words that say nothing about interests in social text, beyond the usual stopwords.
const NOISE = new Set(['thanks', 'thank', 'today', 'really', 'great', 'love', 'loved', 'just', 'like', 'would', 'could', 'much', 'good', 'going', 'know', 'think', 'time', 'week', 'day', 'yesterday', 'tomorrow', 'tonight', 'morning', 'please', 'well', 'also', 'still', 'every', 'make', 'made', 'want', 'need', 'here', 'there', 'this', 'that', 'what', 'when', 'your', 'yours', 'they', 'them', 'their', 'have', 'been', 'with', 'from', 'will', 'some', 'more', 'than', 'then', 'back', 'right', 'first', 'last', 'next', 'again', 'always', 'never', 'ever', 'lovely', 'amazing', 'nice', 'best', 'happy']);

// Their latest messages say most about what they care about now, and reading a person's whole
// history on every fold would make the coach and the agenda slow on long relationships.
const MAX_TEXTS = 300;
// Topic words per text, reused across folds (the same history is folded at many moments, and a
// workspace's messages repeat). Two generations bound the memory without forgetting everything
// at once.
const CACHE_GENERATION = 50_000;
let cache = new Map<string, readonly (readonly [string, number])[]>();
let previous = new Map<string, readonly (readonly [string, number])[]>();
const NONE: readonly (readonly [string, number])[] = [];

function topicWords(text: string): readonly (readonly [string, number])[] {
  const hit = cache.get(text);
  if (hit) return hit;
  const old = previous.get(text);
  if (old) return remember(text, old);
  const words: [string, number][] = [];
  for (const token of tokenize(text)) {
    if (token.kind === 'hashtag') words.push([token.norm.replace(/^#/, ''), 4]);
    else if (token.kind === 'word' && token.norm.length >= MIN_WORD && !STOPWORDS.has(token.norm) && !NOISE.has(token.norm) && /^\p{L}+$/u.test(token.norm)) {
      words.push([token.norm, 1]);
    }
  }
  return remember(text, words.length > 0 ? words : NONE);
}

function remember(text: string, words: readonly (readonly [string, number])[]): readonly (readonly [string, number])[] {
  if (cache.size >= CACHE_GENERATION) {
    previous = cache;
    cache = new Map();
  }
  cache.set(text, words);
  return words;
}

export function topicsOf(bios: readonly string[], texts: readonly string[], limit = 6): string[] {
  const scores = new Map<string, number>();
  const read = (text: string, weight: number) => {
    for (const [topic, w] of topicWords(text)) scores.set(topic, (scores.get(topic) ?? 0) + w * weight);
  };
  // A bio is what they chose to say about themselves: it counts more than any one message.
  for (const bio of bios) read(bio, 4);
  for (const text of texts.slice(-MAX_TEXTS)) read(text, 1);
  return [...scores]
    .filter(([, score]) => score >= 2)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([topic]) => topic);
}
