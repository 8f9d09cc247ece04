/**
 * The CSV exports of Settings > Import and export > Data export (FORMATS §1.2), recognised by
 * their header or, for the header-less ones, by the shape of their rows — never by file name
 * alone. Only where two exports have exactly the same shape (a bare list of `name@domain`: blocked
 * accounts, older following exports, the followers export of some versions) does the file name
 * break the tie: `…follower…` → followers, `…following…`/`…follows…` → following, else blocked.
 *
 * | export | header | imported as |
 * |---|---|---|
 * | following | `Account address,Show boosts[,Notify on new posts[,Languages]]` | outbound `follow` |
 * | followers (version-dependent) | `Account address` or none, file named *follower* | inbound `follow` |
 * | muted | `Account address,Hide notifications` | skipped (a private filter) |
 * | blocked accounts | none, `name@domain` per row | skipped |
 * | blocked domains | none, a domain per row | skipped |
 * | lists | none, `title,name@domain` | skipped (list membership is not an interaction) |
 * | bookmarks | none, a status URI per row | skipped (private) |
 *
 * A follow has no time in these exports: it is dated 1970-01-01T00:00:00Z ("unknown"), never the
 * wall clock; its id `follow:<follower>:<followed>` (normalised handles) is stable, so a later
 * export adds only the new follows.
 */
import { normalizeHandle } from '../../domain/handles.js';
import type { CsvExportKind } from './mastodon-types.js';
import { handleFromAcct, type Owner } from './people.js';
import { UNKNOWN_TIME } from './time.js';

export type CsvShape = { readonly kind: CsvExportKind; readonly header: boolean };
export type CsvVerdict = CsvShape | { readonly problem: string } | undefined;

/** File names Mastodon gives its CSV exports (only used to word an error and to break ties). */
const MASTODON_CSV_NAME = /^(following_accounts|follower_accounts|followers|following|follows|muted_accounts|mutes|blocked_accounts|blocks|blocked_domains|domain_blocks|lists|bookmarks)\b.*\.csv$/i;

const EXPECTED_HEADERS =
  'expected "Account address,Show boosts,Notify on new posts,Languages" (accounts you follow) or "Account address,Hide notifications" (muted accounts)';

function baseName(path: string): string {
  return path.split('/').pop() ?? path;
}

function byName(path: string, fallback: CsvExportKind): CsvExportKind {
  const name = baseName(path).toLowerCase();
  if (/follower/.test(name)) return 'followers';
  if (/follow/.test(name)) return 'following';
  if (/mute/.test(name)) return 'muted';
  if (/block/.test(name)) return 'blocked-accounts';
  return fallback;
}

const isAcct = (cell: string | undefined) => cell !== undefined && handleFromAcct(cell) !== undefined;
const isUrl = (cell: string | undefined) => cell !== undefined && /^https?:\/\/\S+$/i.test(cell.trim());
const isDomain = (cell: string | undefined) => cell !== undefined && /^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(cell.trim());

/**
 * What a CSV file is, from its first rows: a Mastodon export shape, a problem (it looks like a
 * Mastodon export but its header is wrong), or undefined (not a Mastodon export at all).
 */
export function classifyCsv(path: string, rows: readonly (readonly string[])[]): CsvVerdict {
  const first = rows[0]?.map((c) => c.trim());
  if (!first || first.length === 0) return undefined;
  const h = first.map((c) => c.toLowerCase());
  if (h[0] === 'account address') {
    if (h[1] === 'show boosts') return { kind: 'following', header: true };
    if (h[1] === 'hide notifications') return { kind: 'muted', header: true };
    if (h.length === 1) return { kind: byName(path, 'accounts'), header: true };
    return { problem: `the header "${first.join(',')}" has columns no Mastodon export has; ${EXPECTED_HEADERS}` };
  }
  const width = Math.max(...rows.slice(0, 5).map((r) => r.length));
  if (width === 1 && isAcct(first[0])) return { kind: byName(path, 'blocked-accounts'), header: false };
  if (width === 1 && isUrl(first[0])) return { kind: 'bookmarks', header: false };
  if (width === 1 && isDomain(first[0])) return { kind: 'blocked-domains', header: false };
  if (width === 2 && isAcct(first[1]) && !isAcct(first[0])) return { kind: 'lists', header: false };
  if (MASTODON_CSV_NAME.test(baseName(path)) || /^ac+ou?n?t/.test(h[0] ?? '')) {
    return { problem: `the header "${first.join(',')}" is not one of Mastodon's export headers; ${EXPECTED_HEADERS}` };
  }
  return undefined;
}

/** Why an export that is not a follow list is not imported. */
export function skipReason(kind: CsvExportKind): string | undefined {
  switch (kind) {
    case 'following':
    case 'followers':
      return undefined;
    case 'muted':
      return 'muted accounts are not imported: a mute is a private filter, not an interaction with the person';
    case 'blocked-accounts':
      return 'a bare list of accounts (the shape of the blocked-accounts export) is not imported; if it is your following or followers list from an older Mastodon, name the file following_accounts.csv or followers.csv';
    case 'blocked-domains':
      return 'blocked domains are not imported: they are servers, not people';
    case 'lists':
      return 'list memberships are not imported: putting someone on a list is not an interaction with them';
    case 'bookmarks':
      return 'bookmarks are not imported: they are private and say nothing about the author';
    case 'accounts':
      return 'a list of accounts whose meaning the header does not tell (following? followers?); name the file following_accounts.csv or followers.csv to import it as follows';
  }
}

export interface FollowCandidate {
  type: 'interaction';
  platform: 'mastodon';
  id: string;
  at: string;
  kind: 'follow';
  actor: string;
  actorUid?: string;
  target: string;
  targetUid?: string;
}

/** One row of a following / followers export as a follow; a string says why the row is skipped. */
export function mapFollowRow(kind: 'following' | 'followers', cells: readonly string[], owner: Owner): FollowCandidate | string {
  const acct = cells[0]?.trim() ?? '';
  const handle = handleFromAcct(acct);
  if (handle === undefined) return `"${acct}" is not an account address (name@domain)`;
  const own = { handle: owner.handle, ...(owner.uid !== undefined ? { uid: owner.uid } : {}) };
  const [from, to] = kind === 'following' ? [own, { handle }] : [{ handle }, own];
  return {
    type: 'interaction',
    platform: 'mastodon',
    id: `follow:${normalizeHandle(from.handle)}:${normalizeHandle(to.handle)}`,
    at: UNKNOWN_TIME,
    kind: 'follow',
    actor: from.handle,
    ...('uid' in from && from.uid !== undefined ? { actorUid: from.uid } : {}),
    target: to.handle,
    ...('uid' in to && to.uid !== undefined ? { targetUid: to.uid } : {}),
  };
}
