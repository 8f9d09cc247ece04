/**
 * The audit's shapes (DESIGN §3 "audit my account"): per month, one figure per principle family,
 * with its trend against the month before, the counts it rests on and a few examples. The CLI,
 * the HTML report and the web app all render these.
 */
import type { Principle } from '../playbook/playbook.js';

export const FIGURE_IDS = [
  'promotional-share',
  'asks-before-giving',
  'cold-dms',
  'templated-messages',
  'questions-asked',
  'conversation-share',
  'shares-thanked',
  'reply-latency',
  'active-weeks',
  'engaged-followers',
  'going-quiet',
] as const;
export type FigureId = (typeof FIGURE_IDS)[number];

/** How a figure's value reads: a share in [0, 1], a count, hours, or weeks. */
export type FigureUnit = 'share' | 'count' | 'hours';

/** `up`/`down`/`flat` against the month before; `new` when the month before had nothing to measure. */
export type Trend = 'up' | 'down' | 'flat' | 'new' | 'none';

export interface AuditExample {
  readonly at: string;
  /** The person's handle, when the example is about someone. */
  readonly handle: string | null;
  /** What happened, in plain words. */
  readonly what: string;
  /** The message's text, when there is one (imported text: render it as text only). */
  readonly text: string | null;
}

export interface FigureMonth {
  /** `YYYY-MM`. */
  readonly month: string;
  /** The month was not over at the report's moment: counts are "so far". */
  readonly partial: boolean;
  /** Null when there was nothing to measure this month (no outbound messages, no shares…). */
  readonly value: number | null;
  /** The value of the month before (null when nothing to measure then). */
  readonly previous: number | null;
  readonly trend: Trend;
  /** Whether the change is for the better, by the principle (null when flat or not comparable). */
  readonly better: boolean | null;
  /** One sentence with the counts behind the value. */
  readonly detail: string;
  /** The counts the value is computed from (names say what they count). */
  readonly counts: Readonly<Record<string, number>>;
  readonly examples: readonly AuditExample[];
}

export interface AuditFigure {
  readonly id: FigureId;
  readonly title: string;
  /** The principle this figure measures first … */
  readonly principle: Principle;
  /** … and every principle it speaks to. */
  readonly principles: readonly Principle[];
  /** One sentence: what the principle asks of you. */
  readonly explanation: string;
  /** How to read the number. */
  readonly reading: string;
  readonly unit: FigureUnit;
  /** Which direction is good. */
  readonly goodDirection: 'up' | 'down';
  readonly months: readonly FigureMonth[];
  /** The latest month with a value, if any. */
  readonly latest: FigureMonth | null;
}

export interface AuditReport {
  readonly at: string;
  /** First instant counted (the first day of the first month). */
  readonly from: string;
  /** Last instant counted. */
  readonly to: string;
  /** `YYYY-MM`, oldest first. */
  readonly months: readonly string[];
  /** False when the workspace has no interaction at all in the period. */
  readonly hasData: boolean;
  /** What to do when there is no data (the span of the data there is), else null. */
  readonly notice: string | null;
  /** The first and last interaction in the whole workspace, whatever the period. */
  readonly dataSpan: { readonly first: string; readonly last: string } | null;
  readonly figures: readonly AuditFigure[];
}
