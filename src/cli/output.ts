/**
 * One printer for every command: `--json` prints exactly one JSON document on stdout, otherwise
 * readable text for people. Errors always go to stderr.
 */
import pc from 'picocolors';
import { isUnknownTime } from '../domain/unknown-time.js';

export interface Printer {
  readonly json: boolean;
  /** Prints `value` as JSON, or the human rendering of it. */
  result<T>(value: T, human: (value: T) => string): void;
  /** A line of commentary for people (never in `--json` mode), on stderr so stdout stays data. */
  info(line: string): void;
}

export function createPrinter(json: boolean, out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Printer {
  return {
    json,
    result(value, human) {
      out.write(json ? `${JSON.stringify(value, null, 2)}\n` : ensureNewline(human(value)));
    },
    info(line) {
      if (!json) err.write(ensureNewline(line));
    },
  };
}

function ensureNewline(s: string): string {
  return s.endsWith('\n') ? s : `${s}\n`;
}

/** A plain left-aligned text table; numbers are right-aligned. */
export function table(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = rows.map((r) => r.map((c) => String(c)));
  const widths = headers.map((h, i) => Math.max(visibleLength(h), ...cells.map((r) => visibleLength(r[i] ?? ''))));
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number'));
  const line = (r: readonly string[], style: (s: string) => string = (s) => s) =>
    r.map((c, i) => style(numeric[i] ? pad(c, widths[i] ?? 0, 'left') : pad(c, widths[i] ?? 0, 'right'))).join('  ').trimEnd();
  return [line(headers, pc.bold), ...cells.map((r) => line(r))].join('\n');
}

function visibleLength(s: string): number {
  // eslint-disable-next-line no-control-regex
  return [...s.replace(/\x1b\[[0-9;]*m/g, '')].length;
}

function pad(s: string, width: number, side: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - visibleLength(s)));
  return side === 'left' ? fill + s : s + fill;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** `2026-11-01T10:00:00.000Z` → `1 Nov 2026`; null → `—`. */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return '—';
  if (isUnknownTime(iso)) return 'date unknown';
  const d = new Date(iso);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** `2026-11-01T10:00:00.000Z` → `2026-11-01 10:00`. */
export function formatTime(iso: string): string {
  if (isUnknownTime(iso)) return 'date unknown    ';
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
