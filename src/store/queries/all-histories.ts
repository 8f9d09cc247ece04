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
  if (store.dialect === 'sqlite') yield* sqliteBatches(store, options);
  else yield* queryBatches(store, options, await peopleInOrder(store));
}

/** Every person of the workspace (own accounts left out) with their identities, lowest id first. */
export async function peopleInOrder(store: Store): Promise<Person[]> {
  // Identities are few next to interactions (one or two per person): load them once, in order.
  const identityRows = await store.db.selectFrom('identities').selectAll().where('workspace_id', '=', store.workspaceId).where('is_own', '=', 0).orderBy('id').execute();
  return peopleOf(identityRows).sort((a, b) => a.id - b.id);
}

/** Identities grouped into people, each person's identities in the order given. */
function peopleOf(identityRows: readonly Selectable<IdentitiesTable>[]): Person[] {
  const everyone = new Map<number, Identity[]>();
  for (const row of identityRows) {
    const identity = identityOf(row);
    let list = everyone.get(identity.personId);
    if (!list) everyone.set(identity.personId, (list = []));
    list.push(identity);
  }
  return [...everyone].map(([id, identities]) => ({ id, identities }));
}

/**
 * Splits people ids (lowest first) into consecutive inclusive ranges of at most `perRange` people,
 * for `SqliteHistoryReader.histories` — the unit of work handed to a worker thread.
 */
export function personRanges(personIds: readonly number[], perRange: number): [number, number][] {
  const ranges: [number, number][] = [];
  for (let i = 0; i < personIds.length; i += perRange) ranges.push([personIds[i]!, personIds[Math.min(i + perRange, personIds.length) - 1]!]);
  return ranges;
}

/**
 * The embedded store, read on a read-only connection of its own (a worker thread's, say). A range
 * of people is read in one pass over the counterpart index, (workspace, counterpart, at): rows
 * come grouped by identity and in time order (the index ends with the row id, the store's
 * tie-break), so each person with one identity — nearly everyone — is complete as soon as the
 * next identity's rows begin, and is handed on then; only the rows of one person are held at a
 * time, however busy the range. Those index-ordered rows sit at random places in the table;
 * through a memory-mapped connection each costs a memory read instead of a system call.
 */
export class SqliteHistoryReader {
  private readonly db: SqliteDatabase.Database;
  private readonly range: SqliteDatabase.Statement;
  private readonly one: SqliteDatabase.Statement;
  private readonly ownPeople: SqliteDatabase.Statement;
  private readonly mergedPeople: SqliteDatabase.Statement;

  constructor(file: string, private readonly workspaceId: number, private readonly until: string) {
    this.db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
    try {
      this.db.pragma('busy_timeout = 5000');
      this.db.pragma(`mmap_size = ${MMAP_BYTES}`);
      // One read transaction for every query, so that they all see the same rows.
      this.db.exec('begin');
      this.range = this.db.prepare(`select ${FOLDED_COLUMNS}, counterpart_id from interactions where workspace_id = ? and counterpart_id between ? and ? and at <= ? order by counterpart_id, at, id`).raw();
      this.one = this.db.prepare(`select ${FOLDED_COLUMNS}, counterpart_id from interactions where workspace_id = ? and counterpart_id = ? and at <= ? order by at, id`).raw();
      // A person's id is that of the identity the others were merged into (whose person_id is null).
      this.ownPeople = this.db.prepare('select * from identities where workspace_id = ? and person_id is null and id between ? and ? and is_own = 0');
      this.mergedPeople = this.db.prepare('select * from identities where workspace_id = ? and person_id between ? and ? and is_own = 0');
    } catch (e) {
      this.db.close();
      throw e;
    }
  }

  /** Every person's id (own accounts left out), lowest first. */
  personIds(): number[] {
    const ids = this.db.prepare('select distinct coalesce(person_id, id) from identities where workspace_id = ? and is_own = 0').pluck().all(this.workspaceId) as number[];
    return ids.sort((a, b) => a - b);
  }

  /** At least the number of interactions of the workspace, at once: counting them would read them all. */
  interactionsBound(): number {
    return (this.db.prepare('select max(id) from interactions').pluck().get() as number | null) ?? 0;
  }

  /**
   * The people whose ids lie in [lo, hi], each with their interactions up to the moment, in time
   * order; people with one identity come as their rows are read, merged people and people with
   * no interactions at the end.
   */
  *histories(lo: number, hi: number): Generator<PersonHistory> {
    const rows = [...this.ownPeople.all(this.workspaceId, lo, hi), ...this.mergedPeople.all(this.workspaceId, lo, hi)] as Selectable<IdentitiesTable>[];
    const people = peopleOf(rows.sort((a, b) => a.id - b.id));
    const personOf = new Map<number, Person>();
    for (const person of people) for (const identity of person.identities) personOf.set(identity.id, person);
    const merged = new Map<Person, FoldedInteraction[]>();
    const done = new Set<Person>();
    let identityId: number | undefined;
    let person: Person | undefined;
    let list: FoldedInteraction[] = [];
    for (const row of this.range.iterate(this.workspaceId, lo, hi, this.until) as Iterable<FoldedRow>) {
      if (row[7] !== identityId) {
        if (person && person.identities.length === 1) {
          done.add(person);
          yield { person, interactions: list };
        }
        identityId = row[7];
        // Rows of an identity merged into someone outside the range are left to that person's range.
        person = personOf.get(identityId);
        list = person && person.identities.length > 1 ? mergedList(merged, person) : [];
      }
      if (person) list.push(folded(row));
    }
    if (person && person.identities.length === 1) {
      done.add(person);
      yield { person, interactions: list };
    }
    for (const p of people) {
      if (done.has(p)) continue;
      const interactions = p.identities.length > 1 ? mergedList(merged, p) : [];
      // Identities merged in from outside the range are read one by one (rare); their rows interleave.
      for (const identity of p.identities) {
        if (identity.id < lo || identity.id > hi) for (const row of this.one.iterate(this.workspaceId, identity.id, this.until) as Iterable<FoldedRow>) interactions.push(folded(row));
      }
      if (p.identities.length > 1) interactions.sort(byTimeThenId);
      yield { person: p, interactions };
    }
  }

  /**
   * The workspace's message texts (posts left out: a fold does not read them), repeats included,
   * split into `parts` shares by length — the same text always falls in the same share.
   */
  messageTexts(part: number, parts: number): Iterable<string> {
    return this.db.prepare("select text from interactions where workspace_id = ? and kind != 'post' and text is not null and length(text) % ? = ?")
      .pluck().iterate(this.workspaceId, parts, part) as Iterable<string>;
  }

  /** How SQLite reads a range (`explain query plan`), one line per step. */
  plan(): string[] {
    return (this.db.prepare(`explain query plan ${this.range.source}`).all(this.workspaceId, 1, 2, this.until) as { detail: string }[]).map((r) => r.detail);
  }

  close(): void {
    this.db.close();
  }
}

function mergedList(merged: Map<Person, FoldedInteraction[]>, person: Person): FoldedInteraction[] {
  let list = merged.get(person);
  if (!list) merged.set(person, (list = []));
  return list;
}

function folded(row: FoldedRow): FoldedInteraction {
  return { id: row[0], pid: row[1], at: row[2], kind: row[3], direction: row[4], text: row[5], about: row[6] };
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

/** Ranges of `batchSize` people, each read whole and split by `maxInteractions`, in person order. */
function* sqliteBatches(store: Store, options: HistoryBatchOptions): Generator<PersonHistory[]> {
  const reader = new SqliteHistoryReader(store.where, store.workspaceId, options.until);
  const maxInteractions = options.maxInteractionsPerBatch ?? DEFAULT_MAX_INTERACTIONS;
  try {
    for (const [lo, hi] of personRanges(reader.personIds(), options.batchSize ?? DEFAULT_BATCH)) {
      const histories = [...reader.histories(lo, hi)].sort((a, b) => a.person.id - b.person.id);
      let batch: PersonHistory[] = [];
      let load = 0;
      for (const history of histories) {
        if (batch.length > 0 && load + history.interactions.length > maxInteractions) {
          yield batch;
          batch = [];
          load = 0;
        }
        batch.push(history);
        load += history.interactions.length;
      }
      if (batch.length > 0) yield batch;
    }
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
