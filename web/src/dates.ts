/** How times and dates read on the pages: short, in the user's locale, and "—" for never. */
import { isUnknownTime } from '../../src/domain/unknown-time.js';

const UNKNOWN = 'date unknown';

export function formatDay(iso: string | null | undefined): string {
  if (!iso) return '—';
  if (isUnknownTime(iso)) return UNKNOWN;
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
}

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  if (isUnknownTime(iso)) return UNKNOWN;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
}

/** "3 days ago" style distance from the workspace's now (not the browser's clock). */
export function ago(iso: string | null | undefined, now: string): string {
  if (!iso) return 'never';
  if (isUnknownTime(iso)) return UNKNOWN;
  const days = Math.floor((Date.parse(now) - Date.parse(iso)) / 86_400_000);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 60) return `${days} days ago`;
  const months = Math.round(days / 30);
  return months < 24 ? `${months} months ago` : `${Math.round(days / 365)} years ago`;
}

/** The calendar day (YYYY-MM-DD) `days` after an instant, as date inputs want it. */
export function dayAfter(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * 86_400_000).toISOString().slice(0, 10);
}

/** YYYY-MM of an instant, as month inputs want it. */
export function monthOf(iso: string, monthsBack = 0): string {
  const d = new Date(iso);
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - monthsBack);
  return d.toISOString().slice(0, 7);
}
