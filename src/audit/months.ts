/**
 * Calendar months in UTC, the audit's unit of time, and the weeks that belong to each (a week
 * belongs to the month holding its Thursday, as ISO weeks do, so no week is counted twice).
 */
const DAY_MS = 86_400_000;

export interface MonthRange {
  /** `YYYY-MM`. */
  readonly key: string;
  /** First instant, ISO. */
  readonly start: string;
  /** Last instant (inclusive), ISO. */
  readonly end: string;
}

export function monthKey(iso: string): string {
  return iso.slice(0, 7);
}

export function monthRange(key: string): MonthRange {
  const [y, m] = key.split('-').map(Number) as [number, number];
  const start = Date.UTC(y, m - 1, 1);
  const next = Date.UTC(y, m, 1);
  return { key, start: new Date(start).toISOString(), end: new Date(next - 1).toISOString() };
}

/** The month `n` months after `key` (negative: before). */
export function addMonths(key: string, n: number): string {
  const [y, m] = key.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}

/** Every month from the one holding `from` to the one holding `to`, oldest first. */
export function monthsBetween(from: string, to: string): MonthRange[] {
  const out: MonthRange[] = [];
  for (let key = monthKey(from); key <= monthKey(to); key = addMonths(key, 1)) out.push(monthRange(key));
  return out;
}

/** Mondays (ISO dates) of the weeks whose Thursday falls in the month, up to `until`. */
export function weeksOf(month: MonthRange, until: string): string[] {
  const start = Date.parse(month.start);
  const end = Date.parse(month.end);
  const limit = Date.parse(until);
  const weeks: string[] = [];
  // The first Thursday on or after the 1st.
  let thursday = start + ((4 - new Date(start).getUTCDay() + 7) % 7) * DAY_MS;
  for (; thursday <= end; thursday += 7 * DAY_MS) {
    const monday = thursday - 3 * DAY_MS;
    if (monday <= limit) weeks.push(new Date(monday).toISOString().slice(0, 10));
  }
  return weeks;
}

/** The Monday (ISO date) of the week holding `iso`. */
export function weekOf(iso: string): string {
  const t = Date.parse(iso);
  const day = new Date(t).getUTCDay();
  const monday = Date.UTC(new Date(t).getUTCFullYear(), new Date(t).getUTCMonth(), new Date(t).getUTCDate()) - ((day + 6) % 7) * DAY_MS;
  return new Date(monday).toISOString().slice(0, 10);
}
