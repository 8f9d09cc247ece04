/**
 * LinkedIn writes times in several ways, often without a zone (FORMATS.md §4): `12 Mar 2024`
 * (Connections), `2023-05-01 14:22:10 UTC` (messages), `2024-04-01 07:30:00` (Shares, Comments,
 * Reactions; zoneless, taken as UTC), `9/1/26, 10:00 AM` (Invitations: M/D/YY, 12-hour clock).
 * Other forms seen or plausible are accepted too: ISO 8601 with `T` and a zone, `Mar 12, 2024`,
 * `March 12, 2024`, `12-Mar-24`, `3/12/2024 14:05`, `2024/03/12`. Zoneless values are UTC; a
 * slash date whose first number exceeds 12 is read day-first. Returns ISO UTC or undefined.
 */
const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

function month(name: string): number | undefined {
  const key = name.toLowerCase().replace(/\.$/, '');
  return MONTHS[key] ?? MONTHS[key.slice(0, 3)];
}

function year(y: string): number {
  const n = Number(y);
  return y.length <= 2 ? 2000 + n : n;
}

// hh:mm[:ss[.fff]] [AM|PM] [zone]
const TIME = String.raw`(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*([AaPp]\.?[Mm]\.?)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?`;
const ISO = new RegExp(String.raw`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})${TIME}$`);
const DAY_MONTH_YEAR = new RegExp(String.raw`^(\d{1,2})[\s-]([A-Za-z]{3,9}\.?)[\s-],?\s*(\d{2}|\d{4}),?${TIME}$`);
const MONTH_DAY_YEAR = new RegExp(String.raw`^([A-Za-z]{3,9}\.?)\s+(\d{1,2}),?\s+(\d{4}),?${TIME}$`);
const SLASHES = new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4}),?${TIME}$`);

export function parseLinkedInDate(raw: string): string | undefined {
  const value = raw.trim();
  if (value === '') return undefined;
  let y: number, mo: number | undefined, d: number, rest: string[];
  let m: RegExpExecArray | null;
  if ((m = ISO.exec(value))) {
    [y, mo, d, rest] = [Number(m[1]), Number(m[2]), Number(m[3]), m.slice(4)];
  } else if ((m = DAY_MONTH_YEAR.exec(value))) {
    [y, mo, d, rest] = [year(m[3]!), month(m[2]!), Number(m[1]), m.slice(4)];
  } else if ((m = MONTH_DAY_YEAR.exec(value))) {
    [y, mo, d, rest] = [year(m[3]!), month(m[1]!), Number(m[2]), m.slice(4)];
  } else if ((m = SLASHES.exec(value))) {
    let [a, b] = [Number(m[1]), Number(m[2])];
    if (a > 12 && b <= 12) [a, b] = [b, a];
    [y, mo, d, rest] = [year(m[3]!), a, b, m.slice(4)];
  } else {
    return undefined;
  }
  if (mo === undefined) return undefined;
  const [hh = '0', mm = '0', ss = '0', frac = '', meridiem, zone] = rest;
  let hour = Number(hh);
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    const pm = meridiem.toLowerCase().startsWith('p');
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  const ms = Math.round(Number(`0.${frac || '0'}`) * 1000);
  let t = Date.UTC(y, mo - 1, d, hour, Number(mm), Number(ss), ms);
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return undefined;
  if (hour > 23 || Number(mm) > 59 || Number(ss) > 60) return undefined;
  if (zone && /^[+-]/.test(zone)) {
    const z = zone.replace(':', '');
    const offset = (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5))) * (z.startsWith('-') ? -1 : 1);
    t -= offset * 60_000;
  }
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}
