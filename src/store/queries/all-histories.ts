/**
 * Every person's history, one batch of people at a time: for folds over the whole workspace
 * (all relationship states at once) without holding millions of interactions in memory. People
 * are visited in id order; each batch is one indexed query per kind of row, written for both
 * SQLite and PostgreSQL and scoped to the store's workspace.
 */
import { sql } from 'kysely';
import type { Direction, Kind, Platform } from '../../domain/records.js';
import type { Identity, Interaction, Person } from '../../domain/views.js';
import type { Store } from '../store.js';

/** One person with their interactions up to `at`, in time order (then by id, the store's order). */
export interface PersonHistory {
  readonly person: Person;
  readonly interactions: readonly Interaction[];
}

export interface HistoryBatchOptions {
  /** Only interactions up to this moment (inclusive). */
  readonly until: string;
  /** People per batch: bigger batches mean fewer queries and more memory. */
  readonly batchSize?: number;
  /** …and at most about this many interactions per batch (one very busy person may exceed it). */
  readonly maxInteractionsPerBatch?: number;
}

const DEFAULT_BATCH = 2_000;
const DEFAULT_MAX_INTERACTIONS = 50_000;
// SQLite allows 32,766 bound values per statement; a batch's identity ids stay well below.
const MAX_IDS_PER_QUERY = 10_000;

/** Yields batches of people (own accounts left out) with their full histories, lowest person id first. */
export async function* personHistoryBatches(store: Store, options: HistoryBatchOptions): AsyncGenerator<PersonHistory[]> {
  const ws = store.workspaceId;
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  // Identities are few next to interactions (one or two per person): load them once, in order.
  const identityRows = await store.db
    .selectFrom('identities')
    .selectAll()
    .where('workspace_id', '=', ws)
    .where('is_own', '=', 0)
    .orderBy('id')
    .execute();
  const everyone = new Map<number, Identity[]>();
  for (const row of identityRows) {
    const identity: Identity = {
      id: Number(row.id), personId: Number(row.person_id ?? row.id), platform: row.platform as Platform, handle: row.handle, uid: row.uid,
      isOwn: false, name: row.name, bio: row.bio, location: row.location, followers: row.followers, following: row.following,
      posts: row.posts, created: row.created, avatar: row.avatar === null ? null : row.avatar === 1, url: row.url,
    };
    let list = everyone.get(identity.personId);
    if (!list) everyone.set(identity.personId, (list = []));
    list.push(identity);
  }
  const personIds = [...everyone.keys()].sort((a, b) => a - b);
  // How many interactions each identity has (the counterpart index alone answers it), so that a
  // batch of a few very busy people stays as small in memory as one of many quiet ones.
  const counts = new Map<number, number>();
  const countRows = await store.db
    .selectFrom('interactions')
    .select(['counterpart_id', sql<number>`count(*)`.as('n')])
    .where('workspace_id', '=', ws)
    .where('counterpart_id', 'is not', null)
    .where('at', '<=', options.until)
    .groupBy('counterpart_id')
    .execute();
  for (const r of countRows) counts.set(Number(r.counterpart_id), Number(r.n));
  const maxInteractions = options.maxInteractionsPerBatch ?? DEFAULT_MAX_INTERACTIONS;

  for (let start = 0; start < personIds.length;) {
    let end = start;
    let load = 0;
    while (end < personIds.length && end - start < batchSize) {
      const next = (everyone.get(personIds[end] as number) as Identity[]).reduce((n, i) => n + (counts.get(i.id) ?? 0), 0);
      if (end > start && load + next > maxInteractions) break;
      load += next;
      end++;
    }
    const people = new Map(personIds.slice(start, end).map((id) => [id, everyone.get(id) as Identity[]]));
    start = end;
    const personOf = new Map<number, number>();
    for (const [personId, identities] of people) for (const identity of identities) personOf.set(identity.id, personId);
    const histories = new Map<number, Interaction[]>();
    const identityIds = [...personOf.keys()];
    for (let i = 0; i < identityIds.length; i += MAX_IDS_PER_QUERY) {
      const rows = await store.db
        .selectFrom('interactions')
        .select(['id', 'platform', 'pid', 'at', 'kind', 'direction', 'actor_id', 'target_id', 'counterpart_id', 'text', 'in_reply_to', 'about'])
        .where('workspace_id', '=', ws)
        .where('counterpart_id', 'in', identityIds.slice(i, i + MAX_IDS_PER_QUERY))
        .where('at', '<=', options.until)
        .execute();
      for (const row of rows) {
        const personId = personOf.get(Number(row.counterpart_id)) as number;
        let list = histories.get(personId);
        if (!list) histories.set(personId, (list = []));
        list.push({
          id: Number(row.id), platform: row.platform as Platform, pid: row.pid, at: row.at, kind: row.kind as Kind,
          direction: row.direction as Direction, actorId: Number(row.actor_id), targetId: row.target_id === null ? null : Number(row.target_id),
          personId, text: row.text, inReplyTo: row.in_reply_to, about: row.about,
        });
      }
    }
    const out: PersonHistory[] = [];
    for (const [personId, identities] of people) {
      const interactions = histories.get(personId) ?? [];
      // Rows come in index order per identity; merged identities interleave, so sort once here.
      interactions.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id - b.id));
      out.push({ person: { id: personId, identities }, interactions });
    }
    yield out;
  }
}
