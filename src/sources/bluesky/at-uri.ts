/**
 * AT-URIs (`at://<did>/<collection>/<rkey>`), the stable ids of Bluesky records, and TIDs, the
 * time-ordered record keys that also tell when a record was made.
 */

export interface AtUri {
  /** A DID (`did:plc:…`) or, in some old records, a handle. */
  readonly authority: string;
  readonly collection?: string;
  readonly rkey?: string;
}

export function recordUri(did: string, collection: string, rkey: string): string {
  return `at://${did}/${collection}/${rkey}`;
}

/** Parses an AT-URI; undefined when it is not one. */
export function parseAtUri(uri: string): AtUri | undefined {
  const m = /^at:\/\/([^/?#\s]+)(?:\/([^/?#\s]+))?(?:\/([^/?#\s]+))?\/?(?:[?#].*)?$/.exec(uri.trim());
  if (!m?.[1]) return undefined;
  return { authority: decodeURIComponent(m[1]), ...(m[2] ? { collection: m[2] } : {}), ...(m[3] ? { rkey: m[3] } : {}) };
}

export function isDid(value: string): boolean {
  return /^did:[a-z]+:[A-Za-z0-9._:%-]+$/.test(value);
}

/**
 * The other party a URI points to: by DID (`targetUid`) as records normally name them, or by
 * handle when an old record's URI carries a handle instead. Never invents a handle.
 */
export function partyOfUri(uri: string): { targetUid: string } | { target: string } | undefined {
  const parsed = parseAtUri(uri);
  if (!parsed) return undefined;
  if (isDid(parsed.authority)) return { targetUid: parsed.authority };
  if (/^[a-z0-9][a-z0-9.-]*\.[a-z]{2,}$/i.test(parsed.authority)) return { target: parsed.authority.toLowerCase() };
  return undefined;
}

const TID_ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';
const TID_PATTERN = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;

/** The creation time a TID record key encodes (microseconds since 1970 in its top 53 bits), in ms. */
export function tidTime(rkey: string): number | undefined {
  if (!TID_PATTERN.test(rkey)) return undefined;
  let value = 0n;
  for (const ch of rkey) value = value * 32n + BigInt(TID_ALPHABET.indexOf(ch));
  const ms = Number((value >> 10n) / 1000n);
  return ms > 0 ? ms : undefined;
}

/** The TID for a time in ms (clock id 0); the inverse of `tidTime`, used to build fixtures. */
export function tidFor(ms: number, clockId = 0): string {
  let value = (BigInt(ms) * 1000n << 10n) | BigInt(clockId & 1023);
  let out = '';
  for (let i = 0; i < 13; i++) {
    out = TID_ALPHABET[Number(value & 31n)] + out;
    value >>= 5n;
  }
  return out;
}
