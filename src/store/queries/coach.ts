/**
 * The coach's own queries: your most recent messages to other people (to tell a pasted template
 * from a message written for one person), the posts of a thread by their platform id, and the
 * embedded store's change counter that lets a long-running process (the composer's server) keep
 * what a check loads between checks. Bounded by time and count so a check stays fast on a
 * workspace of millions of interactions; scoped to the store's workspace.
 */
import { sql } from 'kysely';
import { PLATFORMS } from '../../domain/records.js';
import type { Interaction } from '../../domain/views.js';
import { toInteraction, type Store } from '../store.js';

export interface RecentOutboundRow {
  readonly personId: number | null;
  readonly handle: string | null;
  readonly at: string;
  readonly kind: string;
  readonly text: string;
}

const OUTBOUND_KINDS = ['dm', 'reply', 'mention', 'quote'] satisfies Interaction['kind'][];

function outboundTexts(store: Store) {
  return store.db
    .selectFrom('interactions as i')
    .where('i.workspace_id', '=', store.workspaceId)
    .where('i.direction', '=', 'out')
    .where('i.kind', 'in', OUTBOUND_KINDS)
    .where('i.text', 'is not', null);
}

/** Your outbound texts (DMs, replies, mentions, quotes) from `from` up to `until`, newest first, at most `limit`. */
export async function recentOutboundTexts(store: Store, range: { from: string; until: string; limit: number }): Promise<RecentOutboundRow[]> {
  const rows = await outboundTexts(store)
    .leftJoin('identities as c', 'c.id', 'i.counterpart_id')
    .select(['i.at', 'i.kind', 'i.text', 'c.handle', 'c.id as counterpart_id', 'c.person_id'])
    .where('i.at', '>=', range.from)
    .where('i.at', '<=', range.until)
    .orderBy('i.at', 'desc')
    .limit(range.limit)
    .execute();
  return rows.map((r) => ({
    personId: r.counterpart_id === null ? null : Number(r.person_id ?? r.counterpart_id),
    handle: r.handle,
    at: r.at,
    kind: r.kind,
    text: r.text ?? '',
  }));
}

/** Whether any outbound text of yours (as `recentOutboundTexts` counts them) lies after `after`, up to `until`. */
export async function hasOutboundTextsBetween(store: Store, after: string, until: string): Promise<boolean> {
  const row = await outboundTexts(store).select(sql<number>`1`.as('one')).where('i.at', '>', after).where('i.at', '<=', until).limit(1).executeTakeFirst();
  return row !== undefined;
}

/**
 * The interactions with this platform id, in time order (a post, and shares or likes of it that
 * carry the same id on another platform). The platforms are named so that the lookup uses the
 * (workspace, platform, pid) key instead of reading every interaction of the workspace: a thread
 * walk does one lookup per level.
 */
export async function interactionsByPid(store: Store, pid: string): Promise<Interaction[]> {
  const rows = await store
    .interactionRows()
    .where('i.platform', 'in', [...PLATFORMS])
    .where('i.pid', '=', pid)
    .execute();
  // Sorted here, not in SQL: an ORDER BY at would lead SQLite to walk the (workspace, at) index
  // instead. Time order, ties by id (the order that walk gives).
  rows.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id - b.id));
  return rows.map(toInteraction);
}

/**
 * A stamp that changes whenever the workspace's database may have changed: on the embedded
 * store, SQLite's count of rows this connection has written with the counter of commits made by
 * any other connection or process (`PRAGMA data_version`). Undefined on PostgreSQL, which has no
 * such cheap counter: callers then load afresh every time.
 */
export async function changeStamp(store: Store): Promise<string | undefined> {
  if (store.dialect !== 'sqlite') return undefined;
  const { rows } = await sql<{ c: number; v: number }>`select total_changes() as c, (select data_version from pragma_data_version) as v`.execute(store.db);
  const row = rows[0];
  return row ? `${row.c}:${row.v}` : undefined;
}
