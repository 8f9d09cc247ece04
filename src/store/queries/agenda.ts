/**
 * The agenda's load path. `rapport today` must answer in about a second on a workspace of
 * millions of interactions, so it never loads everything: a few grouped queries over recent
 * time ranges pick the people who may need an action today (recent shares, messages and
 * follows, due reminders, conversations that stopped), keep the most recent of each kind, and
 * only those people's full histories are loaded. Every query is scoped to the store's
 * workspace and written for both SQLite and PostgreSQL.
 */
import { sql } from 'kysely';
import type { Direction, Kind, Platform } from '../../domain/records.js';
import type { Identity, Interaction, Note, Person } from '../../domain/views.js';
import type { Store } from '../store.js';

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
  const ws = store.workspaceId;
  const now = Date.parse(at);
  const since = (days: number) => iso(now - days * DAY_MS);
  const thankFrom = since(w.thankWindowDays);
  const appreciateFrom = since(w.appreciateWindowDays);
  const appreciatedFrom = since(w.appreciateEveryDays);
  const answerFrom = since(w.answerWindowDays);
  const welcomeFrom = since(w.welcomeWindowDays);
  const quietFrom = since(w.quietAfterDays);
  const lookbackFrom = since(w.quietLookbackDays);
  const scanFrom = since(Math.max(w.thankWindowDays, w.answerWindowDays, w.welcomeWindowDays, w.appreciateWindowDays, w.appreciateEveryDays, w.quietAfterDays, w.quietLookbackDays));
  // One pass over the range every rule looks at (the time index, read once): per person, the
  // latest of each event that can open an action, the latest of yours that can close one, and
  // how much you talked before the quiet period. Likes (the most common kind) open and close
  // nothing, so they stay out of the grouping. Times are ISO strings, so max() works on both.
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

  const today = at.slice(0, 10);
  const reminderRows = await store.db
    .selectFrom('notes')
    .select(['identity_id', 'remind'])
    .where('workspace_id', '=', ws)
    .where('remind', 'is not', null)
    .where('remind', '<=', today)
    .where('remind', '>=', since(w.followUpWindowDays).slice(0, 10))
    .where('at', '<=', at)
    .execute();
  const reminders = reminderRows.map((r) => [Number(r.identity_id), r.remind ?? ''] as [number, string]);

  const top = (list: [number, string][]) => list.sort((a, b) => (a[1] < b[1] ? 1 : a[1] > b[1] ? -1 : a[0] - b[0])).slice(0, w.candidatesPerKind).map(([id]) => id);
  const identityIds = new Set([...top(shares), ...top(praise), ...top(messages), ...top(follows), ...top(quiet), ...top(reminders)]);
  const personIds = await personIdsOf(store, [...identityIds]);
  return {
    personIds,
    byReason: { share: shares.length, praise: praise.length, message: messages.length, follow: follows.length, reminder: reminders.length, quiet: quiet.length },
  };
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
    const rows = await store.db
      .selectFrom('identities')
      .selectAll()
      .where('workspace_id', '=', ws)
      .where(sql<number>`coalesce(person_id, id)`, 'in', chunk)
      .orderBy('id')
      .execute();
    for (const row of rows) {
      identities.push({
        id: Number(row.id), personId: Number(row.person_id ?? row.id), platform: row.platform as Platform, handle: row.handle, uid: row.uid,
        isOwn: row.is_own === 1, name: row.name, bio: row.bio, location: row.location, followers: row.followers, following: row.following,
        posts: row.posts, created: row.created, avatar: row.avatar === null ? null : row.avatar === 1, url: row.url,
      });
    }
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
  for (const chunk of chunks(ids)) {
    const rows = await store.db
      .selectFrom('interactions')
      .select(['id', 'platform', 'pid', 'at', 'kind', 'direction', 'actor_id', 'target_id', 'counterpart_id', 'text', 'in_reply_to', 'about'])
      .where('workspace_id', '=', ws)
      .where('counterpart_id', 'in', chunk)
      .where('at', '<=', at)
      .execute();
    for (const row of rows) {
      const personId = personOf.get(Number(row.counterpart_id)) ?? Number(row.counterpart_id);
      const interaction = toInteraction(row, personId);
      const list = interactionsByPerson.get(personId) ?? [];
      list.push(interaction);
      interactionsByPerson.set(personId, list);
      if (interaction.direction === 'in' && interaction.about) refer(interaction.platform, interaction.about);
      if (interaction.direction === 'in' && interaction.inReplyTo) refer(interaction.platform, interaction.inReplyTo);
    }
  }
  // Chunks split a person's rows: sort each history once, by time then id (the store's order).
  for (const list of interactionsByPerson.values()) list.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id - b.id));

  const ownPosts: Interaction[] = [];
  for (const [platform, pids] of aboutPids) {
    for (const chunk of chunks([...pids])) {
      // No condition on time here: it would tempt the planner onto the time index (a scan of
      // the whole history) instead of the unique (workspace, platform, pid) one.
      const rows = await store.db
        .selectFrom('interactions')
        .select(['id', 'platform', 'pid', 'at', 'kind', 'direction', 'actor_id', 'target_id', 'counterpart_id', 'text', 'in_reply_to', 'about'])
        .where('workspace_id', '=', ws)
        .where('platform', '=', platform)
        .where('pid', 'in', chunk)
        .where('kind', '=', 'post')
        .where('direction', '=', 'out')
        .execute();
      for (const row of rows) if (row.at <= at) ownPosts.push(toInteraction(row, null));
    }
  }
  ownPosts.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id - b.id));

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
