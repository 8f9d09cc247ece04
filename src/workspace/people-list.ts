/**
 * Everyone in the workspace with the state of each relationship as of a moment (`rapport people`,
 * the People page, the demo): every person's history folded with `relationshipStateAsOf`.
 * Histories are read range by range of people, never all at once; on a large embedded workspace
 * the ranges are folded by worker threads (people-list-worker.ts), one per core, each with its
 * own read-only connection and its own message reader. Each text's intents come from the table
 * stored with the workspace under the current settings' fingerprint (docs/agenda.md); texts it
 * lacks are read and added to it.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { displayHandle, displayName, type Person } from '../domain/views.js';
import { stageRank, type Playbook, type Stage } from '../playbook/playbook.js';
import { buildIntentTable, deserializeIntentTable, serializeIntentTable, TextIntentMemo, unpackIntents, type IntentLookup, type IntentTable, type KeyedIntents, type PackedIntents } from '../relationships/message-intents.js';
import { createMessageReader, type MessageReader } from '../relationships/message-reader.js';
import { startWorker } from '../support/start-worker.js';
import { relationshipStateAsOf, type Relationship } from '../relationships/relationship.js';
import { personHistoryBatches, personRanges, SqliteHistoryReader, type PersonHistory } from '../store/queries/all-histories.js';
import { loadTextIntents, saveTextIntents } from '../store/queries/text-intents.js';
import type { Store } from '../store/store.js';
import { loadPlaybook } from './load-playbook.js';
import { intentsFingerprint } from './intents-fingerprint.js';
import { analysisContextFrom, portableAnalysisContextFor, type PortableAnalysisContext } from './message-context.js';

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
  /** People per range read and folded at once (default 500). */
  readonly peoplePerGroup?: number;
}

const WORKERS_FROM = 100_000;
const MAX_WORKERS = 8;
// A fold makes many short-lived objects (a person's rows die once folded): a young generation
// big enough to hold them lets them die there instead of being copied into the old one.
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 64 };
// People per unit of work: small enough that the workers finish together, big enough that
// handing out units costs nothing next to folding them.
const PEOPLE_PER_GROUP = 500;

/** People sorted by stage (closest first), then by their latest touch. */
export async function listPeople(store: Store, at: string, options: ListPeopleOptions = {}): Promise<PersonRow[]> {
  const playbook = await loadPlaybook(store);
  const context = await portableAnalysisContextFor(store);
  const threshold = playbook.language.intentThreshold;
  const fingerprint = intentsFingerprint(context, threshold);
  // A damaged stored model fails here, with its hint, rather than as a bare message from a worker.
  const read = createMessageReader(analysisContextFrom(context), { cache: false });
  const stored = await loadTextIntents(store, fingerprint);
  const loaded = stored && deserializeIntentTable(stored);
  let intents = loaded ?? buildIntentTable([]);
  if (store.dialect !== 'sqlite') {
    const memo = new TextIntentMemo(read, threshold, intents);
    const rows = await foldHere(eachHistory(personHistoryBatches(store, { until: at })), { at, read, intents: memo.lookup, playbook });
    await storeIntents(store, fingerprint, intents, memo.takeFresh(), !loaded);
    return sortPeopleRows(rows);
  }
  const reader = new SqliteHistoryReader(store.where, store.workspaceId, at);
  let threads: Worker[] = [];
  try {
    const ranges = personRanges(reader.personIds(), options.peoplePerGroup ?? PEOPLE_PER_GROUP);
    const cores = Math.min(availableParallelism(), MAX_WORKERS);
    const interactions = reader.interactionsBound();
    const workers = Math.min(options.workers ?? (interactions >= WORKERS_FROM && cores > 1 ? cores : 0), ranges.length);
    let rows: PersonRow[];
    let fresh: KeyedIntents[] = [];
    if (workers > 0) {
      threads = Array.from({ length: workers }, () => startWorker(import.meta.url, 'people-list-worker', { resourceLimits: WORKER_LIMITS }));
      const init: WorkerRequest = { type: 'init', file: store.where, workspaceId: store.workspaceId, at, playbook, context };
      for (const worker of threads) worker.postMessage(init);
      // Nothing stored under these settings (a first run, a new model or brand setting): every
      // distinct text is read once, the workers sharing them out, before the folds use them all.
      if (!loaded) intents = buildIntentTable(await readTextsInWorkers(threads));
      rows = await foldInWorkers(threads, intents, ranges, fresh);
    } else {
      const memo = new TextIntentMemo(read, threshold, intents);
      rows = await foldHere(inRanges(reader, ranges), { at, read, intents: memo.lookup, playbook });
      fresh = memo.takeFresh();
    }
    await storeIntents(store, fingerprint, intents, fresh, !loaded);
    return sortPeopleRows(rows);
  } finally {
    reader.close();
    await Promise.all(threads.map((worker) => worker.terminate()));
  }
}

/** Folds every history in this thread. */
async function foldHere(histories: AsyncIterable<PersonHistory> | Iterable<PersonHistory>, settings: FoldSettings): Promise<PersonRow[]> {
  const rows: PersonRow[] = [];
  for await (const { person, interactions } of histories) rows.push(personRow(person, interactions, settings));
  return rows;
}

async function* eachHistory(batches: AsyncIterable<PersonHistory[]>): AsyncGenerator<PersonHistory> {
  for await (const batch of batches) yield* batch;
}

function* inRanges(reader: SqliteHistoryReader, ranges: readonly [number, number][]): Generator<PersonHistory> {
  for (const [lo, hi] of ranges) yield* reader.histories(lo, hi);
}

/**
 * Keeps the texts read for the first time, so that the next list reads none of them again. A
 * cache: when another process holds the embedded database, the list is still right, only the
 * next one slower.
 */
async function storeIntents(store: Store, fingerprint: string, known: IntentTable, fresh: readonly KeyedIntents[], changed: boolean): Promise<void> {
  if (fresh.length === 0 && !changed) return;
  try {
    await saveTextIntents(store, fingerprint, serializeIntentTable(fresh.length === 0 ? known : buildIntentTable(fresh, known)));
  } catch (e) {
    if (!/^SQLITE_(?:BUSY|READONLY)/.test(String((e as { code?: unknown }).code))) throw e;
  }
}

/** How the fold of one person is done: the moment, the reader, the intents' lookup, the playbook. */
export interface FoldSettings {
  readonly at: string;
  readonly read: MessageReader;
  readonly intents: IntentLookup;
  readonly playbook: Playbook;
}

/** One person's row: the fold's figures that the list shows. */
export function personRow(person: Person, history: PersonHistory['interactions'], { at, read, intents, playbook }: FoldSettings): PersonRow {
  const rel = relationshipStateAsOf({ interactions: history, at, read, intents, playbook, identities: person.identities });
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

/**
 * What the list sends a worker: `init` once; `read-texts` when no intents are stored (the
 * worker reads its share of the workspace's distinct texts); the intents to fold with; then one
 * range of people at a time.
 */
export type WorkerRequest =
  | { readonly type: 'init'; readonly file: string; readonly workspaceId: number; readonly at: string; readonly playbook: Playbook; readonly context: PortableAnalysisContext }
  | { readonly type: 'read-texts'; readonly part: number; readonly parts: number }
  | { readonly type: 'intents'; readonly intents: IntentTable }
  | { readonly type: 'fold'; readonly group: number; readonly lo: number; readonly hi: number };

/** A share of texts read; a range's rows, and the texts the worker read for the first time while folding it. */
export type WorkerReply =
  | { readonly type: 'texts'; readonly texts: PackedIntents }
  | { readonly type: 'rows'; readonly group: number; readonly rows: readonly PersonRow[]; readonly fresh: PackedIntents }
  | { readonly type: 'error'; readonly message: string };

/** Every distinct text of the workspace, read once: each worker reads its share. */
async function readTextsInWorkers(threads: readonly Worker[]): Promise<KeyedIntents[]> {
  const replies = await Promise.all(threads.map((worker, part) => new Promise<PackedIntents>((resolve, reject) => {
    const stop = listen(worker, reject, (reply) => {
      stop();
      if (reply.type === 'texts') resolve(reply.texts);
    });
    worker.postMessage({ type: 'read-texts', part, parts: threads.length } satisfies WorkerRequest);
  })));
  return replies.flatMap((texts) => [...unpackIntents(texts)]);
}

/**
 * Hands out ranges of people to the workers as each finishes its last (so a worker that drew
 * busy people does not hold up the others) and collects their rows and newly read texts.
 */
async function foldInWorkers(threads: readonly Worker[], intents: IntentTable, ranges: readonly [number, number][], fresh: KeyedIntents[]): Promise<PersonRow[]> {
  const results: (readonly PersonRow[])[] = [];
  let next = 0;
  await Promise.all(threads.map((worker) => new Promise<void>((resolve, reject) => {
    const send = () => {
      if (next >= ranges.length) {
        stop();
        return resolve();
      }
      const group = next++;
      const [lo, hi] = ranges[group]!;
      worker.postMessage({ type: 'fold', group, lo, hi } satisfies WorkerRequest);
    };
    const stop = listen(worker, reject, (reply) => {
      if (reply.type !== 'rows') return;
      results[reply.group] = reply.rows;
      for (const entry of unpackIntents(reply.fresh)) fresh.push(entry);
      send();
    });
    worker.postMessage({ type: 'intents', intents } satisfies WorkerRequest);
    send();
  })));
  return results.flat();
}

/** Passes a worker's replies on until stopped; an error reply, a crash or an early exit rejects. */
function listen(worker: Worker, reject: (e: Error) => void, onReply: (reply: WorkerReply) => void): () => void {
  const onMessage = (reply: WorkerReply) => (reply.type === 'error' ? reject(new Error(reply.message)) : onReply(reply));
  const onExit = (code: number) => reject(new Error(`A worker folding relationships stopped early (exit code ${code})`));
  worker.on('message', onMessage);
  worker.on('error', reject);
  worker.on('exit', onExit);
  return () => {
    worker.off('message', onMessage);
    worker.off('error', reject);
    worker.off('exit', onExit);
  };
}
