/**
 * Every person's history, one batch of people at a time: for folds over the whole workspace
 * (all relationship states at once) without holding millions of interactions in memory. People
 * are visited in id order; each interaction brings only the fields a fold reads
 * (`FoldedInteraction`). Written for both SQLite and PostgreSQL, scoped to the store's workspace.
 */
import SqliteDatabase from 'better-sqlite3';
import { sql, type Selectable } from 'kysely';
import type { Direction, Kind } from '../../domain/records.js';
import type { FoldedInteraction, Identity, Person } from '../../domain/views.js';
import type { Store } from '../store.js';
import type { IdentitiesTable } from '../schema.js';
import { identityOf } from './agenda.js';
import { sqliteReader } from './sqlite-reader.js';

/** One person with their interactions up to `at`, in time order (then by id, the store's order). */
export interface PersonHistory {
  readonly person: Person;
  readonly interactions: readonly FoldedInteraction[];
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
// Address space only: pages are shared with the OS file cache, and only those read count.
const MMAP_BYTES = 2 ** 31;
// The columns of FoldedInteraction, in its order; rows come as arrays (`raw()`), one object is made per row.
const FOLDED_COLUMNS = 'id, pid, at, kind, direction, text, about';
type FoldedRow = [number, string, string, Kind, Direction, string | null, string | null, number];
// SQLite allows 32,766 bound values per statement; a batch's identity ids stay well below.
const MAX_IDS_PER_QUERY = 10_000;

/** Yields batches of people (own accounts left out) with their full histories, lowest person id first. */
export async function* personHistoryBatches(store: Store, options: HistoryBatchOptions): AsyncGenerator<PersonHistory[]> {
  const people = await peopleInOrder(store);
  if (store.dialect === 'sqlite') yield* sqliteBatches(store, options, people);
  else yield* queryBatches(store, options, people);
}

/** Every person of the workspace (own accounts left out) with their identities, lowest id first. */
export async function peopleInOrder(store: Store): Promise<Person[]> {
  // Identities are few next to interactions (one or two per person): load them once, in order.
  const raw = sqliteReader(store);
  const identityRows = raw
    // `+` keeps SQLite reading the table in id order instead of through the person index and a sort.
    ? raw.prepare('select * from identities where +workspace_id = ? and is_own = 0 order by id').all(store.workspaceId) as Selectable<IdentitiesTable>[]
    : await store.db.selectFrom('identities').selectAll().where('workspace_id', '=', store.workspaceId).where('is_own', '=', 0).orderBy('id').execute();
  const everyone = new Map<number, Identity[]>();
  for (const row of identityRows) {
    const identity = identityOf(row);
    let list = everyone.get(identity.personId);
    if (!list) everyone.set(identity.personId, (list = []));
    list.push(identity);
  }
  return [...everyone].sort((a, b) => a[0] - b[0]).map(([id, identities]) => ({ id, identities }));
}

/**
 * The embedded store: one person's rows come from the counterpart index, (workspace,
 * counterpart, at), so a range of identities reads already grouped and in time order (the index
 * ends with the row id, the store's tie-break) and nothing is sorted except merged people. Those
 * index-ordered rows sit at random places in the table; through a memory-mapped read-only
 * connection each costs a memory read instead of a system call — about as cheap as a scan of
 * the table in storage order, which would have to be repeated for every range.
 */
export class SqliteHistoryReader {
  private readonly db: SqliteDatabase.Database;
  private readonly range: SqliteDatabase.Statement;
  private readonly one: SqliteDatabase.Statement;

  constructor(file: string, private readonly workspaceId: number, private readonly until: string) {
    this.db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
    try {
      this.db.pragma('busy_timeout = 5000');
      this.db.pragma(`mmap_size = ${MMAP_BYTES}`);
      // One read transaction for every query, so that they all see the same rows.
      this.db.exec('begin');
      this.range = this.db.prepare(`select ${FOLDED_COLUMNS}, counterpart_id from interactions where workspace_id = ? and counterpart_id between ? and ? and at <= ? order by counterpart_id, at, id`).raw();
      this.one = this.db.prepare(`select ${FOLDED_COLUMNS}, counterpart_id from interactions where workspace_id = ? and counterpart_id = ? and at <= ? order by at, id`).raw();
    } catch (e) {
      this.db.close();
      throw e;
    }
  }

  /** How many interactions each identity has up to the moment (the counterpart index alone answers). */
  counts(): Map<number, number> {
    const rows = this.db.prepare('select counterpart_id, count(*) from interactions where workspace_id = ? and counterpart_id is not null and at <= ? group by counterpart_id')
      .raw().all(this.workspaceId, this.until) as [number, number][];
    return new Map(rows);
  }

  /** The histories of these people, in the order given. */
  histories(people: readonly Person[]): PersonHistory[] {
    const personOf = new Map<number, number>();
    // The range covers each person's first identity; identities merged in from elsewhere are read one by one (rare).
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const person of people) {
      const first = Math.min(...person.identities.map((i) => i.id));
      lo = Math.min(lo, first);
      hi = Math.max(hi, first);
      for (const identity of person.identities) personOf.set(identity.id, person.id);
    }
    const histories = new Map<number, FoldedInteraction[]>();
    // Rows come grouped by identity: the list is looked up once per identity, not once per row.
    let identityId: number | undefined;
    let list: FoldedInteraction[] | undefined;
    const add = (row: FoldedRow) => {
      if (row[7] !== identityId) {
        identityId = row[7];
        // Rows of the range that belong to someone outside these people are left to their own read.
        const personId = personOf.get(identityId);
        list = personId === undefined ? undefined : histories.get(personId);
        if (personId !== undefined && !list) histories.set(personId, (list = []));
      }
      list?.push({ id: row[0], pid: row[1], at: row[2], kind: row[3], direction: row[4], text: row[5], about: row[6] });
    };
    if (people.length > 0) for (const row of this.range.iterate(this.workspaceId, lo, hi, this.until) as Iterable<FoldedRow>) add(row);
    return people.map((person) => {
      const outside = person.identities.filter((i) => i.id < lo || i.id > hi);
      for (const identity of outside) for (const row of this.one.iterate(this.workspaceId, identity.id, this.until) as Iterable<FoldedRow>) add(row);
      const interactions = histories.get(person.id) ?? [];
      // Each identity's rows come in order; a merged person's interleave.
      if (person.identities.length > 1) interactions.sort(byTimeThenId);
      return { person, interactions };
    });
  }

  close(): void {
    this.db.close();
  }
}

/**
 * Splits people (in order) into consecutive groups of at most `batchSize` people and about
 * `maxInteractions` interactions (one very busy person may exceed it on their own).
 */
export function groupPeople(people: readonly Person[], counts: ReadonlyMap<number, number>, batchSize = DEFAULT_BATCH, maxInteractions = DEFAULT_MAX_INTERACTIONS): Person[][] {
  const groups: Person[][] = [];
  let group: Person[] = [];
  let load = 0;
  for (const person of people) {
    const next = person.identities.reduce((n, i) => n + (counts.get(i.id) ?? 0), 0);
    if (group.length > 0 && (group.length >= batchSize || load + next > maxInteractions)) {
      groups.push(group);
      group = [];
      load = 0;
    }
    group.push(person);
    load += next;
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

function* sqliteBatches(store: Store, options: HistoryBatchOptions, people: readonly Person[]): Generator<PersonHistory[]> {
  const reader = new SqliteHistoryReader(store.where, store.workspaceId, options.until);
  try {
    for (const group of groupPeople(people, reader.counts(), options.batchSize, options.maxInteractionsPerBatch)) yield reader.histories(group);
  } finally {
    reader.close();
  }
}

const byTimeThenId = (a: FoldedInteraction, b: FoldedInteraction) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id - b.id);

/** PostgreSQL: batches of people, each read with one indexed query per chunk of identities. */
async function* queryBatches(store: Store, options: HistoryBatchOptions, people: readonly Person[]): AsyncGenerator<PersonHistory[]> {
  const ws = store.workspaceId;
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

  for (const group of groupPeople(people, counts, options.batchSize, options.maxInteractionsPerBatch)) {
    const personOf = new Map<number, number>();
    for (const person of group) for (const identity of person.identities) personOf.set(identity.id, person.id);
    const histories = new Map<number, FoldedInteraction[]>();
    const identityIds = [...personOf.keys()];
    for (let i = 0; i < identityIds.length; i += MAX_IDS_PER_QUERY) {
      const rows = await store.db
        .selectFrom('interactions')
        .select(['id', 'pid', 'at', 'kind', 'direction', 'text', 'about', 'counterpart_id'])
        .where('workspace_id', '=', ws)
        .where('counterpart_id', 'in', identityIds.slice(i, i + MAX_IDS_PER_QUERY))
        .where('at', '<=', options.until)
        .execute();
      for (const row of rows) {
        const personId = personOf.get(Number(row.counterpart_id)) as number;
        let list = histories.get(personId);
        if (!list) histories.set(personId, (list = []));
        list.push({ id: Number(row.id), pid: row.pid, at: row.at, kind: row.kind as Kind, direction: row.direction as Direction, text: row.text, about: row.about });
      }
    }
    yield group.map((person) => ({ person, interactions: (histories.get(person.id) ?? []).sort(byTimeThenId) }));
  }
}
