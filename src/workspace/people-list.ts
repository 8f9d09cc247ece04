/**
 * Everyone in the workspace with the state of each relationship as of a moment (`rapport people`,
 * the People page, the demo): every person's history folded with `relationshipAsOf`. Histories
 * are read batch by batch, never all at once; on a large embedded workspace the batches are
 * folded by worker threads (people-list-worker.ts), one per core, each with its own read-only
 * connection and its own message reader.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { displayHandle, displayName, type Person } from '../domain/views.js';
import { stageRank, type Playbook, type Stage } from '../playbook/playbook.js';
import type { MessageReader } from '../relationships/message-reader.js';
import { startWorker } from '../support/start-worker.js';
import { relationshipStateAsOf, type Relationship } from '../relationships/relationship.js';
import { groupPeople, peopleInOrder, personHistoryBatches, SqliteHistoryReader, type PersonHistory } from '../store/queries/all-histories.js';
import type { Store } from '../store/store.js';
import { loadPlaybook } from './load-playbook.js';
import { analysisContextFrom, messageReaderFor, portableAnalysisContextFor, type PortableAnalysisContext } from './message-context.js';

export interface PersonRow {
  readonly id: number;
  readonly name: string;
  readonly handles: readonly { platform: string; handle: string }[];
  readonly stage: Stage;
  readonly warmth: Relationship['warmth'];
  readonly ledger: { readonly gives: number; readonly asks: number };
  readonly interactions: { readonly in: number; readonly out: number };
  readonly touches: Relationship['touches'];
}

export interface ListPeopleOptions {
  /**
   * Worker threads to fold with (embedded store only). Default: one per core when the workspace
   * has at least WORKERS_FROM interactions, else none — starting a thread costs more than
   * folding a small workspace.
   */
  readonly workers?: number;
  /** At most this many people per group read and folded at once (default 500). */
  readonly peoplePerGroup?: number;
}

const WORKERS_FROM = 100_000;
const MAX_WORKERS = 8;
// A fold makes many short-lived objects (a group's rows die once folded): a young generation
// big enough to hold a group lets them die there instead of being copied into the old one.
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 64 };
// Small groups: a group's rows die young (in the young generation) instead of being promoted.
const PEOPLE_PER_GROUP = 500;
const INTERACTIONS_PER_GROUP = 10_000;

/** People sorted by stage (closest first), then by their latest touch. */
export async function listPeople(store: Store, at: string, options: ListPeopleOptions = {}): Promise<PersonRow[]> {
  const playbook = await loadPlaybook(store);
  if (store.dialect !== 'sqlite') return sortPeopleRows(await foldBatches(personHistoryBatches(store, { until: at }), at, playbook, await messageReaderFor(store)));
  const reader = new SqliteHistoryReader(store.where, store.workspaceId, at);
  let threads: Worker[] = [];
  try {
    const counts = reader.counts();
    let interactions = 0;
    for (const n of counts.values()) interactions += n;
    const cores = Math.min(availableParallelism(), MAX_WORKERS);
    const workers = options.workers ?? (interactions >= WORKERS_FROM && cores > 1 ? cores : 0);
    // Started before the people are loaded, so that their own start-up (modules, the model) overlaps it.
    threads = Array.from({ length: workers }, () => startWorker(import.meta.url, 'people-list-worker', { resourceLimits: WORKER_LIMITS }));
    const groups = groupPeople(await peopleInOrder(store), counts, options.peoplePerGroup ?? PEOPLE_PER_GROUP, INTERACTIONS_PER_GROUP);
    const rows = threads.length > 0
      ? await foldInWorkers(threads, store, at, playbook, groups)
      : await foldBatches(historiesOf(reader, groups), at, playbook, await messageReaderFor(store));
    return sortPeopleRows(rows);
  } finally {
    reader.close();
    await Promise.all(threads.map((worker) => worker.terminate()));
  }
}

/** One person's row: the fold's figures that the list shows. */
export function personRow(person: Person, history: PersonHistory['interactions'], at: string, read: MessageReader, playbook: Playbook): PersonRow {
  const rel = relationshipStateAsOf({ interactions: history, at, read, playbook, identities: person.identities });
  let countIn = 0;
  let countOut = 0;
  for (const c of Object.values(rel.byKind)) {
    countIn += c.in;
    countOut += c.out;
  }
  return {
    id: person.id,
    name: displayName(person),
    handles: person.identities.map((i) => ({ platform: i.platform, handle: displayHandle(i) })),
    stage: rel.stage,
    warmth: rel.warmth,
    ledger: { gives: rel.ledger.gives, asks: rel.ledger.asks },
    interactions: { in: countIn, out: countOut },
    touches: rel.touches,
  };
}

export function sortPeopleRows(rows: PersonRow[]): PersonRow[] {
  const last = (r: PersonRow) => (r.touches.lastIn ?? '') > (r.touches.lastOut ?? '') ? r.touches.lastIn ?? '' : r.touches.lastOut ?? '';
  const keyed = rows.map((row) => ({ row, rank: stageRank(row.stage), last: last(row) }));
  keyed.sort((a, b) => b.rank - a.rank || (a.last < b.last ? 1 : a.last > b.last ? -1 : 0) || a.row.id - b.row.id);
  return keyed.map((k) => k.row);
}

function* historiesOf(reader: SqliteHistoryReader, groups: readonly Person[][]): Generator<PersonHistory[]> {
  for (const group of groups) yield reader.histories(group);
}

async function foldBatches(batches: Iterable<PersonHistory[]> | AsyncIterable<PersonHistory[]>, at: string, playbook: Playbook, read: MessageReader): Promise<PersonRow[]> {
  const rows: PersonRow[] = [];
  for await (const batch of batches) {
    for (const { person, interactions } of batch) rows.push(personRow(person, interactions, at, read, playbook));
  }
  return rows;
}

/** What the list sends a worker once (`init`), then per group of people (`fold`). */
export type WorkerRequest =
  | { readonly type: 'init'; readonly file: string; readonly workspaceId: number; readonly at: string; readonly playbook: Playbook; readonly context: PortableAnalysisContext }
  | { readonly type: 'fold'; readonly group: number; readonly people: readonly Person[] };

export type WorkerReply =
  | { readonly type: 'rows'; readonly group: number; readonly rows: readonly PersonRow[] }
  | { readonly type: 'error'; readonly message: string };

/**
 * Hands out groups of people to the workers as each finishes its last (so a worker that drew
 * busy people does not hold up the others) and collects their rows.
 */
async function foldInWorkers(threads: readonly Worker[], store: Store, at: string, playbook: Playbook, groups: readonly Person[][]): Promise<PersonRow[]> {
  const context = await portableAnalysisContextFor(store);
  // A damaged stored model fails here, with its hint, rather than as a bare message from a worker.
  analysisContextFrom(context);
  const init: WorkerRequest = { type: 'init', file: store.where, workspaceId: store.workspaceId, at, playbook, context };
  const results: (readonly PersonRow[])[] = [];
  let next = 0;
  let done = 0;
  await Promise.all(threads.map((worker) => new Promise<void>((resolve, reject) => {
    const send = () => {
      if (next >= groups.length) return resolve();
      const group = next++;
      worker.postMessage({ type: 'fold', group, people: groups[group] as Person[] } satisfies WorkerRequest);
    };
    worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'error') return reject(new Error(reply.message));
      results[reply.group] = reply.rows;
      done++;
      send();
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (done < groups.length) reject(new Error(`A worker folding relationships stopped early (exit code ${code})`));
    });
    worker.postMessage(init);
    send();
  })));
  return results.flat();
}
