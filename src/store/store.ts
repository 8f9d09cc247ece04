/**
 * The one query layer over SQLite and PostgreSQL. A Store is bound to one workspace: every query
 * it runs is scoped to that workspace's id, so no workspace can read another's data.
 */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { StoreError } from '../domain/errors.js';
import { normalizeHandle } from '../domain/handles.js';
import type { Direction, Kind, Platform } from '../domain/records.js';
import type { Identity, Interaction, Note, Person } from '../domain/views.js';
import { ImportWriter } from './import-writer.js';
import { closeSqliteReader } from './queries/sqlite-reader.js';
import { openDatabase, type DatabaseLocation, type Dialect, type OpenedDatabase } from './open-database.js';
import type { Database, IdentitiesTable, InteractionsTable } from './schema.js';

export interface StoreOptions extends DatabaseLocation {
  /** Workspace name inside a shared PostgreSQL database (an agency's client). */
  readonly workspace?: string;
}

export interface WorkspaceStats {
  readonly people: number;
  readonly identities: number;
  readonly accounts: readonly { platform: Platform; handle: string }[];
  readonly interactions: {
    readonly total: number;
    readonly byKind: Record<string, { in: number; out: number }>;
    readonly byPlatform: Record<string, number>;
    readonly first: string | null;
    readonly last: string | null;
  };
  readonly notes: number;
  readonly reminders: number;
  readonly perPerson: { readonly withInteractions: number; readonly median: number; readonly max: number };
}

export class Store {
  private constructor(
    readonly db: Kysely<Database>,
    readonly dialect: Dialect,
    readonly where: string,
    readonly workspaceId: number,
    readonly workspaceName: string,
    private readonly sqlite?: OpenedDatabase['sqlite'],
  ) {}

  static async open(options: StoreOptions): Promise<Store> {
    const opened = await openDatabase(options);
    const name = options.workspace ?? 'default';
    try {
      await opened.db
        .insertInto('workspaces')
        .values({ name, created_at: new Date().toISOString() })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
      const row = await opened.db.selectFrom('workspaces').select('id').where('name', '=', name).executeTakeFirstOrThrow();
      return new Store(opened.db, opened.dialect, opened.where, row.id, name, opened.sqlite);
    } catch (e) {
      await opened.db.destroy();
      throw new StoreError(`Cannot open workspace "${name}" at ${opened.where}: ${(e as Error).message}`, { cause: e });
    }
  }

  async close(): Promise<void> {
    closeSqliteReader(this);
    await this.db.destroy();
  }

  /** Runs `fn` in one transaction: everything it writes lands together or not at all. */
  transaction<T>(fn: (q: Transaction<Database>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(fn);
  }

  newImportWriter(now: string = new Date().toISOString()): ImportWriter {
    return new ImportWriter(this.workspaceId, now, this.sqlite);
  }

  async recordImport(entry: { format: string; label: string; summary: unknown }): Promise<void> {
    await this.db
      .insertInto('imports')
      .values({ workspace_id: this.workspaceId, at: new Date().toISOString(), format: entry.format, label: entry.label, summary: JSON.stringify(entry.summary) })
      .execute();
  }

  // ---- settings ----------------------------------------------------------------------------

  async getSetting(key: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('settings').select('value').where('workspace_id', '=', this.workspaceId).where('key', '=', key).executeTakeFirst();
    return row?.value;
  }

  async setSetting(key: string, value: string | undefined): Promise<void> {
    if (value === undefined) {
      await this.db.deleteFrom('settings').where('workspace_id', '=', this.workspaceId).where('key', '=', key).execute();
      return;
    }
    await this.db
      .insertInto('settings')
      .values({ workspace_id: this.workspaceId, key, value })
      .onConflict((oc) => oc.columns(['workspace_id', 'key']).doUpdateSet({ value }))
      .execute();
  }

  // ---- identities and people ---------------------------------------------------------------

  private identities() {
    return this.db.selectFrom('identities').selectAll().where('workspace_id', '=', this.workspaceId);
  }

  async ownAccounts(): Promise<Identity[]> {
    return (await this.identities().where('is_own', '=', 1).orderBy('id').execute()).map(toIdentity);
  }

  /** Identities whose handle matches, on one platform or any; `exact` compares whole handles. */
  async findIdentities(handle: string, platform?: string): Promise<Identity[]> {
    // People known only by their platform id (X followers, Bluesky DIDs) are shown as `id:…`.
    const uid = handle.startsWith('id:') ? handle.slice(3) : handle.startsWith('did:') ? handle : undefined;
    if (uid !== undefined) {
      let byUid = this.identities().where('uid', '=', uid);
      if (platform) byUid = byUid.where('platform', '=', platform);
      return (await byUid.orderBy('id').execute()).map(toIdentity);
    }
    const norm = normalizeHandle(handle);
    let q = this.identities().where('handle_norm', '=', norm);
    if (platform) q = q.where('platform', '=', platform);
    const exact = await q.orderBy('id').execute();
    if (exact.length > 0) return exact.map(toIdentity);
    // `ana` finds `@ana@example.social`: the user part of a fediverse handle is enough if unique.
    let partial = this.identities().where('handle_norm', 'like', `${norm}@%`);
    if (platform) partial = partial.where('platform', '=', platform);
    return (await partial.orderBy('id').limit(10).execute()).map(toIdentity);
  }

  /** Handles that contain the text, to suggest when a lookup finds nothing. */
  async suggestHandles(handle: string, limit = 5): Promise<string[]> {
    const norm = normalizeHandle(handle);
    const stem = norm.split('@')[0]?.slice(0, 4) ?? norm;
    if (stem.length === 0) return [];
    const rows = await this.identities()
      .select(['handle'])
      .where('handle_norm', 'like', `%${stem}%`)
      .where('is_own', '=', 0)
      .orderBy('handle_norm')
      .limit(limit)
      .execute();
    return rows.map((r) => r.handle).filter((h): h is string => h !== null);
  }

  async person(personId: number): Promise<Person | undefined> {
    const rows = await this.identities()
      .where(sql<number>`coalesce(person_id, id)`, '=', personId)
      .orderBy('id')
      .execute();
    return rows.length > 0 ? { id: personId, identities: rows.map(toIdentity) } : undefined;
  }

  /** Every person who is not one of your own accounts, with their identities. */
  async people(): Promise<Person[]> {
    const rows = await this.identities().where('is_own', '=', 0).orderBy('id').execute();
    const byPerson = new Map<number, Identity[]>();
    for (const row of rows) {
      const identity = toIdentity(row);
      const list = byPerson.get(identity.personId) ?? [];
      list.push(identity);
      byPerson.set(identity.personId, list);
    }
    return [...byPerson].map(([id, identities]) => ({ id, identities }));
  }

  /** Makes every identity of person `from` part of person `into` (identities merged by hand). */
  async mergePeople(into: number, from: number): Promise<void> {
    if (into === from) return;
    await this.db
      .updateTable('identities')
      .set({ person_id: into })
      .where('workspace_id', '=', this.workspaceId)
      .where(sql<number>`coalesce(person_id, id)`, '=', from)
      .execute();
    await this.db.updateTable('identities').set({ person_id: null }).where('workspace_id', '=', this.workspaceId).where('id', '=', into).execute();
  }

  /** Takes one identity out of the person it was merged into; it becomes a person of its own. */
  async unmergeIdentity(identityId: number): Promise<void> {
    await this.transaction(async (trx) => {
      const ws = this.workspaceId;
      const others = await trx
        .selectFrom('identities')
        .select('id')
        .where('workspace_id', '=', ws)
        .where('person_id', '=', identityId)
        .where('id', '!=', identityId)
        .orderBy('id')
        .execute();
      // The person was known by this identity's id: the others regroup under the first of them.
      const [first, ...rest] = others.map((o) => o.id);
      if (first !== undefined) {
        await trx.updateTable('identities').set({ person_id: null }).where('workspace_id', '=', ws).where('id', '=', first).execute();
        if (rest.length > 0) await trx.updateTable('identities').set({ person_id: first }).where('workspace_id', '=', ws).where('id', 'in', rest).execute();
      }
      await trx.updateTable('identities').set({ person_id: null }).where('workspace_id', '=', ws).where('id', '=', identityId).execute();
    });
  }

  // ---- interactions ------------------------------------------------------------------------

  /** Interactions of this workspace with the person on the other side, ready for `toInteraction`. */
  interactionRows() {
    return this.db
      .selectFrom('interactions as i')
      .leftJoin('identities as c', 'c.id', 'i.counterpart_id')
      .select([
        'i.id', 'i.platform', 'i.pid', 'i.at', 'i.kind', 'i.direction', 'i.actor_id', 'i.target_id',
        'i.text', 'i.in_reply_to', 'i.about',
        sql<number | null>`coalesce(c.person_id, c.id)`.as('person_id'),
      ])
      .where('i.workspace_id', '=', this.workspaceId);
  }

  /** A person's interactions in time order, optionally only those up to `until` (inclusive). */
  async interactionsWith(person: Person, options: { until?: string } = {}): Promise<Interaction[]> {
    const ids = person.identities.map((i) => i.id);
    let q = this.interactionRows().where('i.counterpart_id', 'in', ids);
    if (options.until) q = q.where('i.at', '<=', options.until);
    return (await q.orderBy('i.at').orderBy('i.id').execute()).map(toInteraction);
  }

  /** Every interaction of the workspace in time order (for folds over all relationships). */
  async allInteractions(options: { until?: string } = {}): Promise<Interaction[]> {
    let q = this.interactionRows();
    if (options.until) q = q.where('i.at', '<=', options.until);
    return (await q.orderBy('i.at').orderBy('i.id').execute()).map(toInteraction);
  }

  // ---- notes -------------------------------------------------------------------------------

  async notesOf(person: Person): Promise<Note[]> {
    const ids = person.identities.map((i) => i.id);
    const rows = await this.db
      .selectFrom('notes')
      .select(['id', 'identity_id', 'at', 'text', 'remind'])
      .where('workspace_id', '=', this.workspaceId)
      .where('identity_id', 'in', ids)
      .orderBy('at')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ id: r.id, identityId: r.identity_id, at: r.at, text: r.text, remind: r.remind }));
  }

  /** Every note of the workspace, for engines that look at all reminders at once. */
  async allNotes(): Promise<(Note & { personId: number })[]> {
    const rows = await this.db
      .selectFrom('notes as n')
      .innerJoin('identities as c', 'c.id', 'n.identity_id')
      .select(['n.id', 'n.identity_id', 'n.at', 'n.text', 'n.remind', sql<number>`coalesce(c.person_id, c.id)`.as('person_id')])
      .where('n.workspace_id', '=', this.workspaceId)
      .orderBy('n.at')
      .orderBy('n.id')
      .execute();
    return rows.map((r) => ({ id: r.id, identityId: r.identity_id, at: r.at, text: r.text, remind: r.remind, personId: Number(r.person_id) }));
  }

  async addNote(identityId: number, note: { at: string; text: string; remind?: string | undefined }, key: string): Promise<Note> {
    const row = await this.db
      .insertInto('notes')
      .values({ workspace_id: this.workspaceId, identity_id: identityId, at: note.at, text: note.text, remind: note.remind ?? null, key })
      .returning(['id', 'identity_id', 'at', 'text', 'remind'])
      .executeTakeFirstOrThrow();
    return { id: row.id, identityId: row.identity_id, at: row.at, text: row.text, remind: row.remind };
  }

  async updateNote(id: number, patch: { text?: string; remind?: string | null }): Promise<boolean> {
    const result = await this.db.updateTable('notes').set(patch).where('workspace_id', '=', this.workspaceId).where('id', '=', id).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async removeNote(id: number): Promise<boolean> {
    const result = await this.db.deleteFrom('notes').where('workspace_id', '=', this.workspaceId).where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  // ---- snoozes -----------------------------------------------------------------------------

  async snooze(personId: number, until: string): Promise<void> {
    await this.db
      .insertInto('snoozes')
      .values({ workspace_id: this.workspaceId, person_id: personId, until, created_at: new Date().toISOString() })
      .onConflict((oc) => oc.columns(['workspace_id', 'person_id']).doUpdateSet({ until }))
      .execute();
  }

  /** Person id → the last day (inclusive) they are hidden from the agenda. */
  async snoozes(): Promise<Map<number, string>> {
    const rows = await this.db.selectFrom('snoozes').select(['person_id', 'until']).where('workspace_id', '=', this.workspaceId).execute();
    return new Map(rows.map((r) => [Number(r.person_id), r.until]));
  }

  // ---- posts and threads -------------------------------------------------------------------

  /** Interactions with these platform ids (posts, replies…), to follow a thread to its start. */
  async interactionsByPid(pids: readonly string[]): Promise<Interaction[]> {
    if (pids.length === 0) return [];
    return (await this.interactionRows().where('i.pid', 'in', [...pids]).orderBy('i.at').execute()).map(toInteraction);
  }

  // ---- totals ------------------------------------------------------------------------------

  async stats(): Promise<WorkspaceStats> {
    const ws = this.workspaceId;
    const identityCounts = await this.db
      .selectFrom('identities')
      .select([
        sql<number>`count(*)`.as('identities'),
        sql<number>`count(distinct coalesce(person_id, id))`.as('people'),
      ])
      .where('workspace_id', '=', ws)
      .where('is_own', '=', 0)
      .executeTakeFirstOrThrow();
    const accounts = await this.ownAccounts();
    const byKindRows = await this.db
      .selectFrom('interactions')
      .select(['kind', 'direction', sql<number>`count(*)`.as('n')])
      .where('workspace_id', '=', ws)
      .groupBy(['kind', 'direction'])
      .orderBy('kind')
      .orderBy('direction')
      .execute();
    const byPlatformRows = await this.db
      .selectFrom('interactions')
      .select(['platform', sql<number>`count(*)`.as('n')])
      .where('workspace_id', '=', ws)
      .groupBy('platform')
      .orderBy('platform')
      .execute();
    const span = await this.db
      .selectFrom('interactions')
      .select([sql<string | null>`min(at)`.as('first'), sql<string | null>`max(at)`.as('last')])
      .where('workspace_id', '=', ws)
      .executeTakeFirstOrThrow();
    const noteCounts = await this.db
      .selectFrom('notes')
      .select([sql<number>`count(*)`.as('notes'), sql<number>`count(remind)`.as('reminders')])
      .where('workspace_id', '=', ws)
      .executeTakeFirstOrThrow();
    const perPersonRows = await this.db
      .selectFrom('interactions as i')
      .innerJoin('identities as c', 'c.id', 'i.counterpart_id')
      .select([sql<number>`count(*)`.as('n')])
      .where('i.workspace_id', '=', ws)
      .groupBy(sql`coalesce(c.person_id, c.id)`)
      .execute();
    const perPerson = perPersonRows.map((r) => Number(r.n)).sort((a, b) => a - b);

    const byKind: Record<string, { in: number; out: number }> = {};
    let total = 0;
    for (const row of byKindRows) {
      const entry = (byKind[row.kind] ??= { in: 0, out: 0 });
      entry[row.direction === 'out' ? 'out' : 'in'] += Number(row.n);
      total += Number(row.n);
    }
    return {
      people: Number(identityCounts.people),
      identities: Number(identityCounts.identities),
      accounts: accounts.map((a) => ({ platform: a.platform, handle: a.handle ?? '' })),
      interactions: {
        total,
        byKind,
        byPlatform: Object.fromEntries(byPlatformRows.map((r) => [r.platform, Number(r.n)])),
        first: span.first,
        last: span.last,
      },
      notes: Number(noteCounts.notes),
      reminders: Number(noteCounts.reminders),
      perPerson: {
        withInteractions: perPerson.length,
        median: perPerson.length ? (perPerson[Math.floor((perPerson.length - 1) / 2)] ?? 0) : 0,
        max: perPerson.at(-1) ?? 0,
      },
    };
  }
}

function toIdentity(row: Selectable<IdentitiesTable>): Identity {
  return {
    id: row.id,
    personId: row.person_id ?? row.id,
    platform: row.platform as Platform,
    handle: row.handle,
    uid: row.uid,
    isOwn: row.is_own === 1,
    name: row.name,
    bio: row.bio,
    location: row.location,
    followers: row.followers,
    following: row.following,
    posts: row.posts,
    created: row.created,
    avatar: row.avatar === null ? null : row.avatar === 1,
    url: row.url,
  };
}

/** An interaction row as the query layer selects it, with the person its counterpart belongs to. */
export type InteractionRow = Pick<Selectable<InteractionsTable>, 'id' | 'platform' | 'pid' | 'at' | 'kind' | 'direction' | 'actor_id' | 'target_id' | 'text' | 'in_reply_to' | 'about'> & { person_id: number | null };

export function toInteraction(row: InteractionRow): Interaction {
  return {
    id: row.id,
    platform: row.platform as Platform,
    pid: row.pid,
    at: row.at,
    kind: row.kind as Kind,
    direction: row.direction as Direction,
    actorId: row.actor_id,
    targetId: row.target_id,
    personId: row.person_id === null ? null : Number(row.person_id),
    text: row.text,
    inReplyTo: row.in_reply_to,
    about: row.about,
  };
}
