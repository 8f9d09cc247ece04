/**
 * The guard on suggestions: when the verdict is `wait`, what the coach proposes instead must
 * not itself sell — no link and no pitch or self-promotion the language engine can see.
 */
import type { Playbook } from '../playbook/playbook.js';
import { intentOf, type MessageReader } from '../relationships/message-reader.js';

const LINK_RE = /\bhttps?:\/\/|\bwww\./i;

export function isSafeSuggestion(text: string, read: MessageReader, playbook: Playbook): boolean {
  if (LINK_RE.test(text)) return false;
  const analysis = read(text);
  if (analysis.links.length > 0) return false;
  const threshold = playbook.language.intentThreshold;
  return intentOf(analysis, 'pitch', threshold) === undefined && intentOf(analysis, 'self-promo-link', threshold) === undefined;
}

/**
 * The first phrasing of a suggestion that reads as safe. The shipped model is noisy on numbers
 * and quoted words ("36-hour", a date), so each step offers a few phrasings, most specific first,
 * rather than lose a good next step to a false alarm.
 */
export function firstSafe(read: MessageReader, playbook: Playbook, variants: readonly (string | undefined)[]): string | undefined {
  return variants.find((v): v is string => v !== undefined && isSafeSuggestion(v, read, playbook));
}
