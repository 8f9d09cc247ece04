/**
 * Times in an X archive: tweets use the old API format `Wed Oct 10 20:19:24 +0000 2018`
 * (strptime `%a %b %d %H:%M:%S %z %Y`), DMs and account.js ISO 8601 with milliseconds. Both
 * become UTC ISO; the caller keeps the raw string in `atRaw`.
 */

const MONTHS: Record<string, number> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11,
};

const API_TIME = /^(?:[A-Za-z]{3},? )?([A-Za-z]{3}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2}):?(\d{2}) (\d{4})$/;
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** Parses either time format to UTC ISO; undefined when it is neither. */
export function parseXTime(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const fast = fastApiTime(raw);
  if (fast !== undefined) return fast;
  const value = raw.trim();
  const api = API_TIME.exec(value);
  if (api) {
    const [, mon, day, hh, mm, ss, sign, zh, zm, year] = api;
    const month = MONTHS[mon!.toLowerCase()];
    if (month === undefined) return undefined;
    const offsetMin = (sign === '-' ? -1 : 1) * (Number(zh) * 60 + Number(zm));
    const ms = Date.UTC(Number(year), month, Number(day), Number(hh), Number(mm), Number(ss)) - offsetMin * 60_000;
    if (Number(day) < 1 || Number(day) > 31 || Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 60 || Number.isNaN(ms)) return undefined;
    return new Date(ms).toISOString();
  }
  if (ISO_TIME.test(value)) {
    const ms = Date.parse(value.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
  }
  return undefined;
}

const MONTH_KEYS = 'JanFebMarAprMayJunJulAugSepOctNovDec';

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return Number.NaN;
    n = n * 10 + c;
  }
  return n;
}

/** The exact shape X writes, `Wed Oct 10 20:19:24 +0000 2018`, without a regex (hot path). */
function fastApiTime(s: string): string | undefined {
  if (s.length !== 30 || s.charCodeAt(3) !== 32 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58 || s.charCodeAt(19) !== 32) return undefined;
  const month = MONTH_KEYS.indexOf(s.slice(4, 7));
  if (month < 0 || month % 3 !== 0) return undefined;
  const day = digits(s, 8, 10);
  const hh = digits(s, 11, 13);
  const mm = digits(s, 14, 16);
  const ss = digits(s, 17, 19);
  const sign = s.charCodeAt(20) === 45 ? -1 : s.charCodeAt(20) === 43 ? 1 : 0;
  const offset = digits(s, 21, 23) * 60 + digits(s, 23, 25);
  const year = digits(s, 26, 30);
  if (sign === 0 || Number.isNaN(day + hh + mm + ss + offset + year) || day < 1 || day > 31 || hh > 23 || mm > 59 || ss > 60) return undefined;
  return new Date(Date.UTC(year, month / 3, day, hh, mm, ss) - sign * offset * 60_000).toISOString();
}

/** Twitter's snowflake epoch (2010-11-04T01:42:54.657Z). */
const SNOWFLAKE_EPOCH = 1288834974657n;
/** Ids below this predate snowflakes (sequential ids, no time inside). */
const FIRST_SNOWFLAKE = 1n << 32n;

/**
 * The creation time hidden in a snowflake id (tweets and users since late 2010), or undefined for
 * older sequential ids. Used as the documented deterministic time of events the archive gives no
 * time for (likes): the liked tweet's creation time, a lower bound of the like.
 */
export function snowflakeTime(id: string): string | undefined {
  if (!/^\d{1,20}$/.test(id)) return undefined;
  const n = BigInt(id);
  if (n < FIRST_SNOWFLAKE) return undefined;
  const ms = (n >> 22n) + SNOWFLAKE_EPOCH;
  const date = new Date(Number(ms));
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() > 2100) return undefined;
  return date.toISOString();
}
