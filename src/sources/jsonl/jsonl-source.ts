/**
 * rapport JSONL (DESIGN §4): one JSON object per line. Read as a stream, line by line, so a
 * file of any size imports in constant memory; a bad line is skipped and reported with its
 * number, a file that is not JSON lines at all is refused before anything is written.
 */
import { InputError } from '../../domain/errors.js';
import { parseRecord } from '../../domain/records.js';
import type { InputFiles } from '../archive/input-files.js';
import type { Detection, ReadContext, Source, SourceItem } from '../source.js';
import { plainInteraction } from './fast-record.js';
import { linesInChunks } from './lines.js';

const SNIFF_BYTES = 64 * 1024;
const SNIFF_LINES = 10;
const JSONL_NAME = /\.(jsonl|ndjson)$/i;

export const jsonlSource: Source = {
  id: 'jsonl',
  atomic: false,

  async detect(files: InputFiles): Promise<Detection | null> {
    if (files.container !== 'file') return null;
    const entry = files.entries[0];
    if (!entry) return null;
    const claimsJsonl = JSONL_NAME.test(entry.path);
    const verdict = sniff(await files.readHead(entry.path, SNIFF_BYTES));
    if (verdict.ok) return { format: 'rapport JSONL', summary: `rapport JSONL file ${entry.path} (${formatSize(entry.size)})` };
    if (claimsJsonl || verdict.looksLikeJson) {
      throw new InputError(`${files.label}: not rapport JSONL: ${verdict.problem}`, {
        hint: 'Each line must be one JSON object such as {"type":"interaction",...} (see DESIGN §4 / the README). Nothing was imported.',
      });
    }
    return null;
  },

  async *read(files: InputFiles, context: ReadContext): AsyncIterable<SourceItem> {
    const entry = files.entries[0];
    if (!entry) return;
    const stream = await files.open(entry.path);
    let bytes = 0;
    let lineNo = 0;
    for await (const lines of linesInChunks(stream, (n) => (bytes += n))) {
      const items: SourceItem[] = [];
      for (const raw of lines) {
        lineNo++;
        const item = readLine(lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw, lineNo);
        if (item) items.push(item);
      }
      context.progress(bytes);
      yield* items;
    }
    context.progress(bytes);
  },
};

/** One line as a record or a skip; nothing for a blank line. */
export function readLine(line: string, lineNo: number): SourceItem | undefined {
  if (line.length === 0 || (line.charCodeAt(0) !== 123 /* { */ && line.trim() === '')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { skip: { line: lineNo, reason: !/[}\]"\d]\s*$/.test(line) ? 'not valid JSON (the line looks cut off)' : 'not valid JSON' } };
  }
  const plain = plainInteraction(value);
  if (plain) return { record: plain };
  const parsed = parseRecord(value);
  if (!parsed.ok) return { skip: { line: lineNo, reason: parsed.reason } };
  const record = parsed.record;
  if (record.type === 'interaction' && record.atRaw === undefined) {
    const rawAt = (value as { at: string }).at;
    if (rawAt !== record.at) record.atRaw = rawAt;
  }
  return { record };
}

type SniffVerdict = { ok: true } | { ok: false; problem: string; looksLikeJson: boolean };

function sniff(head: Buffer): SniffVerdict {
  if (head.includes(0)) return { ok: false, problem: 'it looks like a binary file', looksLikeJson: false };
  // Judge only whole lines: the head may end in the middle of a line or of a UTF-8 character.
  const lastNewline = head.lastIndexOf(0x0a);
  const whole = lastNewline >= 0 ? head.subarray(0, lastNewline) : head;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(whole);
  } catch {
    return { ok: false, problem: 'it is not UTF-8 text', looksLikeJson: false };
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, SNIFF_LINES);
  if (lines.length === 0) return { ok: false, problem: 'it has no lines', looksLikeJson: false };
  let firstProblem = '';
  for (const [i, line] of lines.entries()) {
    try {
      const value: unknown = JSON.parse(line);
      if (typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { type?: unknown }).type === 'string') {
        return { ok: true };
      }
      firstProblem ||= `line ${i + 1} is JSON but not a rapport record (no "type" field)`;
    } catch {
      firstProblem ||= `line ${i + 1} is not JSON`;
    }
  }
  const first = lines[0]?.trimStart() ?? '';
  return { ok: false, problem: firstProblem, looksLikeJson: first.startsWith('{') || first.startsWith('[') };
}

function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
