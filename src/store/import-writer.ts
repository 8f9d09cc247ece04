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

export class ImportWriter {
  // Identity ids seen in this import; cleared when a transaction rolls back.
  private readonly cache = new Map<string, CachedIdentity>();

  // The normalised form of each raw handle seen, so that a handle named in every record of a
  // big file is normalised once.
  private readonly norms = new Map<string, string>();
  private insertRow: SqliteDatabase.Statement | undefined;

  constructor(
    private readonly workspaceId: number,
    private readonly now: string,
    /** The embedded database's handle: interactions then go through one prepared statement. */
    private readonly sqlite?: SqliteDatabase.Database,
  ) {}

  /** Forgets what was cached: after a rollback the cached ids may no longer exist. */
  reset(): void {
    this.cache.clear();
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
        refs.push({ platform: r.platform, handle: r.actor, uid: r.actorUid });
        if (r.target !== undefined || r.targetUid !== undefined) refs.push({ platform: r.platform, handle: r.target, uid: r.targetUid });
      }
    }
    await this.resolve(q, refs, tally);
    for (const r of records) if (r.type === 'account') await this.markOwn(q, r, tally);
    for (const r of records) if (r.type === 'profile') await this.updateProfile(q, r);
    await this.insertInteractions(q, records.filter((r): r is InteractionRecord => r.type === 'interaction'), tally);
    await this.insertNotes(q, records.filter((r): r is NoteRecord => r.type === 'note'), tally);
  }

  private lookup(ref: PartyRef): CachedIdentity | undefined {
    if (ref.uid !== undefined) {
      const hit = this.cache.get(uidKey(ref.platform, ref.uid));
      if (hit) return hit;
    }
    return ref.handle !== undefined ? this.cache.get(handleKey(ref.platform, this.norm(ref.handle))) : undefined;
  }

  private remember(platform: string, row: CachedIdentity): void {
    if (row.handleNorm !== null) this.cache.set(handleKey(platform, row.handleNorm), row);
    if (row.uid !== null) this.cache.set(uidKey(platform, row.uid), row);
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
      const inserted = await q
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
    const byHandle = this.cache.get(handleKey(ref.platform, norm));
    const byUid = this.cache.get(uidKey(ref.platform, ref.uid));
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
    if (this.sqlite) {
      this.insertRowsDirectly(this.sqlite, rows, tally);
      return;
    }
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
   * the batch's transaction (the same connection). Building and parsing a 1,000-row statement
   * through the query builder cost more than SQLite's own work; `changes` tells new from known.
   */
  private insertRowsDirectly(sqlite: SqliteDatabase.Database, rows: readonly InteractionRow[], tally: ImportTally): void {
    this.insertRow ??= sqlite.prepare(
      `insert into interactions (${INTERACTION_COLUMNS.join(', ')}) values (${INTERACTION_COLUMNS.map(() => '?').join(', ')})
       on conflict (workspace_id, platform, pid) do nothing`,
    );
    const statement = this.insertRow;
    for (const row of rows) {
      const { changes } = statement.run(INTERACTION_COLUMNS.map((column) => row[column]));
      if (changes === 0) {
        tally.interactions.known++;
        continue;
      }
      tally.interactions.new++;
      const counts = (tally.byKind[row.kind] ??= { in: 0, out: 0 });
      counts[row.direction === 'out' ? 'out' : 'in']++;
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

function handleKey(platform: string, norm: string): string {
  return `${platform}\0h\0${norm}`;
}

function uidKey(platform: string, uid: string): string {
  return `${platform}\0u\0${uid}`;
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
