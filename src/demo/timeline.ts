/**
 * The demo's calendar: one year of days ending on `lastDay`, whose last events happen in the
 * morning (the agenda's "today"). Times are milliseconds since the epoch, always UTC, which is
 * also local time for a bakery in Yorkshire outside summer (close enough for a demo).
 */
import type { Random } from './random.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export class Timeline {
  readonly days: number;
  /** Midnight of the first day. */
  readonly start: number;
  /** Nothing happens after this moment: the morning of the last day. */
  readonly end: number;

  constructor(readonly lastDay: string, days = 365, endHour = 11) {
    const last = Date.parse(`${lastDay}T00:00:00Z`);
    if (Number.isNaN(last)) throw new Error(`lastDay must be YYYY-MM-DD, got ${JSON.stringify(lastDay)}`);
    this.days = days;
    this.start = last - (days - 1) * DAY;
    this.end = last + endHour * HOUR;
  }

  /** Midnight of day `d` (0 is the first day, days-1 the last). */
  day(d: number): number {
    return this.start + d * DAY;
  }

  dayOf(time: number): number {
    return Math.floor((time - this.start) / DAY);
  }

  at(d: number, hour: number, minute = 0): number {
    return this.day(d) + hour * HOUR + minute * MINUTE;
  }

  /** A waking-hours moment on day `d`. */
  daytime(rng: Random, d: number, fromHour = 7, toHour = 22): number {
    return this.day(d) + rng.int(fromHour * 60, toHour * 60 - 1) * MINUTE + rng.int(0, 59) * 1000;
  }

  /** A moment between `min` and `max` minutes after `time`. */
  later(rng: Random, time: number, minMinutes: number, maxMinutes: number): number {
    return time + rng.int(minMinutes * 60, maxMinutes * 60) * 1000;
  }

  /** Day `d` of the demo for a calendar date, e.g. dayOfDate('2026-04-05'). */
  dayOfDate(date: string): number {
    return this.dayOf(Date.parse(`${date}T12:00:00Z`));
  }

  month(time: number): number {
    return new Date(time).getUTCMonth() + 1;
  }

  /** The calendar date `offset` days from day `d`, as YYYY-MM-DD. */
  date(d: number): string {
    return new Date(this.day(d)).toISOString().slice(0, 10);
  }

  static readonly MINUTE = MINUTE;
  static readonly HOUR = HOUR;
}
