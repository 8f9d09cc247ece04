/**
 * The real path of `rapport audit` and the web app's audit page: validate the period, load the
 * workspace as of its end, and run the pure audit engine (src/audit/).
 *
 * Dates may be `YYYY-MM` (a whole month), `YYYY-MM-DD` (a whole day, UTC) or an ISO time with a
 * zone. Without `from`, the period is the playbook's `audit.periodMonths` (12) months up to `to`;
 * without `to`, it ends at `at` (default: now).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { renderAuditHtml } from '../audit/html-report.js';
import { buildAudit, type AuditReport } from '../audit/index.js';
import { addMonths, monthKey, monthRange } from '../audit/months.js';
import { UserError } from '../domain/errors.js';
import type { Store } from '../store/store.js';
import { loadPlaybook } from './load-playbook.js';
import { loadSnapshot } from './load-snapshot.js';

export interface AuditRequest {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  /** "Now": the default end of the period. */
  readonly at?: string | undefined;
}

export async function auditReport(store: Store, request: AuditRequest = {}): Promise<AuditReport> {
  const playbook = await loadPlaybook(store);
  const { from, to } = resolveAuditPeriod(request, playbook.audit.periodMonths);
  const { first, last } = (await store.stats()).interactions;
  const dataSpan = first && last ? { first: new Date(first).toISOString(), last: new Date(last).toISOString() } : null;
  return buildAudit(await loadSnapshot(store, to), { from, dataSpan });
}

/** The period as two ISO instants, or a UserError naming the bad date and the fix. */
export function resolveAuditPeriod(request: AuditRequest, periodMonths: number, now: string = new Date().toISOString()): { from: string; to: string } {
  const at = request.at === undefined ? now : parseAuditDate(request.at, 'end', 'at');
  const to = request.to === undefined ? at : parseAuditDate(request.to, 'end', 'to');
  const from = request.from === undefined ? monthRange(addMonths(monthKey(to), -(periodMonths - 1))).start : parseAuditDate(request.from, 'start', 'from');
  if (from > to) {
    throw new UserError(`The period starts (${from.slice(0, 10)}) after it ends (${to.slice(0, 10)})`, {
      hint: 'Give --from a date before --to, e.g. --from 2026-01 --to 2026-06.',
    });
  }
  return { from, to };
}

const ZONED_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** `YYYY-MM`, `YYYY-MM-DD` or a zoned ISO time → the first (`start`) or last (`end`) instant it names. */
export function parseAuditDate(value: string, edge: 'start' | 'end', name: string): string {
  const v = value.trim();
  let iso: string | undefined;
  if (/^\d{4}-\d{2}$/.test(v)) {
    const month = Number(v.slice(5, 7));
    if (month >= 1 && month <= 12) iso = edge === 'start' ? monthRange(v).start : monthRange(v).end;
  } else if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
    const d = new Date(`${v}T${edge === 'start' ? '00:00:00.000' : '23:59:59.999'}Z`);
    if (!Number.isNaN(d.getTime()) && d.toISOString().startsWith(v)) iso = d.toISOString();
  } else if (ZONED_TIME.test(v)) {
    const t = Date.parse(v);
    if (!Number.isNaN(t)) iso = new Date(t).toISOString();
  }
  if (iso === undefined) {
    throw new UserError(`Bad date for --${name}: "${value}"`, {
      hint: 'Use YYYY-MM (a month), YYYY-MM-DD (a day) or an ISO time with a zone such as 2026-11-20T09:00:00Z.',
    });
  }
  return iso;
}

/** The report as one self-contained HTML page (charts by chart.js, inlined; see src/audit/html-report.ts). */
export function auditHtml(report: AuditReport): string {
  return renderAuditHtml(report, chartLibrarySource());
}

/** chart.js's browser build, shipped with rapport as a dependency. */
export function chartLibrarySource(): string {
  // The package exports only its module entries; the browser build sits beside them.
  const entry = createRequire(import.meta.url).resolve('chart.js');
  return readFileSync(join(dirname(entry), 'chart.umd.js'), 'utf8');
}
