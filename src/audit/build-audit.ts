/**
 * The account audit (DESIGN §3): per month in the period, one figure per principle family with
 * its trend against the month before. Pure: gather (the snapshot's people, messages and posts) →
 * measure (one module per figure family, in figures/) → present (trends, latest month).
 *
 * @example buildAudit(await loadSnapshot(store, to), { from: '2026-01-01T00:00:00.000Z' })
 */
import type { WorkspaceSnapshot } from '../domain/snapshot.js';
import type { FigureDefinition, Measured } from './figure.js';
import { asksBeforeGiving } from './figures/asks-before-giving.js';
import { coldDms } from './figures/cold-dms.js';
import { activeWeeks } from './figures/consistency.js';
import { conversationShare, questionsAsked } from './figures/conversation.js';
import { engagedFollowers } from './figures/followers.js';
import { goingQuiet } from './figures/going-quiet.js';
import { replyLatency } from './figures/latency.js';
import { promotionalShare } from './figures/promotional.js';
import { templatedMessages } from './figures/templates.js';
import { sharesThanked } from './figures/thanks.js';
import { gatherAudit } from './gather.js';
import { addMonths, monthKey, monthRange, monthsBetween, type MonthRange } from './months.js';
import { PRINCIPLE_EXPLANATIONS } from './principles.js';
import type { AuditFigure, AuditReport, FigureMonth, Trend } from './types.js';

/** Every figure, in the order reports show them. */
export const FIGURES: readonly FigureDefinition[] = [
  promotionalShare, asksBeforeGiving, coldDms, templatedMessages, questionsAsked, conversationShare,
  sharesThanked, replyLatency, activeWeeks, engagedFollowers, goingQuiet,
];

export interface AuditPeriod {
  /** First instant of the period; the audit starts at the beginning of its month. */
  readonly from: string;
  /** The first and last interaction of the whole workspace (the snapshot ends at the period's end, so it cannot tell). */
  readonly dataSpan?: AuditReport['dataSpan'] | undefined;
}

/** Audits the months from `from` to the snapshot's moment (its `at` is the period's end). */
export function buildAudit(snapshot: WorkspaceSnapshot, { from, dataSpan: knownSpan }: AuditPeriod): AuditReport {
  const to = snapshot.at;
  const months = monthsBetween(from, to);
  // One month more at the front, so the first month has a trend too.
  const measured = [monthRange(addMonths(monthKey(from), -1)), ...months];
  const context = gatherAudit(snapshot, measured);
  const start = months[0]?.start ?? from;
  const span = knownSpan === undefined ? dataSpan(snapshot) : knownSpan;
  const hasData = inPeriod(snapshot, start, to);
  const figures = FIGURES.map((definition) => present(definition, definition.measure(context), measured, to, snapshot.playbook.audit.trendTolerance));
  return {
    at: to,
    from: start,
    to,
    months: months.map((m) => m.key),
    hasData,
    notice: hasData ? null : noDataNotice(start, to, span),
    dataSpan: span,
    figures,
  };
}

function present(definition: FigureDefinition, measure: (m: MonthRange) => Measured, months: readonly MonthRange[], at: string, tolerance: number): AuditFigure {
  const values = months.map((m) => ({ range: m, ...measure(m) }));
  const shown: FigureMonth[] = values.slice(1).map((v, n) => {
    const previous = values[n]?.value ?? null;
    const partial = v.range.end > at;
    // 3 cold DMs in the first 10 days of a month compare with a third of last month's, not all of it.
    const base = partial && definition.accumulates && previous !== null ? previous * elapsedShare(v.range, at) : previous;
    const trend = trendOf(v.value, base, definition.unit === 'share', tolerance);
    return {
      month: v.range.key,
      partial,
      value: v.value,
      previous,
      trend,
      better: trend === 'up' || trend === 'down' ? trend === definition.goodDirection : null,
      detail: v.detail,
      counts: v.counts,
      examples: v.examples,
    };
  });
  const [principle] = definition.principles;
  return {
    id: definition.id,
    title: definition.title,
    principle,
    principles: definition.principles,
    explanation: PRINCIPLE_EXPLANATIONS[principle],
    reading: definition.reading,
    unit: definition.unit,
    goodDirection: definition.goodDirection,
    months: shown,
    latest: shown.filter((m) => m.value !== null).at(-1) ?? null,
  };
}

/**
 * Shares compare by points (0.40 → 0.43 is flat at a 0.05 tolerance); counts and hours compare
 * by relative change, so 10 → 10.4 hours is flat but 0 → 1 cold DM is not.
 */
export function trendOf(value: number | null, previous: number | null, isShare: boolean, tolerance: number): Trend {
  if (value === null) return 'none';
  if (previous === null) return 'new';
  const delta = value - previous;
  const flat = isShare ? Math.abs(delta) <= tolerance : Math.abs(delta) <= tolerance * Math.max(Math.abs(previous), Math.abs(value));
  if (flat) return 'flat';
  return delta > 0 ? 'up' : 'down';
}

function elapsedShare(month: MonthRange, at: string): number {
  const start = Date.parse(month.start);
  return Math.min(1, Math.max(0, (Date.parse(at) - start) / (Date.parse(month.end) + 1 - start)));
}

function dataSpan(snapshot: WorkspaceSnapshot): AuditReport['dataSpan'] {
  let first: string | undefined;
  let last: string | undefined;
  const see = (at: string) => {
    if (first === undefined || at < first) first = at;
    if (last === undefined || at > last) last = at;
  };
  for (const list of snapshot.interactionsByPerson.values()) {
    if (list.length === 0) continue;
    see(list[0]!.at);
    see(list[list.length - 1]!.at);
  }
  for (const p of snapshot.ownPosts) see(p.at);
  return first && last ? { first, last } : null;
}

function inPeriod(snapshot: WorkspaceSnapshot, from: string, to: string): boolean {
  if (snapshot.ownPosts.some((p) => p.at >= from && p.at <= to)) return true;
  for (const list of snapshot.interactionsByPerson.values()) {
    if (list.some((i) => i.at >= from && i.at <= to)) return true;
  }
  return false;
}

function noDataNotice(from: string, to: string, span: AuditReport['dataSpan']): string {
  const period = `between ${from.slice(0, 10)} and ${to.slice(0, 10)}`;
  if (!span) return `This workspace has no interactions yet, so there is nothing to audit ${period}. Import your data first: rapport import PATH.`;
  return `This workspace has no interactions ${period}; its data runs from ${span.first.slice(0, 10)} to ${span.last.slice(0, 10)}. Choose that period with --from and --to.`;
}
