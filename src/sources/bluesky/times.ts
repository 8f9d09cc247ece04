/**
 * Bluesky times are client-asserted RFC 3339 strings (`createdAt`); most carry milliseconds and
 * a `Z`, some clients wrote microseconds, offsets, a space for the `T` or no zone at all. All are
 * accepted and normalised to UTC; a zoneless time is read as UTC. When `createdAt` is missing or
 * unreadable, the record key (a TID) still says when the record was made.
 */
import { tidTime } from './at-uri.js';

const RFC3339ISH =
  /^(\d{4}-\d{2}-\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?$/;

/** A createdAt value as UTC ISO (`2024-05-01T12:00:00.000Z`), or undefined when it is not a time. */
export function parseBskyTime(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const m = RFC3339ISH.exec(raw.trim());
  if (!m) return undefined;
  const [, date = '', hh = '00', mm = '00', ss = '00', frac = '', zone = 'Z'] = m;
  // Date.parse rolls some impossible dates over (Feb 30 → Mar 2): refuse them.
  const day = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(day) || new Date(day).toISOString().slice(0, 10) !== date) return undefined;
  const ms = (frac + '000').slice(0, 3);
  let offset = zone.toUpperCase();
  if (offset !== 'Z') {
    const digits = offset.slice(1).replace(':', '');
    offset = `${offset[0]}${digits.slice(0, 2)}:${digits.slice(2, 4) || '00'}`;
  }
  const t = Date.parse(`${date}T${hh}:${mm}:${ss}.${ms}${offset}`);
  if (Number.isNaN(t)) return undefined;
  return new Date(t).toISOString();
}

export interface RecordTime {
  readonly at: string;
  /** The raw `createdAt` when there was one. */
  readonly atRaw?: string;
}

/** The time of a record: its createdAt, else the time in its TID record key; undefined if neither. */
export function recordTime(createdAt: unknown, rkey: string): RecordTime | undefined {
  const raw = typeof createdAt === 'string' ? createdAt : undefined;
  const parsed = parseBskyTime(createdAt);
  if (parsed) return { at: parsed, ...(raw !== undefined ? { atRaw: raw } : {}) };
  const fromKey = tidTime(rkey);
  if (fromKey === undefined) return undefined;
  return { at: new Date(fromKey).toISOString(), ...(raw !== undefined ? { atRaw: raw } : {}) };
}
