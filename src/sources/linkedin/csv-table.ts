/**
 * Reading one LinkedIn CSV as a table: a real CSV parser (csv-parse: BOM, quoted multi-line
 * fields, stray quotes inside unquoted fields), the header found by content rather than at a
 * fixed line (Connections.csv starts with a "Notes:" preamble), columns mapped by header name.
 * Damaged files become an InputError naming the file and the problem.
 */
import type { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { InputError } from '../../domain/errors.js';
import type { InputEntry, InputFiles } from '../archive/input-files.js';
import { columnKey, TABLE_SPECS, type RowOf, type TableKind, type TableSpec } from './linkedin-types.js';

/** The header must appear within this many non-blank records (the preamble is 2 or 3). */
const HEADER_SEARCH_RECORDS = 20;

const PARSE_OPTIONS = {
  bom: true,
  relax_column_count: true,
  relax_quotes: true,
  skip_empty_lines: true,
  info: true,
} as const;

export type HeaderCheck =
  /** `headerRecord`: how many non-blank records come before the header (the preamble). */
  | { readonly status: 'ok'; readonly headerRecord: number }
  /** No content at all (LinkedIn includes some empty files). */
  | { readonly status: 'empty' }
  /** `related`: the file looks like a LinkedIn table of this kind gone wrong (not some other file). */
  | { readonly status: 'bad'; readonly related: boolean; readonly problem: string };

function isBlank(record: readonly string[]): boolean {
  return record.every((v) => v.trim() === '');
}

/**
 * Judges one record as the header of `spec`: a record holding at least two of the table's
 * column names is a header; it is the right one when it holds every required column.
 */
export function judgeHeader(record: readonly string[], spec: TableSpec): { isHeader: boolean; missing: string[]; columns: Map<string, number> } {
  const columns = new Map<string, number>();
  record.forEach((name, i) => {
    const key = columnKey(name);
    if (key !== '' && !columns.has(key)) columns.set(key, i);
  });
  const known = [...spec.required, ...spec.optional].filter((c) => columns.has(columnKey(c)));
  const missing = spec.required.filter((c) => !columns.has(columnKey(c)));
  return { isHeader: known.length >= 2, missing, columns };
}

function describe(record: readonly string[]): string {
  const shown = record.filter((c) => c.trim() !== '').slice(0, 8).map((c) => c.trim().slice(0, 40));
  return shown.join(', ') + (record.length > 8 ? ', …' : '');
}

function parser(stream: Readable) {
  return stream.pipe(parse(PARSE_OPTIONS)) as AsyncIterable<{ record: string[]; info: { lines: number } }> & { destroy(): void };
}

/** "archive.zip: folder/Connections.csv", or just the path when the file was given alone. */
export function fileLabel(files: InputFiles, path: string): string {
  return files.container === 'file' ? files.label : `${files.label}: ${path}`;
}

/** Wraps a csv-parse failure (a field cut in the middle, …) as an InputError about the file. */
export function csvFailure(where: string, e: unknown): unknown {
  if (e instanceof InputError) return e;
  if (e instanceof CsvError) {
    const line = typeof e.lines === 'number' ? e.lines : undefined;
    const problem = e.code === 'CSV_QUOTE_NOT_CLOSED'
      ? `the file ends in the middle of a quoted field${line ? ` (opened before line ${line})` : ''}: it looks cut off`
      : `it is not valid CSV (${e.message})`;
    return new InputError(`${where}: ${problem}`, {
      hint: 'The export may be incomplete: download it again from LinkedIn (Settings & Privacy → Data privacy → Get a copy of your data). Nothing was imported.',
      cause: e,
    });
  }
  return e;
}

/** Looks for the header of `kind` in the first records of the file; reads only the head. */
export async function checkHeader(files: InputFiles, entry: InputEntry, kind: TableKind): Promise<HeaderCheck> {
  const spec = TABLE_SPECS[kind];
  if (entry.size === 0) return { status: 'empty' };
  const path = entry.path;
  const stream = await files.open(path);
  const records = parser(stream);
  let seen = 0;
  let firstRecord: string[] | undefined;
  let preamble = false;
  try {
    for await (const { record } of records) {
      if (isBlank(record)) continue;
      firstRecord ??= record;
      if (seen === 0 && columnKey(record[0] ?? '') === 'notes:') preamble = true;
      const verdict = judgeHeader(record, spec);
      if (verdict.isHeader) {
        if (verdict.missing.length > 0) {
          return { status: 'bad', related: true, problem: `the header lacks ${verdict.missing.join(', ')} (found: ${describe(record)})` };
        }
        return { status: 'ok', headerRecord: seen };
      }
      if (++seen >= HEADER_SEARCH_RECORDS) break;
    }
  } catch (e) {
    // A head that is not CSV at all is simply not this table; a cut file is reported when read.
    if (!(e instanceof CsvError) || e.code !== 'CSV_QUOTE_NOT_CLOSED') {
      return { status: 'bad', related: false, problem: 'it is not CSV text' };
    }
  } finally {
    records.destroy();
    stream.destroy();
  }
  if (firstRecord === undefined) return { status: 'empty' };
  return {
    status: 'bad',
    related: preamble,
    problem: `no header row with ${spec.required.join(', ')} (the file starts with: ${describe(firstRecord)})`,
  };
}

export interface TableRow<K extends TableKind> {
  readonly row: RowOf<K>;
  /** Line of the file where the record ends (1-based), for skip messages. */
  readonly line: number;
}

/**
 * Streams the data rows of one table. Rows are keyed by the column names of `TABLE_SPECS`
 * (absent columns read as ''); blank rows are dropped. `onBytes` receives raw bytes consumed.
 */
export async function* readTable<K extends TableKind>(
  files: InputFiles,
  entry: InputEntry,
  kind: K,
  onBytes: (bytes: number) => void,
): AsyncIterable<TableRow<K>> {
  const spec = TABLE_SPECS[kind];
  if (entry.size === 0) return;
  const stream = await files.open(entry.path);
  stream.on('data', (chunk: Buffer) => onBytes(chunk.length));
  const records = parser(stream);
  const names = [...spec.required, ...spec.optional];
  let index: (number | undefined)[] | undefined;
  let seen = 0;
  let firstRecord: string[] | undefined;
  try {
    for await (const { record, info } of records) {
      if (isBlank(record)) continue;
      if (index === undefined) {
        firstRecord ??= record;
        const verdict = judgeHeader(record, spec);
        if (verdict.isHeader && verdict.missing.length === 0) {
          index = names.map((n) => verdict.columns.get(columnKey(n)));
          continue;
        }
        if (verdict.isHeader || ++seen >= HEADER_SEARCH_RECORDS) {
          throw new InputError(`${fileLabel(files, entry.path)}: ${verdict.isHeader ? `the header lacks ${verdict.missing.join(', ')} (found: ${describe(record)})` : `no header row with ${spec.required.join(', ')}`}`, {
            hint: `This does not look like LinkedIn's ${spec.fileName}; import the export as LinkedIn made it. Nothing was imported.`,
          });
        }
        continue;
      }
      const row: Record<string, string> = {};
      names.forEach((n, i) => {
        const at = index![i];
        row[n] = at === undefined ? '' : (record[at] ?? '');
      });
      yield { row: row as RowOf<K>, line: info.lines };
    }
  } catch (e) {
    throw csvFailure(fileLabel(files, entry.path), e);
  } finally {
    records.destroy();
    stream.destroy();
  }
  if (index === undefined && firstRecord !== undefined) {
    throw new InputError(`${fileLabel(files, entry.path)}: no header row with ${spec.required.join(', ')}`, {
      hint: `This does not look like LinkedIn's ${spec.fileName}. Nothing was imported.`,
    });
  }
}

/**
 * Counts the non-blank CSV records of a file without parsing it: a scan of the bytes that
 * knows about quotes (a newline inside a quoted field does not end a record). Cheap enough for
 * the summary shown before the import starts.
 */
export async function countRecords(files: InputFiles, path: string): Promise<number> {
  const stream = await files.open(path);
  let inQuotes = false;
  let content = false;
  let count = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (c === 0x22) {
        inQuotes = !inQuotes;
        content = true;
      } else if (c === 0x0a && !inQuotes) {
        if (content) count++;
        content = false;
      } else if (c !== 0x2c && c !== 0x0d && c !== 0x20 && c !== 0x09 && c !== 0xef && c !== 0xbb && c !== 0xbf) {
        content = true;
      }
    }
  }
  if (content) count++;
  return count;
}
