/**
 * The agenda's load path. `rapport today` must answer in about a second on a workspace of
 * millions of interactions, so it never loads everything: a few grouped queries over recent
 * time ranges pick the people who may need an action today (recent shares, messages and
 * follows, due reminders, conversations that stopped), keep the most recent of each kind, and
 * only those people's full histories are loaded. Every query is scoped to the store's
 * workspace and written for both SQLite and PostgreSQL.
 */
import { sql, type RawBuilder, type Selectable } from 'kysely';
import type { Direction, Kind, Platform } from '../../domain/records.js';
import type { Identity, Interaction, Note, Person } from '../../domain/views.js';
import type { IdentitiesTable } from '../schema.js';
import type { Store } from '../store.js';
import { counterpartActivityState } from './activity.js';
import { sqliteReader } from './sqlite-reader.js';

const DAY_MS = 86_400_000;
const CHUNK = 500;

export interface AgendaWindows {
  readonly thankWindowDays: number;
  readonly answerWindowDays: number;
  readonly welcomeWindowDays: number;
  readonly followUpWindowDays: number;
  readonly quietAfterDays: number;
  readonly quietLookbackDays: number;
  readonly quietMinMessages: number;
  readonly appreciateWindowDays: number;
  readonly appreciateEveryDays: number;
  readonly candidatesPerKind: number;
}

/** Why a person was picked, for the benchmark and for debugging; the engine decides the rest. */
export interface AgendaCandidates {
  readonly personIds: readonly number[];
  /** How many identities each reason picked (at most `candidatesPerKind` each). */
  readonly byReason: Readonly<Record<'share' | 'praise' | 'message' | 'follow' | 'reminder' | 'quiet', number>>;
}

interface RecentRow {
  counterpart_id: number | string;
  last_share: string | null;
  last_msg_in: string | null;
  last_follow: string | null;
  last_out_msg: string | null;
  last_out_reply: string | null;
  last_out_public: string | null;
  last_talk: string | null;
  talk_in_lookback: number | string;
}

const iso = (t: number) => new Date(t).toISOString();

/** People who may need an action as of `at`, the most recent first within each reason. */
export async function agendaCandidates(store: Store, at: string, w: AgendaWindows): Promise<AgendaCandidates> {
  const state = await counterpartActivityState(store);
  // The per-counterpart table holds every interaction up to its refresh: it answers for any
  // moment from the latest of them on (`rapport today` is about now). An older moment, or a
  // table not up to date, is answered from the interactions themselves.
  const found = state && (state.maxAt === null || state.maxAt <= at) ? await fromActivity(store, at, w) : await fromInteractions(store, at, w);
  const today = at.slice(0, 10);
  const reminderRows = await store.db
    .selectFrom('notes')
    .select(['identity_id', 'remind'])
    .where('workspace_id', '=', store.workspaceId)
    .where('remind', 'is not', null)
    .where('remind', '<=', today)
    .where('remind', '>=', iso(Date.parse(at) - w.followUpWindowDays * DAY_MS).slice(0, 10))
    .where('at', '<=', at)
    .execute();
  const reminders = top(reminderRows.map((r) => [Number(r.identity_id), r.remind ?? ''] as [number, string]), w.candidatesPerKind);
  const identityIds = new Set([...found.shares, ...found.praise, ...found.messages, ...found.follows, ...found.quiet, ...reminders]);
  const personIds = await personIdsOf(store, [...identityIds]);
  return {
    personIds,
    byReason: { share: found.shares.length, praise: found.praise.length, message: found.messages.length, follow: found.follows.length, reminder: reminders.length, quiet: found.quiet.length },
  };
}

/** Identity ids per reason, the most recent first (then by id), at most `candidatesPerKind` each. */
interface Found {
  readonly shares: readonly number[];
  readonly praise: readonly number[];
  readonly messages: readonly number[];
  readonly follows: readonly number[];
  readonly quiet: readonly number[];
}

function windowsAt(at: string, w: AgendaWindows) {
  const now = Date.parse(at);
  const since = (days: number) => iso(now - days * DAY_MS);
  return {
    thankFrom: since(w.thankWindowDays),
    appreciateFrom: since(w.appreciateWindowDays),
    appreciatedFrom: since(w.appreciateEveryDays),
    answerFrom: since(w.answerWindowDays),
    welcomeFrom: since(w.welcomeWindowDays),
    quietFrom: since(w.quietAfterDays),
    lookbackFrom: since(w.quietLookbackDays),
    scanFrom: since(Math.max(w.thankWindowDays, w.answerWindowDays, w.welcomeWindowDays, w.appreciateWindowDays, w.appreciateEveryDays, w.quietAfterDays, w.quietLookbackDays)),
  };
}

/**
 * The same choice as `fromInteractions`, read from `counterpart_activity` (latest times over the
 * whole history, valid because `at` is at or after every interaction): a few indexed queries on
 * a table of one row per counterpart. "Latest in the scanned range" there is "latest, if after
 * the range's start" here, which is what each condition compares.
 */
async function fromActivity(store: Store, at: string, w: AgendaWindows): Promise<Found> {
  const ws = store.workspaceId;
  const f = windowsAt(at, w);
  const n = w.candidatesPerKind;
  const ids = async (query: RawBuilder<{ identity_id: number | string }>) => (await query.execute(store.db)).rows.map((r) => Number(r.identity_id));
  // A reply of yours after their share closes any thank-you.
  const thankOpen = sql`(last_share_in > ${f.thankFrom} and not (coalesce(last_reply_out, '') > last_share_in))`;
  const shares = await ids(sql`select identity_id from counterpart_activity
    where workspace_id = ${ws} and ${thankOpen}
    order by last_share_in desc, identity_id limit ${n}`);
  // An advocate's recent praise, thanked or not, until you share or mention them in public.
  const praise = await ids(sql`select identity_id from counterpart_activity
    where workspace_id = ${ws} and last_share_in > ${f.appreciateFrom} and not ${thankOpen} and not (coalesce(last_public_out, '') > ${f.appreciatedFrom})
    order by last_share_in desc, identity_id limit ${n}`);
  const messages = await ids(sql`select identity_id from counterpart_activity
    where workspace_id = ${ws} and last_message_in > ${f.answerFrom} and not (coalesce(last_message_out, '') > last_message_in)
    order by last_message_in desc, identity_id limit ${n}`);
  const follows = await ids(sql`select identity_id from counterpart_activity
    where workspace_id = ${ws} and last_follow_in > ${f.welcomeFrom} and not (coalesce(last_message_out, '') > ${f.scanFrom})
    order by last_follow_in desc, identity_id limit ${n}`);
  // Conversations that stopped: the last word within the lookback but before the quiet period,
  // and enough talk within the lookback (counted on the counterpart's own index entries).
  const quiet = await ids(sql`select a.identity_id from counterpart_activity a
    where a.workspace_id = ${ws} and a.last_talk > ${f.lookbackFrom} and a.last_talk <= ${f.quietFrom}
      and (select count(*) from interactions i
           where i.workspace_id = a.workspace_id and i.counterpart_id = a.identity_id and i.at > ${f.lookbackFrom} and i.at <= ${at}
             and i.kind in ('reply', 'dm', 'mention', 'quote', 'meeting')) >= ${w.quietMinMessages}
    order by a.last_talk desc, a.identity_id limit ${n}`);
  return { shares, praise, messages, follows, quiet };
}

/**
 * One pass over the range every rule looks at (the time index, read once): per person, the
 * latest of each event that can open an action, the latest of yours that can close one, and
 * how much you talked before the quiet period. Likes (the most common kind) open and close
 * nothing, so they stay out of the grouping. Times are ISO strings, so max() works on both.
 */
async function fromInteractions(store: Store, at: string, w: AgendaWindows): Promise<Found> {
  const ws = store.workspaceId;
  const { thankFrom, appreciateFrom, appreciatedFrom, answerFrom, welcomeFrom, quietFrom, lookbackFrom, scanFrom } = windowsAt(at, w);
  const recent = await sql<RecentRow>`
    select counterpart_id,
      max(case when direction = 'in' and kind in ('share', 'quote', 'mention') then at end) as last_share,
      max(case when direction = 'in' and kind in ('reply', 'dm', 'mention', 'quote') then at end) as last_msg_in,
      max(case when direction = 'in' and kind = 'follow' then at end) as last_follow,
      max(case when direction = 'out' and kind in ('reply', 'dm', 'mention', 'quote', 'meeting') then at end) as last_out_msg,
      max(case when direction = 'out' and kind = 'reply' then at end) as last_out_reply,
      max(case when direction = 'out' and kind in ('share', 'quote', 'mention') then at end) as last_out_public,
      max(case when kind in ('reply', 'dm', 'mention', 'quote', 'meeting') then at end) as last_talk,
      sum(case when kind in ('reply', 'dm', 'mention', 'quote', 'meeting') and at > ${lookbackFrom} then 1 else 0 end) as talk_in_lookback
    from interactions
    where workspace_id = ${ws} and at > ${scanFrom} and at <= ${at} and counterpart_id is not null
      and kind in ('share', 'quote', 'mention', 'reply', 'dm', 'follow', 'meeting')
    group by counterpart_id`.execute(store.db);

  const shares: [number, string][] = [];
  const praise: [number, string][] = [];
  const messages: [number, string][] = [];
  const follows: [number, string][] = [];
  const quiet: [number, string][] = [];
  for (const r of recent.rows) {
    const id = Number(r.counterpart_id);
    // A reply of yours after their share closes any thank-you; other messages need reading.
    if (r.last_share && r.last_share > thankFrom && !(r.last_out_reply && r.last_out_reply > r.last_share)) shares.push([id, r.last_share]);
    // An advocate's recent praise, thanked or not, until you share or mention them in public.
    else if (r.last_share && r.last_share > appreciateFrom && !(r.last_out_public && r.last_out_public > appreciatedFrom)) praise.push([id, r.last_share]);
    if (r.last_msg_in && r.last_msg_in > answerFrom && !(r.last_out_msg && r.last_out_msg > r.last_msg_in)) messages.push([id, r.last_msg_in]);
    if (r.last_follow && r.last_follow > welcomeFrom && !r.last_out_msg) follows.push([id, r.last_follow]);
    // Conversations that stopped: enough talk within the lookback, none in the quiet period.
    if (r.last_talk && r.last_talk > lookbackFrom && r.last_talk <= quietFrom && Number(r.talk_in_lookback) >= w.quietMinMessages) quiet.push([id, r.last_talk]);
  }
  const n = w.candidatesPerKind;
  return { shares: top(shares, n), praise: top(praise, n), messages: top(messages, n), follows: top(follows, n), quiet: top(quiet, n) };
}

/** The ids of the `n` most recent, ties by id. */
function top(list: [number, string][], n: number): number[] {
  return list.sort((a, b) => (a[1] < b[1] ? 1 : a[1] > b[1] ? -1 : a[0] - b[0])).slice(0, n).map(([id]) => id);
}

/** The person ids (merged identities share one) of these identities, own accounts left out. */
async function personIdsOf(store: Store, identityIds: readonly number[]): Promise<number[]> {
  const out = new Set<number>();
  for (const chunk of chunks(identityIds)) {
    const rows = await store.db
      .selectFrom('identities')
      .select([sql<number>`coalesce(person_id, id)`.as('pid')])
      .where('workspace_id', '=', store.workspaceId)
      .where('is_own', '=', 0)
      .where('id', 'in', chunk)
      .execute();
    for (const r of rows) out.add(Number(r.pid));
  }
  return [...out].sort((a, b) => a - b);
}

export interface PeopleHistories {
  readonly people: Person[];
  readonly interactionsByPerson: Map<number, Interaction[]>;
  readonly notesByPerson: Map<number, Note[]>;
  /** Your own posts their shares, quotes and replies refer to. */
  readonly ownPosts: Interaction[];
}

/** These people with every identity, their interactions up to `at` in time order, and their notes. */
export async function loadPeopleHistories(store: Store, personIds: readonly number[], at: string): Promise<PeopleHistories> {
  const ws = store.workspaceId;
  const identities: Identity[] = [];
  for (const chunk of chunks(personIds)) {
    // A person's identities: the one whose id is the person's (person_id null) and those merged into it.
    const rows = await store.db
      .selectFrom('identities')
      .selectAll()
      .where('workspace_id', '=', ws)
      .where((eb) => eb.or([eb('person_id', 'in', chunk), eb.and([eb('person_id', 'is', null), eb('id', 'in', chunk)])]))
      .orderBy('id')
      .execute();
    for (const row of rows) identities.push(identityOf(row));
  }
  const personOf = new Map(identities.map((i) => [i.id, i.personId]));
  const byPerson = new Map<number, Identity[]>();
  for (const identity of identities) {
    if (identity.isOwn) continue;
    const list = byPerson.get(identity.personId) ?? [];
    list.push(identity);
    byPerson.set(identity.personId, list);
  }
  const people: Person[] = [...byPerson].map(([id, ids]) => ({ id, identities: ids }));
  const ids = [...byPerson.values()].flat().map((i) => i.id);

  const interactionsByPerson = new Map<number, Interaction[]>();
  // Platform → ids of posts their interactions refer to (the unique index is platform + pid).
  const aboutPids = new Map<string, Set<string>>();
  const refer = (platform: string, pid: string) => {
    let set = aboutPids.get(platform);
    if (!set) aboutPids.set(platform, (set = new Set()));
    set.add(pid);
  };
  const add = (interaction: Interaction) => {
    const personId = interaction.personId as number;
    let list = interactionsByPerson.get(personId);
    if (!list) interactionsByPerson.set(personId, (list = []));
    list.push(interaction);
    if (interaction.direction === 'in' && interaction.about) refer(interaction.platform, interaction.about);
    if (interaction.direction === 'in' && interaction.inReplyTo) refer(interaction.platform, interaction.inReplyTo);
  };
  const raw = sqliteReader(store);
  if (raw) {
    // On the embedded store, one prepared statement streams the rows as arrays (see sqlite-reader.ts).
    const statement = raw.prepare(`select ${COLUMNS} from interactions
      where workspace_id = ? and counterpart_id in (select value from json_each(?)) and at <= ?`).raw();
    for (const row of statement.iterate(ws, JSON.stringify(ids), at) as Iterable<RawRow>) {
      add(fromRaw(row, personOf.get(row[8] as number) ?? (row[8] as number)));
    }
  } else {
    for (const chunk of chunks(ids)) {
      const rows = await store.db
        .selectFrom('interactions')
        .select(INTERACTION_FIELDS)
        .where('workspace_id', '=', ws)
        .where('counterpart_id', 'in', chunk)
        .where('at', '<=', at)
        .execute();
      for (const row of rows) add(toInteraction(row, personOf.get(Number(row.counterpart_id)) ?? Number(row.counterpart_id)));
    }
  }
  // Merged identities and chunks split a person's rows: sort each history once, by time then id (the store's order).
  for (const list of interactionsByPerson.values()) list.sort(byTimeThenId);

  const ownPosts: Interaction[] = [];
  for (const [platform, pids] of aboutPids) {
    if (raw) {
      // No condition on time in SQL (see below); the unique (workspace, platform, pid) index answers.
      const statement = raw.prepare(`select ${COLUMNS} from interactions
        where workspace_id = ? and platform = ? and pid in (select value from json_each(?)) and kind = 'post' and direction = 'out'`).raw();
      for (const row of statement.iterate(ws, platform, JSON.stringify([...pids])) as Iterable<RawRow>) {
        if ((row[3] as string) <= at) ownPosts.push(fromRaw(row, null));
      }
      continue;
    }
    for (const chunk of chunks([...pids])) {
      // No condition on time here: it would tempt the planner onto the time index (a scan of
      // the whole history) instead of the unique (workspace, platform, pid) one.
      const rows = await store.db
        .selectFrom('interactions')
        .select(INTERACTION_FIELDS)
        .where('workspace_id', '=', ws)
        .where('platform', '=', platform)
        .where('pid', 'in', chunk)
        .where('kind', '=', 'post')
        .where('direction', '=', 'out')
        .execute();
      for (const row of rows) if (row.at <= at) ownPosts.push(toInteraction(row, null));
    }
  }
  ownPosts.sort(byTimeThenId);

  const notesByPerson = new Map<number, Note[]>();
  for (const chunk of chunks(ids)) {
    const rows = await store.db
      .selectFrom('notes')
      .select(['id', 'identity_id', 'at', 'text', 'remind'])
      .where('workspace_id', '=', ws)
      .where('identity_id', 'in', chunk)
      .where('at', '<=', at)
      .orderBy('at')
      .orderBy('id')
      .execute();
    for (const r of rows) {
      const personId = personOf.get(Number(r.identity_id)) ?? Number(r.identity_id);
      const list = notesByPerson.get(personId) ?? [];
      list.push({ id: Number(r.id), identityId: Number(r.identity_id), at: r.at, text: r.text, remind: r.remind });
      notesByPerson.set(personId, list);
    }
  }
  return { people, interactionsByPerson, notesByPerson, ownPosts };
}

const byTimeThenId = (a: Interaction, b: Interaction) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id - b.id);

/** The columns of an interaction, in the order `fromRaw` reads them. */
/** The columns an `Interaction` is made from, in `fromRaw`'s order: as the query builder's list and as SQL. */
const INTERACTION_FIELDS = ['id', 'platform', 'pid', 'at', 'kind', 'direction', 'actor_id', 'target_id', 'counterpart_id', 'text', 'in_reply_to', 'about'] as const;
export const COLUMNS = INTERACTION_FIELDS.join(', ');
export type RawRow = readonly unknown[];

// Each row brings its own copy of these short strings; a shared one is kept instead, so that a
// few hundred thousand interactions held at once do not each hold three more strings.
const SHARED = new Map<string, string>();
const shared = (value: string): string => {
  const hit = SHARED.get(value);
  if (hit !== undefined) return hit;
  if (SHARED.size < 1000) SHARED.set(value, value);
  return value;
};

/** An interaction from a raw SQLite row of `COLUMNS`. */
export function fromRaw(row: RawRow, personId: number | null): Interaction {
  return {
    id: row[0] as number,
    platform: shared(row[1] as string) as Platform,
    pid: row[2] as string,
    at: row[3] as string,
    kind: shared(row[4] as string) as Kind,
    direction: shared(row[5] as string) as Direction,
    actorId: row[6] as number,
    targetId: row[7] as number | null,
    personId,
    text: row[9] as string | null,
    inReplyTo: row[10] as string | null,
    about: row[11] as string | null,
  };
}

/** An identity from its row (either store). */
export function identityOf(row: Selectable<IdentitiesTable>): Identity {
  return {
    id: Number(row.id), personId: Number(row.person_id ?? row.id), platform: row.platform as Platform, handle: row.handle, uid: row.uid,
    isOwn: row.is_own === 1, name: row.name, bio: row.bio, location: row.location, followers: row.followers, following: row.following,
    posts: row.posts, created: row.created, avatar: row.avatar === null ? null : row.avatar === 1, url: row.url,
  };
}

interface Row {
  id: number | string;
  platform: string;
  pid: string;
  at: string;
  kind: string;
  direction: string;
  actor_id: number | string;
  target_id: number | string | null;
  text: string | null;
  in_reply_to: string | null;
  about: string | null;
}

function toInteraction(row: Row, personId: number | null): Interaction {
  return {
    id: Number(row.id),
    platform: row.platform as Platform,
    pid: row.pid,
    at: row.at,
    kind: row.kind as Kind,
    direction: row.direction as Direction,
    actorId: Number(row.actor_id),
    targetId: row.target_id === null ? null : Number(row.target_id),
    personId,
    text: row.text,
    inReplyTo: row.in_reply_to,
    about: row.about,
  };
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}
