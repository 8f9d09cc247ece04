/**
 * The hot path of rapport JSONL validation. Almost every line of a big file is an interaction in
 * its plainest form — canonical UTC time, known kind, string ids and handles, no extra fields —
 * and for those the zod schema (src/domain/records.ts, the one definition of a record) does
 * nothing but check. `plainInteraction` recognises exactly those lines at a fraction of the cost
 * and returns the value unchanged, being what the schema would return for it; anything else —
 * an unknown field, a number id, a time to normalise, a handle with spaces, any doubt — returns
 * undefined, and the caller validates with the schema, which also words the reasons.
 */
import { KINDS, PLATFORMS, type InteractionRecord } from '../../domain/records.js';

const PLATFORM_SET: ReadonlySet<string> = new Set(PLATFORMS);
const KIND_SET: ReadonlySet<string> = new Set(KINDS);

export function plainInteraction(value: unknown): InteractionRecord | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (v.type !== 'interaction') return undefined;
  for (const key in v) {
    switch (key) {
      case 'type': case 'platform': case 'id': case 'at': case 'kind': case 'actor': case 'target': case 'text': case 'inReplyTo': case 'about':
        break;
      default:
        return undefined;
    }
  }
  const { platform, id, at, kind, actor, target, text, inReplyTo, about } = v;
  if (typeof platform !== 'string' || !PLATFORM_SET.has(platform)) return undefined;
  if (typeof kind !== 'string' || !KIND_SET.has(kind)) return undefined;
  if (!isId(id) || !isHandle(actor)) return undefined;
  if (target !== undefined && !isHandle(target)) return undefined;
  if (text !== undefined && typeof text !== 'string') return undefined;
  if (inReplyTo !== undefined && !isId(inReplyTo)) return undefined;
  if (about !== undefined && !isId(about)) return undefined;
  if (!isCanonicalTime(at)) return undefined;
  return value as InteractionRecord;
}

function isId(v: unknown): boolean {
  return typeof v === 'string' && v.length > 0;
}

// The schema trims handles: one that trimming would change is left to it.
function isHandle(v: unknown): boolean {
  return typeof v === 'string' && v.length > 0 && v.trim() === v;
}

/**
 * `2026-11-01T10:00:00.000Z` exactly as Date#toISOString writes it, on a day that exists: the
 * schema's normalised form of itself, so the schema would return it unchanged.
 */
function isCanonicalTime(v: unknown): boolean {
  if (typeof v !== 'string' || v.length !== 24) return false;
  if (v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45 || v.charCodeAt(10) !== 84 || v.charCodeAt(13) !== 58
    || v.charCodeAt(16) !== 58 || v.charCodeAt(19) !== 46 || v.charCodeAt(23) !== 90) return false; // - - T : : . Z
  const year = digits(v, 0, 4);
  const month = digits(v, 5, 2);
  const day = digits(v, 8, 2);
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false;
  if (day > 28 && day > daysIn(year, month)) return false;
  return digits(v, 11, 2) <= 23 && digits(v, 14, 2) <= 59 && digits(v, 17, 2) <= 59 && digits(v, 20, 3) >= 0;
}

/** The number written by `length` decimal digits at `at`, or -1 when one is not a digit. */
function digits(s: string, at: number, length: number): number {
  let n = 0;
  for (let i = at; i < at + length; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
