/**
 * Writes batches of source records with idempotent upserts: identities keyed by
 * (platform, handle) or (platform, uid), interactions by (platform, platform id), notes by their
 * content. Importing the same records twice changes nothing the second time.
 */
import { createHash } from 'node:crypto';
import type SqliteDatabase from 'better-sqlite3';
import type { Insertable, Kysely } from 'kysely';
import { normalizeHandle } from '../domain/handles.js';
import type { Direction, InteractionRecord, NoteRecord, ProfileRecord, SourceRecord } from '../domain/records.js';
import type { Database, IdentitiesTable, InteractionsTable } from './schema.js';

/** What an import added (`new`) and found already there (`known`). */
export interface ImportTally {
  people: number;
  accounts: number;
  interactions: { new: number; known: number };
  notes: { new: number; known: number };
  byKind: Record<string, { in: number; out: number }>;
}

export function emptyTally(): ImportTally {
  return { people: 0, accounts: 0, interactions: { new: 0, known: 0 }, notes: { new: 0, known: 0 }, byKind: {} };
}

interface PartyRef {
  platform: string;
  handle?: string | undefined;
  uid?: string | undefined;
  /** Set for the workspace's own accounts. */
  own?: boolean;
}

interface CachedIdentity {
  id: number;
  own: boolean;
  handleNorm: string | null;
  uid: string | null;
}

type InteractionRow = Insertable<InteractionsTable>;
const INTERACTION_COLUMNS = [
  'workspace_id', 'platform', 'pid', 'at', 'at_raw', 'kind', 'direction', 'actor_id', 'target_id', 'counterpart_id', 'text', 'in_reply_to', 'about',
] as const satisfies readonly (keyof InteractionRow)[];

const LOOKUP_CHUNK = 500;
const INSERT_CHUNK = 1000;
// Below this many interactions an import keeps the indexes up to date as it goes (see deferIndexes).
const DEFER_INDEXES_MIN = 50_000;
// The page cache while they are set aside: 16 MB (a negative size is in KiB).
const DEFERRED_CACHE_SIZE = -16_384;

export class ImportWriter {
  // Identity ids seen in this import, per platform by normalised handle and by uid; cleared when
  // a transaction rolls back.
  private readonly cache = new IdentityCache();

  // The normalised form of each raw handle seen, so that a handle named in every record of a
  // big file is normalised once.
  private readonly norms = new Map<string, string>();
  // Per platform, each handle exactly as records spell it → its identity: the hot path for the
  // records of a big file, most of which name people already seen. Cleared whenever the cache
  // above changes an entry (a new identity, a completion, a fold), so it never disagrees with it.
  private readonly byRawHandle = new Map<string, Map<string, CachedIdentity>>();
  private insertRow: SqliteDatabase.Statement | undefined;
  private insertIdentity: SqliteDatabase.Statement | undefined;
  // The connection's page cache size while indexes are set aside (see deferIndexes).
  private savedCacheSize: number | undefined;

  constructor(
    private readonly workspaceId: number,
    private readonly now: string,
    /** The embedded database's handle: interactions then go through one prepared statement. */
    private readonly sqlite?: SqliteDatabase.Database,
  ) {}

  /**
   * A big import into an empty or small embedded workspace: sets the secondary indexes of
   * `interactions` aside until `restoreIndexes`. Kept up to date row by row, an index whose rows
   * land all over it (person, time) costs a page write per row at each commit; built once from
   * the finished table it is a sort. The unique key that makes re-imports idempotent stays. Each
   * index dropped is recorded in `deferred_indexes` in the same transaction (a savepoint when one
   * is open), so an import killed half-way leaves a note for the next one to build it again.
   * `always` skips the size test (for tests). Returns whether anything was set aside; always
   * false on PostgreSQL.
   */
  deferIndexes(expectedInteractions: number, always = false): boolean {
    const sqlite = this.sqlite;
    if (!sqlite) return false;
    if (!always) {
      if (expectedInteractions < DEFER_INDEXES_MIN) return false;
      // max(rowid) is read from the end of the table at once: an upper bound of its row count.
      const existing = (sqlite.prepare('select max(rowid) as n from interactions').get() as { n: number | null }).n ?? 0;
      if (existing > expectedInteractions) return false;
    }
    const indexes = sqlite
      .prepare("select name, sql from sqlite_master where type = 'index' and tbl_name = 'interactions' and sql is not null")
      .all() as { name: string; sql: string }[];
    if (indexes.length === 0) return false;
    sqlite.transaction(() => {
      const note = sqlite.prepare('insert into deferred_indexes (name, definition) values (?, ?) on conflict (name) do nothing');
      for (const { name, sql } of indexes) {
        note.run(name, sql);
        sqlite.exec(`drop index ${quoteIdent(name)}`);
      }
    })();
    // What is left to keep up to date (the table's end, the unique key) needs a far smaller page
    // cache than the indexes did; a smaller one keeps the import's memory down and costs no time.
    this.savedCacheSize ??= sqlite.pragma('cache_size', { simple: true }) as number;
    sqlite.pragma(`cache_size = ${DEFERRED_CACHE_SIZE}`);
    return true;
  }

  /**
   * Builds every index set aside by `deferIndexes` — this import's, or those of an import that
   * was killed half-way — and clears their notes, in one transaction (a savepoint when one is
   * open). Nothing to do on PostgreSQL.
   */
  restoreIndexes(): void {
    const sqlite = this.sqlite;
    if (!sqlite) return;
    try {
      const deferred = sqlite.prepare('select name, definition from deferred_indexes order by name').all() as { name: string; definition: string }[];
      if (deferred.length === 0) return;
      const exists = sqlite.prepare("select 1 from sqlite_master where type = 'index' and name = ?").pluck();
      sqlite.transaction(() => {
        for (const { name, definition } of deferred) {
          if (exists.get(name) === undefined) sqlite.exec(definition);
        }
        sqlite.prepare('delete from deferred_indexes').run();
      })();
    } catch (e) {
      this.restoreCacheSize();
      throw e;
    }
  }

  /**
   * Puts the page cache back as it was before `deferIndexes`: at the very end of the import, so
   * that the reads that follow the writes (building the indexes, refreshing the agenda's table)
   * do not fill a big cache either.
   */
  restoreCacheSize(): void {
    if (this.sqlite && this.savedCacheSize !== undefined) {
      this.sqlite.pragma(`cache_size = ${this.savedCacheSize}`);
      this.savedCacheSize = undefined;
    }
  }

  /** Forgets what was cached: after a rollback the cached ids may no longer exist. */
  reset(): void {
    this.cache.clear();
    this.byRawHandle.clear();
  }

  private norm(handle: string): string {
    let norm = this.norms.get(handle);
    if (norm === undefined) {
      norm = normalizeHandle(handle);
      if (this.norms.size > 200_000) this.norms.clear();
      this.norms.set(handle, norm);
    }
    return norm;
  }

  async write(q: Kysely<Database>, records: readonly SourceRecord[], tally: ImportTally): Promise<void> {
    const refs: PartyRef[] = [];
    for (const r of records) {
      if (r.type === 'account') refs.push({ platform: r.platform, handle: r.handle, uid: r.uid, own: true });
      else if (r.type === 'profile') refs.push({ platform: r.platform, handle: r.handle, uid: r.uid });
      else if (r.type === 'note') refs.push({ platform: r.platform, handle: r.handle });
      else {
        // People named by handle alone and already resolved need nothing more.
        if (r.actorUid !== undefined || r.actor === undefined || !this.rawHandleHit(r.platform, r.actor)) {
          refs.push({ platform: r.platform, handle: r.actor, uid: r.actorUid });
        }
        if (r.targetUid !== undefined || (r.target !== undefined && !this.rawHandleHit(r.platform, r.target))) {
          refs.push({ platform: r.platform, handle: r.target, uid: r.targetUid });
        }
      }
    }
    await this.resolve(q, refs, tally);
    for (const r of records) if (r.type === 'account') await this.markOwn(q, r, tally);
    for (const r of records) if (r.type === 'profile') await this.updateProfile(q, r);
    await this.insertInteractions(q, records.filter((r): r is InteractionRecord => r.type === 'interaction'), tally);
    await this.insertNotes(q, records.filter((r): r is NoteRecord => r.type === 'note'), tally);
  }

  /** The identity of a person named by handle alone, when resolved already. */
  private rawHandleHit(platform: string, handle: string): CachedIdentity | undefined {
    let byHandle = this.byRawHandle.get(platform);
    const fast = byHandle?.get(handle);
    if (fast) return fast;
    const hit = this.cache.byHandle(platform, this.norm(handle));
    if (hit) {
      if (!byHandle) this.byRawHandle.set(platform, (byHandle = new Map()));
      else if (byHandle.size > 200_000) byHandle.clear();
      byHandle.set(handle, hit);
    }
    return hit;
  }

  /** `identityFor` without a ref object, for the per-interaction hot path. */
  private party(platform: string, handle: string | undefined, uid: string | undefined): CachedIdentity {
    const hit = uid === undefined && handle !== undefined ? this.rawHandleHit(platform, handle) : this.lookup({ platform, handle, uid });
    if (!hit) throw new Error(`identity for ${platform}:${handle ?? uid} was not resolved`);
    return hit;
  }

  private lookup(ref: PartyRef): CachedIdentity | undefined {
    if (ref.uid !== undefined) {
      const hit = this.cache.byUid(ref.platform, ref.uid);
      if (hit) return hit;
    }
    return ref.handle !== undefined ? this.cache.byHandle(ref.platform, this.norm(ref.handle)) : undefined;
  }

  private remember(platform: string, row: CachedIdentity): void {
    this.byRawHandle.clear();
    if (row.handleNorm !== null) this.cache.setHandle(platform, row.handleNorm, row);
    if (row.uid !== null) this.cache.setUid(platform, row.uid, row);
  }

  private identityFor(ref: PartyRef): CachedIdentity {
    const hit = this.lookup(ref);
    if (!hit) throw new Error(`identity for ${ref.platform}:${ref.handle ?? ref.uid} was not resolved`);
    return hit;
  }

  private async resolve(q: Kysely<Database>, refs: readonly PartyRef[], tally: ImportTally): Promise<void> {
    const missing = refs.filter((r) => !this.lookup(r) || this.needsCompletion(r));
    if (missing.length === 0) return;
    await this.loadExisting(q, missing);
    const pending = new PendingIdentities();
    for (const ref of missing) {
      const hit = this.lookup(ref);
      if (hit) await this.complete(q, ref, hit);
      else pending.add(ref);
    }
    const rows = pending.refs().map((ref) => ({
      workspace_id: this.workspaceId,
      platform: ref.platform,
      handle: ref.handle ?? null,
      handle_norm: ref.handle !== undefined ? normalizeHandle(ref.handle) : null,
      uid: ref.uid ?? null,
      is_own: ref.own ? 1 : 0,
      first_seen: this.now,
    }));
    for (const chunk of chunks(rows, INSERT_CHUNK)) {
      const inserted = this.sqlite
        ? this.insertIdentitiesDirectly(this.sqlite, chunk)
        : await q
          .insertInto('identities')
          .values(chunk)
          .onConflict((oc) => oc.doNothing())
          .returning(['id', 'platform', 'handle_norm', 'uid', 'is_own'])
          .execute();
      for (const row of inserted) {
        if (row.is_own === 1) tally.accounts++;
        else tally.people++;
        this.remember(row.platform, { id: row.id, own: row.is_own === 1, handleNorm: row.handle_norm, uid: row.uid });
      }
    }
    const stillMissing = missing.filter((r) => !this.lookup(r));
    if (stillMissing.length > 0) await this.loadExisting(q, stillMissing);
  }

  /** The embedded store's path for new identities: one prepared insert per row, as for interactions. */
  private insertIdentitiesDirectly(sqlite: SqliteDatabase.Database, rows: readonly Insertable<IdentitiesTable>[]) {
    this.insertIdentity ??= sqlite.prepare(
      `insert into identities (workspace_id, platform, handle, handle_norm, uid, is_own, first_seen) values (?, ?, ?, ?, ?, ?, ?)
       on conflict do nothing returning id, platform, handle_norm, uid, is_own`,
    );
    const statement = this.insertIdentity;
    const inserted: { id: number; platform: string; handle_norm: string | null; uid: string | null; is_own: number }[] = [];
    for (const r of rows) {
      const row = statement.get(r.workspace_id, r.platform, r.handle ?? null, r.handle_norm ?? null, r.uid ?? null, r.is_own ?? 0, r.first_seen) as (typeof inserted)[number] | undefined;
      if (row) inserted.push(row);
    }
    return inserted;
  }

  private needsCompletion(ref: PartyRef): boolean {
    if (ref.uid === undefined || ref.handle === undefined) return false;
    const hit = this.lookup(ref);
    return hit !== undefined && (hit.uid === null || hit.handleNorm === null);
  }

  private async loadExisting(q: Kysely<Database>, refs: readonly PartyRef[]): Promise<void> {
    const byPlatform = new Map<string, { handles: Set<string>; uids: Set<string> }>();
    for (const ref of refs) {
      const entry = byPlatform.get(ref.platform) ?? { handles: new Set<string>(), uids: new Set<string>() };
      byPlatform.set(ref.platform, entry);
      if (ref.handle !== undefined) entry.handles.add(normalizeHandle(ref.handle));
      if (ref.uid !== undefined) entry.uids.add(ref.uid);
    }
    for (const [platform, { handles, uids }] of byPlatform) {
      const found: Pick<IdentitiesTable, 'handle_norm' | 'uid' | 'is_own'>[] & { id: number }[] = [];
      for (const chunk of chunks([...handles], LOOKUP_CHUNK)) {
        found.push(...(await this.selectIdentities(q, platform).where('handle_norm', 'in', chunk).execute()));
      }
      for (const chunk of chunks([...uids], LOOKUP_CHUNK)) {
        found.push(...(await this.selectIdentities(q, platform).where('uid', 'in', chunk).execute()));
      }
      for (const row of found) this.remember(platform, { id: row.id, own: row.is_own === 1, handleNorm: row.handle_norm, uid: row.uid });
    }
  }

  private selectIdentities(q: Kysely<Database>, platform: string) {
    return q
      .selectFrom('identities')
      .select(['id', 'handle_norm', 'uid', 'is_own'])
      .where('workspace_id', '=', this.workspaceId)
      .where('platform', '=', platform);
  }

  /**
   * Some exports name people by id only (X follower lists) and others by handle only; when a
   * record gives both, the identity gets the missing half, and an identity recorded twice
   * (once by id, once by handle) is folded into one.
   */
  private async complete(q: Kysely<Database>, ref: PartyRef, hit: CachedIdentity): Promise<void> {
    if (ref.uid === undefined || ref.handle === undefined) return;
    const norm = normalizeHandle(ref.handle);
    const byHandle = this.cache.byHandle(ref.platform, norm);
    const byUid = this.cache.byUid(ref.platform, ref.uid);
    if (byHandle && byUid && byHandle.id !== byUid.id) {
      await this.fold(q, byHandle.id, byUid.id);
      byUid.own ||= byHandle.own;
    }
    const target = byUid ?? hit;
    const patch: { handle?: string; handle_norm?: string; uid?: string } = {};
    if (target.handleNorm === null) Object.assign(patch, { handle: ref.handle, handle_norm: norm });
    if (target.uid === null) patch.uid = ref.uid;
    if (Object.keys(patch).length > 0) {
      await q.updateTable('identities').set(patch).where('id', '=', target.id).execute();
    }
    target.handleNorm ??= norm;
    target.uid ??= ref.uid;
    this.remember(ref.platform, target);
  }

  /** Moves everything recorded for identity `from` onto identity `into`, then drops `from`. */
  private async fold(q: Kysely<Database>, from: number, into: number): Promise<void> {
    this.byRawHandle.clear();
    const ws = this.workspaceId;
    await q.updateTable('interactions').set({ actor_id: into }).where('workspace_id', '=', ws).where('actor_id', '=', from).execute();
    await q.updateTable('interactions').set({ target_id: into }).where('workspace_id', '=', ws).where('target_id', '=', from).execute();
    await q.updateTable('interactions').set({ counterpart_id: into }).where('workspace_id', '=', ws).where('counterpart_id', '=', from).execute();
    await q.updateTable('notes').set({ identity_id: into }).where('workspace_id', '=', ws).where('identity_id', '=', from).execute();
    await q.deleteFrom('identities').where('workspace_id', '=', ws).where('id', '=', from).execute();
  }

  private async markOwn(q: Kysely<Database>, record: Extract<SourceRecord, { type: 'account' }>, tally: ImportTally): Promise<void> {
    const identity = this.identityFor(record);
    if (identity.own) return;
    const ws = this.workspaceId;
    await q.updateTable('identities').set({ is_own: 1, ...(record.name ? { name: record.name } : {}) }).where('id', '=', identity.id).execute();
    // Interactions stored before this account was known as ours are turned around.
    await q
      .updateTable('interactions')
      .set((eb) => ({ direction: 'out', counterpart_id: eb.ref('target_id') }))
      .where('workspace_id', '=', ws)
      .where('actor_id', '=', identity.id)
      .execute();
    await q
      .updateTable('interactions')
      .set({ counterpart_id: null })
      .where('workspace_id', '=', ws)
      .where('direction', '=', 'out')
      .where('target_id', '=', identity.id)
      .execute();
    identity.own = true;
  }

  private async updateProfile(q: Kysely<Database>, p: ProfileRecord): Promise<void> {
    const identity = this.identityFor(p);
    const patch: Partial<Record<'name' | 'bio' | 'location' | 'url' | 'created', string> & Record<'followers' | 'following' | 'posts' | 'avatar', number>> = {};
    if (p.name !== undefined) patch.name = p.name;
    if (p.bio !== undefined) patch.bio = p.bio;
    if (p.location !== undefined) patch.location = p.location;
    if (p.url !== undefined) patch.url = p.url;
    if (p.created !== undefined) patch.created = p.created;
    if (p.followers !== undefined) patch.followers = p.followers;
    if (p.following !== undefined) patch.following = p.following;
    if (p.posts !== undefined) patch.posts = p.posts;
    if (p.avatar !== undefined) patch.avatar = p.avatar ? 1 : 0;
    if (Object.keys(patch).length > 0) await q.updateTable('identities').set(patch).where('id', '=', identity.id).execute();
  }

  private async insertInteractions(q: Kysely<Database>, records: readonly InteractionRecord[], tally: ImportTally): Promise<void> {
    if (this.sqlite) {
      this.insertDirectly(this.sqlite, records, tally);
      return;
    }
    const rows = records.map((r): InteractionRow => {
      const actor = this.identityFor({ platform: r.platform, handle: r.actor, uid: r.actorUid });
      const target = r.target !== undefined || r.targetUid !== undefined
        ? this.identityFor({ platform: r.platform, handle: r.target, uid: r.targetUid })
        : undefined;
      const direction: Direction = actor.own ? 'out' : 'in';
      const counterpart = direction === 'out' ? (target && !target.own ? target.id : null) : actor.id;
      return {
        workspace_id: this.workspaceId,
        platform: r.platform,
        pid: r.id,
        at: r.at,
        at_raw: r.atRaw ?? null,
        kind: r.kind,
        direction,
        actor_id: actor.id,
        target_id: target?.id ?? null,
        counterpart_id: counterpart,
        text: r.text ?? null,
        in_reply_to: r.inReplyTo ?? null,
        about: r.about ?? null,
      };
    });
    for (const chunk of chunks(rows, INSERT_CHUNK)) {
      const inserted = await q
        .insertInto('interactions')
        .values(chunk)
        .onConflict((oc) => oc.columns(['workspace_id', 'platform', 'pid']).doNothing())
        .returning(['kind', 'direction'])
        .execute();
      tally.interactions.new += inserted.length;
      tally.interactions.known += chunk.length - inserted.length;
      for (const row of inserted) {
        const counts = (tally.byKind[row.kind] ??= { in: 0, out: 0 });
        counts[row.direction === 'out' ? 'out' : 'in']++;
      }
    }
  }

  /**
   * The embedded store's bulk path: one prepared single-row insert run per interaction, inside
   * the batch's transaction (the same connection), its values passed straight from the record.
   * Building and parsing a 1,000-row statement through the query builder cost more than SQLite's
   * own work; `changes` tells new from known.
   */
  private insertDirectly(sqlite: SqliteDatabase.Database, records: readonly InteractionRecord[], tally: ImportTally): void {
    this.insertRow ??= sqlite.prepare(
      `insert into interactions (${INTERACTION_COLUMNS.join(', ')}) values (${INTERACTION_COLUMNS.map(() => '?').join(', ')})
       on conflict (workspace_id, platform, pid) do nothing`,
    );
    const statement = this.insertRow;
    const ws = this.workspaceId;
    for (const r of records) {
      const actor = this.party(r.platform, r.actor, r.actorUid);
      const target = r.target !== undefined || r.targetUid !== undefined ? this.party(r.platform, r.target, r.targetUid) : undefined;
      const out = actor.own;
      const counterpart = out ? (target && !target.own ? target.id : null) : actor.id;
      // In INTERACTION_COLUMNS order.
      const { changes } = statement.run(
        ws, r.platform, r.id, r.at, r.atRaw ?? null, r.kind, out ? 'out' : 'in', actor.id, target?.id ?? null, counterpart,
        r.text ?? null, r.inReplyTo ?? null, r.about ?? null,
      );
      if (changes === 0) {
        tally.interactions.known++;
        continue;
      }
      tally.interactions.new++;
      const counts = (tally.byKind[r.kind] ??= { in: 0, out: 0 });
      if (out) counts.out++;
      else counts.in++;
    }
  }

  private async insertNotes(q: Kysely<Database>, records: readonly NoteRecord[], tally: ImportTally): Promise<void> {
    const rows = records.map((n) => ({
      workspace_id: this.workspaceId,
      identity_id: this.identityFor(n).id,
      at: n.at,
      text: n.text,
      remind: n.remind ?? null,
      key: noteKey(n),
    }));
    for (const chunk of chunks(rows, INSERT_CHUNK)) {
      const inserted = await q.insertInto('notes').values(chunk).onConflict((oc) => oc.doNothing()).returning('id').execute();
      tally.notes.new += inserted.length;
      tally.notes.known += chunk.length - inserted.length;
    }
  }
}

export function noteKey(n: { platform: string; handle: string; at: string; text: string }): string {
  return createHash('sha1').update(`${n.platform}\0${normalizeHandle(n.handle)}\0${n.at}\0${n.text}`).digest('hex');
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function handleKey(platform: string, norm: string): string {
  return `${platform}\0h\0${norm}`;
}

function uidKey(platform: string, uid: string): string {
  return `${platform}\0u\0${uid}`;
}

/** Identities by platform, then by normalised handle or by uid: no key strings to build per lookup. */
class IdentityCache {
  private readonly handles = new Map<string, Map<string, CachedIdentity>>();
  private readonly uids = new Map<string, Map<string, CachedIdentity>>();

  byHandle(platform: string, norm: string): CachedIdentity | undefined {
    return this.handles.get(platform)?.get(norm);
  }

  byUid(platform: string, uid: string): CachedIdentity | undefined {
    return this.uids.get(platform)?.get(uid);
  }

  setHandle(platform: string, norm: string, identity: CachedIdentity): void {
    IdentityCache.of(this.handles, platform).set(norm, identity);
  }

  setUid(platform: string, uid: string, identity: CachedIdentity): void {
    IdentityCache.of(this.uids, platform).set(uid, identity);
  }

  clear(): void {
    this.handles.clear();
    this.uids.clear();
  }

  private static of(maps: Map<string, Map<string, CachedIdentity>>, platform: string): Map<string, CachedIdentity> {
    let map = maps.get(platform);
    if (!map) maps.set(platform, (map = new Map()));
    return map;
  }
}

/**
 * New identities of one batch. The same person may be named by handle in one ref, by uid in
 * another and by both in a third: they become one identity with every field any ref gave
 * (and "own" if any ref was an account line).
 */
class PendingIdentities {
  private readonly byKey = new Map<string, PartyRef>();

  add(ref: PartyRef): void {
    const keys = refKeys(ref);
    const found = [...new Set(keys.map((k) => this.byKey.get(k)).filter((r): r is PartyRef => r !== undefined))];
    const merged: PartyRef = { platform: ref.platform, handle: ref.handle, uid: ref.uid, own: ref.own ?? false };
    for (const other of found) {
      merged.handle ??= other.handle;
      merged.uid ??= other.uid;
      merged.own ||= other.own ?? false;
    }
    for (const other of found) for (const k of refKeys(other)) this.byKey.set(k, merged);
    for (const k of refKeys(merged)) this.byKey.set(k, merged);
  }

  refs(): PartyRef[] {
    return [...new Set(this.byKey.values())];
  }
}

function refKeys(ref: PartyRef): string[] {
  const keys: string[] = [];
  if (ref.uid !== undefined) keys.push(uidKey(ref.platform, ref.uid));
  if (ref.handle !== undefined) keys.push(handleKey(ref.platform, normalizeHandle(ref.handle)));
  return keys;
}

function* chunks<T>(items: readonly T[], size: number): Iterable<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
