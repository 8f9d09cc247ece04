/**
 * Self/other focus for `ego-in-check`: who the message is about. Counts references to the sender
 * (I, me, my, we, our, the workspace's brands and handles) and to the reader (you, your, their
 * name, other handles); each side's share is smoothed by one so that a single "I" in a short
 * message does not read as pure ego.
 */
import { OTHER_WORDS, SELF_WORDS } from './lexicons.js';
import type { Token } from './tokenize.js';
import type { Focus } from './types.js';

export function computeFocus(
  tokens: readonly Token[],
  ownNames: ReadonlySet<string> | undefined,
  ownHandles: ReadonlySet<string> | undefined,
  recipientName: string | undefined,
): Focus {
  let self = 0;
  let other = 0;
  for (const t of tokens) {
    if (t.kind === 'word') {
      if (SELF_WORDS.has(t.norm) || (ownNames !== undefined && ownNames.has(t.norm))) self++;
      else if (OTHER_WORDS.has(t.norm) || (recipientName !== undefined && t.norm === recipientName)) other++;
    } else if (t.kind === 'mention') {
      if (ownHandles !== undefined && ownHandles.has(t.norm.replace(/^@/, ''))) self++;
      else other++;
    }
  }
  const total = self + other + 1;
  return { self: Math.round((self / total) * 1000) / 1000, other: Math.round((other / total) * 1000) / 1000 };
}
