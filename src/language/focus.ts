/**
 * Self/other focus for `ego-in-check`: who the message is about. Counts references to the sender
 * (I, me, my, we, our, the workspace's brands and handles) and to the reader (you, your, their
 * name, other handles); each side's share is smoothed by one so that a single "I" in a short
 * message does not read as pure ego.
 */
import { K_MENTION, K_WORD, normEquals, normOf, SCAN } from './tokenize.js';
import type { Focus } from './types.js';
import { LEX, W_OTHER, W_SELF } from './word-index.js';

/** Focus of the last scanned message (tokenize.ts `scan`, then word-index.ts `lookupWords`). */
export function computeFocus(
  text: string,
  ownNames: ReadonlySet<string> | undefined,
  ownHandles: ReadonlySet<string> | undefined,
  recipientName: string | undefined,
): Focus {
  let self = 0;
  let other = 0;
  const n = SCAN.n;
  const kind = SCAN.kind;
  const words = LEX;
  for (let i = 0; i < n; i++) {
    const k = kind[i]!;
    if (k === K_WORD) {
      const lex = words[i]!;
      if (lex & W_SELF || (ownNames !== undefined && ownNames.has(normOf(text, i)))) self++;
      else if (lex & W_OTHER || (recipientName !== undefined && normEquals(text, i, recipientName))) other++;
    } else if (k === K_MENTION) {
      if (ownHandles !== undefined && ownHandles.has(normOf(text, i).replace(/^@/, ''))) self++;
      else other++;
    }
  }
  const total = self + other + 1;
  return { self: Math.round((self / total) * 1000) / 1000, other: Math.round((other / total) * 1000) / 1000 };
}
