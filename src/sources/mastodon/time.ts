/**
 * Times in a Mastodon export are ISO 8601 (`2024-03-02T10:00:00Z`, with or without milliseconds,
 * `Z` or an offset). Other servers' objects are sometimes zoneless or use a space for the `T`:
 * those are read as UTC. The raw value is always kept next to the UTC time.
 */

/** Stands for "the export does not say when" (CSV follows, likes of non-Mastodon posts). */
export { UNKNOWN_TIME } from '../../domain/unknown-time.js';

const ISO = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i;

/** The UTC ISO time of a raw export time, or undefined when it is not a time. */
export function toUtc(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const m = ISO.exec(raw.trim());
  if (!m) return undefined;
  let zone = m[3] ?? 'Z';
  if (/^(UTC|GMT)$/i.test(zone)) zone = 'Z';
  else if (/^[+-]\d{4}$/.test(zone)) zone = `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const ms = Date.parse(`${m[1]}T${m[2]}${zone.toUpperCase()}`);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/**
 * Mastodon status ids (since 2.0) are "snowflakes": milliseconds since 1970 shifted left 16 bits.
 * The time a status was written is thus in its URI, and a like of it cannot be older: the best
 * deterministic stand-in for the like's own time, which the archive does not keep.
 */
export function timeFromStatusUri(uri: string): string | undefined {
  const m = /\/(?:statuses|@[^/]+)\/(\d{15,20})\/?$/.exec(uri);
  if (!m) return undefined;
  const ms = Number(BigInt(m[1]!) >> 16n);
  // Only trust times inside Mastodon's life (2016 onwards) and not in the far future.
  if (ms < Date.UTC(2016, 0, 1) || ms > Date.UTC(2100, 0, 1)) return undefined;
  return new Date(ms).toISOString();
}
