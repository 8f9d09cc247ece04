/**
 * Links written so as not to look like links: "marketglory . com/game", "mysite. com",
 * "mysite dot com". Spam spells them out to get past link filters; no one who wants to help does.
 */
import { STOPWORDS } from './lexicons.js';
import { F_CAPS, K_PUNCT, K_URL, K_WORD, normEquals, normOf, SCAN } from './tokenize.js';

const TLDS: readonly string[] = ['com', 'net', 'org', 'info', 'biz'];

function isTld(text: string, i: number): boolean {
  if (SCAN.kind[i] !== K_WORD || SCAN.end[i]! - SCAN.start[i]! > 4) return false;
  // "Com" after a full stop starts a sentence more often than it ends a domain: lower case or caps only.
  const first = text.charCodeAt(SCAN.start[i]!);
  if (first >= 65 && first <= 90 && !(SCAN.flags[i]! & F_CAPS)) return false;
  for (const t of TLDS) if (normEquals(text, i, t)) return true;
  return false;
}

/** Whether the char at `k` (or the end of the text) can end a domain. */
function endsDomain(text: string, k: number): boolean {
  if (k >= text.length) return true;
  const c = text.charCodeAt(k);
  return c === 47 || c === 32 || c === 10 || c === 9 || c === 46 || c === 44 || c === 33 || c === 63 || c === 41;
}

/**
 * The disguised links of the last scan of `text` (tokenize.ts `scan`): for each, the index of its
 * first token and of its top-level-domain token, as pairs in one array (undefined when none).
 */
export function disguisedLinks(text: string): number[] | undefined {
  let out: number[] | undefined;
  const n = SCAN.n;
  const kind = SCAN.kind;
  const starts = SCAN.start;
  const ends = SCAN.end;
  for (let mid = 1; mid + 1 < n; mid++) {
    // The separator first: a lone "." or the word "dot" (rare, so most tokens stop here).
    const sep = kind[mid];
    if (sep !== K_PUNCT && sep !== K_WORD) continue;
    const length = ends[mid]! - starts[mid]!;
    const dot = sep === K_PUNCT && length === 1 && text.charCodeAt(starts[mid]!) === 46;
    if (!dot && !(length === 3 && sep === K_WORD && normEquals(text, mid, 'dot'))) continue;
    const i = mid - 1;
    const tld = mid + 1;
    const k = SCAN.kind[i]!;
    if (k !== K_WORD && k !== K_URL) continue;
    if (SCAN.end[i]! - SCAN.start[i]! < 3) continue;
    if (!isTld(text, tld) || !endsDomain(text, SCAN.end[tld]!)) continue;
    // "site . com" or "site. com": a dot with a space on at least one side.
    if (dot && SCAN.start[mid]! === SCAN.end[i]! && SCAN.start[tld]! === SCAN.end[mid]!) continue;
    if (k === K_WORD && STOPWORDS.has(normOf(text, i))) continue;
    (out ??= []).push(i, tld);
  }
  return out;
}
