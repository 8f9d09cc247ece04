/**
 * Parsers for labelled message files (pure: they take the file's text). The YouTube Spam
 * Collection is RFC 4180 CSV whose CONTENT holds HTML left by the API and a stray U+FEFF; the SMS
 * Spam Collection is `label<TAB>text` where quotes are just characters. Users' corrections are
 * JSONL (`{"text":…,"promotional":…}`) or `label<TAB>text`.
 */
import { parse } from 'csv-parse/sync';
import { TrainingExampleSchema, type TrainingExample } from './types.js';

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };
const ENTITY_RE = /&(#x[0-9a-f]+|#\d+|[a-z]+|#39);/gi;

export function decodeEntities(s: string): string {
  return s.replace(ENTITY_RE, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return NAMED_ENTITIES[lower] ?? whole;
  });
}

const ANCHOR_RE = /<a\b[^>]*?href\s*=\s*"([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi;

export function cleanYoutubeContent(content: string): string {
  let s = content.replace(/\uFEFF/g, '');
  // Commenters cannot write HTML: every anchor was added by YouTube around what they typed (a
  // URL, a timestamp such as 2:19 linked to the same video, a #hashtag, a +mention). The author's
  // words are the anchor's text; the href would make a timestamp look like a pasted link.
  s = s.replace(ANCHOR_RE, (_, _href: string, inner: string) => inner);
  s = s.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]+>/g, ' ');
  return decodeEntities(s).replace(/[ \t]+/g, ' ').trim();
}

export function parseYoutubeCsv(content: string): TrainingExample[] {
  const rows = parse(content, { columns: true, skip_empty_lines: true, bom: true, relax_column_count: false }) as Record<string, string>[];
  return rows.map((row, i) => {
    const text = row['CONTENT'];
    const cls = row['CLASS'];
    if (text === undefined || (cls !== '0' && cls !== '1')) throw new Error(`YouTube CSV row ${i + 2}: expected CONTENT and CLASS 0/1`);
    return { text: cleanYoutubeContent(text), promotional: cls === '1' };
  });
}

export function parseSmsTsv(content: string): TrainingExample[] {
  const out: TrainingExample[] = [];
  const lines = content.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const tab = line.indexOf('\t');
    const label = tab >= 0 ? line.slice(0, tab) : '';
    if (label !== 'ham' && label !== 'spam') throw new Error(`SMS line ${i + 1}: expected "ham" or "spam" then a tab`);
    out.push({ text: decodeEntities(line.slice(tab + 1)), promotional: label === 'spam' });
  });
  return out;
}

const TRUE_LABELS = new Set(['1', 'true', 'yes', 'spam', 'promotional', 'promo']);
const FALSE_LABELS = new Set(['0', 'false', 'no', 'ham', 'genuine', 'ok', 'friendly']);

/** Lines of `{"text":…,"promotional":…}` or `label<TAB>text`; blank lines and `#` comments skipped. */
export function parseTrainingLines(content: string): TrainingExample[] {
  const out: TrainingExample[] = [];
  content.split(/\r?\n/).forEach((line, i) => {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) return;
    if (trimmed.startsWith('{')) {
      let json: unknown;
      try {
        json = JSON.parse(trimmed);
      } catch {
        throw new Error(`line ${i + 1}: not valid JSON`);
      }
      const parsed = TrainingExampleSchema.safeParse(json);
      if (!parsed.success) throw new Error(`line ${i + 1}: expected {"text": string, "promotional": boolean}`);
      out.push(parsed.data);
      return;
    }
    const tab = line.indexOf('\t');
    const label = tab >= 0 ? line.slice(0, tab).trim().toLowerCase() : '';
    if (TRUE_LABELS.has(label)) out.push({ text: line.slice(tab + 1), promotional: true });
    else if (FALSE_LABELS.has(label)) out.push({ text: line.slice(tab + 1), promotional: false });
    else throw new Error(`line ${i + 1}: expected a JSON object or "label<TAB>text" (label: promotional/genuine, 1/0, spam/ham)`);
  });
  return out;
}

/** A labelled file by its name: `.csv` (YouTube collection), `.tsv` (SMS collection), `.jsonl` (our own lines); undefined for other files. */
export function parseLabelledFile(name: string, content: string): TrainingExample[] | undefined {
  if (name.endsWith('.csv')) return parseYoutubeCsv(content);
  if (name.endsWith('.tsv')) return parseSmsTsv(content);
  if (name.endsWith('.jsonl')) return parseTrainingLines(content);
  return undefined;
}

/** Drops exact repeats (same text, same label): they would leak across cross-validation folds. */
export function dedupeExamples(examples: readonly TrainingExample[]): TrainingExample[] {
  const seen = new Set<string>();
  const out: TrainingExample[] = [];
  for (const e of examples) {
    const key = `${e.promotional ? 1 : 0}\t${e.text.trim()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out;
}
