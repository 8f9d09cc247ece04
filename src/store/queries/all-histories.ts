/**
 * Every person's history, one batch of people at a time: for folds over the whole workspace
 * (all relationship states at once) without holding millions of interactions in memory. People
 * are visited in id order; each batch is one indexed query per kind of row, written for both
 * SQLite and PostgreSQL and scoped to the store's workspace.
 */
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import type { Direction, Kind, Platform } from '../../domain/records.js';
import type { Identity, Interaction, Person } from '../../domain/views.js';
import type { Store } from '../store.js';
import { COLUMNS, fromRaw, identityOf, type RawRow } from './agenda.js';

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
  /** Embedded store: about how many interactions each pass over the table keeps in memory. */
  readonly rowsPerPass?: number;
}

const DEFAULT_BATCH = 2_000;
const DEFAULT_MAX_INTERACTIONS = 50_000;
const DEFAULT_ROWS_PER_PASS = 250_000;
// SQLite allows 32,766 bound values per statement; a batch's identity ids stay well below.
const MAX_IDS_PER_QUERY = 10_000;

/** Yields batches of people (own accounts left out) with their full histories, lowest person id first. */
export async function* personHistoryBatches(store: Store, options: HistoryBatchOptions): AsyncGenerator<PersonHistory[]> {
  // Identities are few next to interactions (one or two per person): load them once, in order.
  const identityRows = await store.db
    .selectFrom('identities')
    .selectAll()
    .where('workspace_id', '=', store.workspaceId)
    .where('is_own', '=', 0)
    .orderBy('id')
    .execute();
  const everyone = new Map<number, Identity[]>();
  for (const row of identityRows) {
    const identity = identityOf(row);
    let list = everyone.get(identity.personId);
    if (!list) everyone.set(identity.personId, (list = []));
    list.push(identity);
  }
  const personIds = [...everyone.keys()].sort((a, b) => a - b);
  if (store.dialect === 'sqlite') yield* sqliteBatches(store, options, everyone, personIds);
  else yield* queryBatches(store, options, everyone, personIds);
}

/**
 * The embedded store: interactions are stored in the order they were imported, so one person's
 * rows are spread over the whole file and reading them through the counterpart index costs a
 * random page read each. Instead the table is read from start to end in a few passes, each
 * keeping (SQLite filters, not JavaScript) the rows of one range of identities sized to hold
 * about `rowsPerPass` interactions — sequential reads, and only a share of the workspace in
 * memory at once. Rows come as arrays on a read-only connection of their own (sqlite-reader.ts).
 */
async function* sqliteBatches(store: Store, options: HistoryBatchOptions, everyone: Map<number, Identity[]>, personIds: readonly number[]): AsyncGenerator<PersonHistory[]> {
  const ws = store.workspaceId;
  const db = new SqliteDatabase(store.where, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // One read transaction for all passes, so that they see the same rows.
    db.exec('begin');
    const counts = new Map<number, number>();
    const countRows = db.prepare('select counterpart_id, count(*) from interactions where workspace_id = ? and counterpart_id is not null and at <= ? group by counterpart_id')
      .raw().all(ws, options.until) as [number, number][];
    for (const [id, n] of countRows) counts.set(id, n);
    const loadOf = (personId: number) => (everyone.get(personId) as Identity[]).reduce((n, i) => n + (counts.get(i.id) ?? 0), 0);
    const rowsPerPass = options.rowsPerPass ?? DEFAULT_ROWS_PER_PASS;
    // `+` keeps SQLite on the table itself (a scan in storage order), off the indexes.
    const pass = db.prepare(`select ${COLUMNS} from interactions where +workspace_id = ? and +counterpart_id between ? and ? and +at <= ?`).raw();
    const one = db.prepare(`select ${COLUMNS} from interactions where workspace_id = ? and counterpart_id = ? and at <= ?`).raw();
    for (let start = 0; start < personIds.length;) {
      // The people of this pass: consecutive ids, up to about rowsPerPass interactions.
      let end = start;
      let load = 0;
      while (end < personIds.length) {
        const next = loadOf(personIds[end] as number);
        if (end > start && load + next > rowsPerPass) break;
        load += next;
        end++;
      }
      const lo = personIds[start] as number;
      const hi = personIds[end - 1] as number;
      const personOf = new Map<number, number>();
      const outside: number[] = [];
      for (let k = start; k < end; k++) {
        const personId = personIds[k] as number;
        for (const identity of everyone.get(personId) as Identity[]) {
          personOf.set(identity.id, personId);
          // Merged in from outside the range: read through the index (rare).
          if (identity.id < lo || identity.id > hi) outside.push(identity.id);
        }
      }
      const histories = new Map<number, Interaction[]>();
      const add = (row: RawRow) => {
        // Rows of the range that belong to a person of another pass (merged) are left to it.
        const personId = personOf.get(row[8] as number);
        if (personId === undefined) return;
        let list = histories.get(personId);
        if (!list) histories.set(personId, (list = []));
        list.push(fromRaw(row, personId));
      };
      for (const row of pass.iterate(ws, lo, hi, options.until) as Iterable<RawRow>) add(row);
      for (const id of outside) for (const row of one.iterate(ws, id, options.until) as Iterable<RawRow>) add(row);
      yield* batchesOf(personIds.slice(start, end), everyone, histories, loadOf, options);
      start = end;
    }
  } finally {
    db.close();
  }
}

/** Splits loaded people into batches of at most `batchSize` people and about `maxInteractionsPerBatch` interactions. */
function* batchesOf(ids: readonly number[], everyone: Map<number, Identity[]>, histories: Map<number, Interaction[]>, loadOf: (personId: number) => number, options: HistoryBatchOptions): Generator<PersonHistory[]> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const maxInteractions = options.maxInteractionsPerBatch ?? DEFAULT_MAX_INTERACTIONS;
  let batch: PersonHistory[] = [];
  let load = 0;
  for (const personId of ids) {
    const next = loadOf(personId);
    if (batch.length > 0 && (batch.length >= batchSize || load + next > maxInteractions)) {
      yield batch;
      batch = [];
      load = 0;
    }
    const interactions = histories.get(personId) ?? [];
    histories.delete(personId);
    // Storage order is import order: sort each history once, by time then id (the store's order).
    interactions.sort(byTimeThenId);
    batch.push({ person: { id: personId, identities: everyone.get(personId) as Identity[] }, interactions });
    load += next;
  }
  if (batch.length > 0) yield batch;
}

const byTimeThenId = (a: Interaction, b: Interaction) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id - b.id);

/** PostgreSQL: batches of people, each read with one indexed query per chunk of identities. */
async function* queryBatches(store: Store, options: HistoryBatchOptions, everyone: Map<number, Identity[]>, personIds: readonly number[]): AsyncGenerator<PersonHistory[]> {
  const ws = store.workspaceId;
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
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
