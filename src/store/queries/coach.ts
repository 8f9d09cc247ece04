/**
 * The coach's one extra query: your most recent messages to other people, to tell a pasted
 * template from a message written for one person. Bounded by time and count so a check stays
 * fast on a workspace of millions of interactions; scoped to the store's workspace.
 */
import type { Interaction } from '../../domain/views.js';
import type { Store } from '../store.js';

export interface RecentOutboundRow {
  readonly personId: number | null;
  readonly handle: string | null;
  readonly at: string;
  readonly kind: string;
  readonly text: string;
}

/** Your outbound texts (DMs, replies, mentions, quotes) from `from` up to `until`, newest first, at most `limit`. */
export async function recentOutboundTexts(store: Store, range: { from: string; until: string; limit: number }): Promise<RecentOutboundRow[]> {
  const rows = await store.db
    .selectFrom('interactions as i')
    .leftJoin('identities as c', 'c.id', 'i.counterpart_id')
    .select(['i.at', 'i.kind', 'i.text', 'c.handle', 'c.id as counterpart_id', 'c.person_id'])
    .where('i.workspace_id', '=', store.workspaceId)
    .where('i.at', '>=', range.from)
    .where('i.at', '<=', range.until)
    .where('i.direction', '=', 'out')
    .where('i.kind', 'in', ['dm', 'reply', 'mention', 'quote'] satisfies Interaction['kind'][])
    .where('i.text', 'is not', null)
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
