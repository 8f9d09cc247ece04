/**
 * What a person cares about, from their profile and their own messages: their hashtags first,
 * then the content words they use most. Plain counting, so the result is explainable.
 */
import { tokenize } from '../language/index.js';
import { STOPWORDS } from '../language/lexicons.js';

const MIN_WORD = 4;
// Words that say nothing about interests in social text, beyond the usual stopwords.
const NOISE = new Set(['thanks', 'thank', 'today', 'really', 'great', 'love', 'loved', 'just', 'like', 'would', 'could', 'much', 'good', 'going', 'know', 'think', 'time', 'week', 'day', 'yesterday', 'tomorrow', 'tonight', 'morning', 'please', 'well', 'also', 'still', 'every', 'make', 'made', 'want', 'need', 'here', 'there', 'this', 'that', 'what', 'when', 'your', 'yours', 'they', 'them', 'their', 'have', 'been', 'with', 'from', 'will', 'some', 'more', 'than', 'then', 'back', 'right', 'first', 'last', 'next', 'again', 'always', 'never', 'ever', 'lovely', 'amazing', 'nice', 'best', 'happy']);

export function topicsOf(bios: readonly string[], texts: readonly string[], limit = 6): string[] {
  const scores = new Map<string, number>();
  const add = (topic: string, weight: number) => scores.set(topic, (scores.get(topic) ?? 0) + weight);
  const read = (text: string, weight: number) => {
    for (const token of tokenize(text)) {
      if (token.kind === 'hashtag') add(token.norm.replace(/^#/, ''), weight * 4);
      else if (token.kind === 'word' && token.norm.length >= MIN_WORD && !STOPWORDS.has(token.norm) && !NOISE.has(token.norm) && /^\p{L}+$/u.test(token.norm)) {
        add(token.norm, weight);
      }
    }
  };
  // A bio is what they chose to say about themselves: it counts more than any one message.
  for (const bio of bios) read(bio, 4);
  for (const text of texts) read(text, 1);
  return [...scores]
    .filter(([, score]) => score >= 2)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([topic]) => topic);
}
