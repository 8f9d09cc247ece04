/**
 * Some exports record that something happened but not when (Mastodon's CSV follows, likes of
 * posts whose id encodes no time). Such events are stored at the Unix epoch, which no real
 * social-media event precedes, and every view shows them as "date unknown", never "1 Jan 1970".
 */
export const UNKNOWN_TIME = '1970-01-01T00:00:00.000Z';

export function isUnknownTime(iso: string | null | undefined): boolean {
  return iso !== null && iso !== undefined && Date.parse(iso) === 0;
}
