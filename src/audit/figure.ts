/** What every figure module provides: its identity, and a measure of one month. */
import type { Principle } from '../playbook/playbook.js';
import type { AuditContext } from './gather.js';
import type { MonthRange } from './months.js';
import type { AuditExample, FigureId, FigureUnit } from './types.js';

export interface Measured {
  /** Null when there was nothing to measure. */
  readonly value: number | null;
  readonly detail: string;
  readonly counts: Readonly<Record<string, number>>;
  readonly examples: readonly AuditExample[];
}

export interface FigureDefinition {
  readonly id: FigureId;
  readonly title: string;
  readonly principles: readonly [Principle, ...Principle[]];
  readonly reading: string;
  readonly unit: FigureUnit;
  readonly goodDirection: 'up' | 'down';
  /** A count that adds up over the month: a month not yet over is compared with the same share of the month before. */
  readonly accumulates?: boolean;
  /** Prepares once over the whole context, then measures month by month. */
  measure(context: AuditContext): (month: MonthRange) => Measured;
}

export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

export function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
