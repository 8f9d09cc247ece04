/**
 * The one load path of the coach, used by `rapport check` and the web composer: find the person
 * (a handle never seen is a stranger, not an error), load only what a check needs — their
 * interactions and notes, the thread the draft goes into, your recent messages to others, the
 * playbook and the message reader — and run the pure coach over it.
 */
import { checkDraft } from '../coach/index.js';
import { CHANNELS, type Channel, type CoachInput, type CoachResult, type OutboundText, type ThreadInput } from '../coach/types.js';
import { UserError } from '../domain/errors.js';
import { parseHandleArg } from '../domain/handles.js';
import { PLATFORMS } from '../domain/records.js';
import { displayHandle, type Identity, type Interaction, type Note, type Person } from '../domain/views.js';
import type { Playbook } from '../playbook/playbook.js';
import { changeStamp, hasOutboundTextsBetween, interactionsByPid, recentOutboundTexts } from '../store/queries/coach.js';
import type { Store } from '../store/store.js';
import { loadPlaybook } from './load-playbook.js';
import { BRAND_KEYS, messageReaderFor, SETTING } from './message-context.js';
import type { MessageReader } from '../relationships/message-reader.js';

export interface CheckDraftRequest {
  /** Their handle, optionally with the platform first (`mastodon:@ana@example.social`). */
  readonly to: string;
  readonly text: string;
  /** Where the draft goes (default: a DM, or a reply when `inReplyTo` is given). */
  readonly channel?: Channel;
  /** The platform id of the post the draft answers. */
  readonly inReplyTo?: string;
  /** As of this ISO time (default: now). */
  readonly at?: string;
}

// A thread deeper than this is followed only this far up: the root is what matters, and the
// walk costs one lookup per level.
const MAX_THREAD_DEPTH = 50;
// Template detection compares with at most this many of your latest messages to others.
const MAX_OUTBOUND = 400;

export async function checkDraftInWorkspace(store: Store, request: CheckDraftRequest): Promise<CoachResult> {
  return checkDraft(await loadCoachInput(store, request));
}

/** Everything one check reads from the workspace, as the pure coach takes it. */
export async function loadCoachInput(store: Store, request: CheckDraftRequest): Promise<CoachInput> {
  const { to, text, inReplyTo } = validate(request);
  // One format for every comparison: stored times are full ISO strings in UTC.
  const at = new Date(request.at === undefined ? Date.now() : Date.parse(request.at)).toISOString();
  const channel: Channel = request.channel ?? (inReplyTo ? 'reply' : 'dm');

  const loads = await loadsFor(store);
  const [playbook, read, person] = await Promise.all([loads.playbook(), loads.reader(), loads.recipient(to)]);
  const [history, thread, recentOutbound] = await Promise.all([
    person ? loads.history(person, at) : Promise.resolve({ interactions: [] as readonly Interaction[], notes: [] as readonly Note[] }),
    inReplyTo ? loadThread(loads, inReplyTo, at) : Promise.resolve(undefined),
    loads.recentOutbound(at, playbook),
  ]);

  return {
    handle: to,
    personId: person?.id ?? null,
    identities: person?.identities ?? [],
    interactions: history.interactions,
    notes: history.notes,
    draft: { text, channel, inReplyTo },
    thread,
    recentOutbound,
    at,
    read,
    playbook,
  };
}

function validate(request: CheckDraftRequest): { to: string; text: string; inReplyTo: string | undefined } {
  const to = request.to.trim();
  if (to.length === 0) throw new UserError('No recipient given', { hint: 'Name who the draft is for, e.g. --to @ana@example.social.' });
  if (request.text.trim().length === 0) throw new UserError('The draft is empty', { hint: 'Give the text you mean to send, e.g. --text "Congrats on the new shop!".' });
  if (request.channel !== undefined && !(CHANNELS as readonly string[]).includes(request.channel)) {
    throw new UserError(`Unknown channel "${String(request.channel)}"`, { hint: `Use one of ${CHANNELS.join(', ')}.` });
  }
  if (request.at !== undefined && Number.isNaN(Date.parse(request.at))) {
    throw new UserError(`Bad time "${request.at}"`, { hint: 'Give an ISO time with a zone, e.g. 2026-11-20T09:00:00Z.' });
  }
  const inReplyTo = request.inReplyTo?.trim() || undefined;
  return { to, text: request.text, inReplyTo };
}

/** The person behind the handle, or null when rapport has never seen it (a stranger). */
async function findRecipient(store: Store, arg: string): Promise<Person | null> {
  const { platform, handle } = parseHandleArg(arg, PLATFORMS);
  // Exact handles first; `ana` also finds `@ana@example.social` when that is the only Ana.
  const candidates = await store.findIdentities(handle, platform);
  if (candidates.length === 0) return null;
  const personIds = [...new Set(candidates.map((i) => i.personId))];
  if (personIds.length > 1) {
    throw new UserError(`"${arg}" matches several people: ${candidates.map(label).join(', ')}`, {
      hint: 'Type the whole handle, or put the platform first, e.g. mastodon:@ana@example.social.',
    });
  }
  if (candidates.every((i) => i.isOwn)) {
    throw new UserError(`"${arg}" is one of your own accounts`, { hint: 'The coach checks drafts to other people: give their handle with --to.' });
  }
  return (await store.person(personIds[0]!)) ?? null;
}

function label(i: Identity): string {
  return `${i.platform}:${displayHandle(i)}`;
}

/** The posts from the thread's root down to `inReplyTo`, root first; empty when it is not in the workspace. */
async function loadThread(loads: CheckLoads, inReplyTo: string, at: string): Promise<ThreadInput> {
  const chain: Interaction[] = [];
  const seen = new Set<string>();
  let pid: string | null = inReplyTo;
  while (pid && !seen.has(pid) && chain.length < MAX_THREAD_DEPTH) {
    seen.add(pid);
    const found: Interaction[] = (await loads.post(pid)).filter((i) => i.at <= at);
    // A post id names one post; a share or like of it carries its own pid, so prefer what has text.
    const post: Interaction | undefined = found.find((i) => i.text !== null) ?? found[0];
    if (!post) break;
    chain.unshift(post);
    pid = post.inReplyTo;
  }
  return { inReplyTo, chain };
}

// ---- what a check loads, kept between checks ----------------------------------------------------
//
// The composer re-checks the draft on each pause in typing, always against the same person: the
// playbook, your accounts and brand settings, the person and their 1,000 interactions do not change
// between two keystrokes, and loading them again cost most of a check. On the embedded store they
// are kept per store for as long as SQLite's change stamp stays the same (any write, by this
// process or another, starts afresh); on PostgreSQL, which has no such stamp, everything is
// loaded for each check.

// How much is kept: the composer talks to one person at a time, but a server's clients may go
// through a few hundred; people's histories are bounded by their interactions in all (about
// 20 MB at most), like the message reader's cache of analyses.
const MAX_KEPT_INTERACTIONS = 100_000;
const MAX_HANDLES = 1_024;
const MAX_POSTS = 256;

interface History {
  readonly interactions: readonly Interaction[];
  readonly notes: readonly Note[];
}

class CheckLoads {
  private playbookLoad: Promise<Playbook> | undefined;
  private readerLoad: Promise<MessageReader> | undefined;
  private readonly recipients = new Map<string, Promise<Person | null>>();
  private readonly histories = new Map<string, Promise<History>>();
  /** Interactions (and notes) in the kept histories, by key: what MAX_KEPT_INTERACTIONS bounds. */
  private readonly historySizes = new Map<string, number>();
  private historySize = 0;
  private readonly posts = new Map<string, Promise<Interaction[]>>();
  private outbound: { from: string; until: string; rows: Promise<OutboundText[]> } | undefined;

  /** `stamp` undefined: nothing is kept, every call loads afresh. */
  constructor(private readonly store: Store, readonly stamp: string | undefined) {}

  playbook(): Promise<Playbook> {
    if (this.stamp === undefined) return loadPlaybook(this.store);
    return (this.playbookLoad ??= forgetOnFailure(loadPlaybook(this.store), () => (this.playbookLoad = undefined)));
  }

  reader(): Promise<MessageReader> {
    if (this.stamp === undefined) return readerFor(this.store);
    return (this.readerLoad ??= forgetOnFailure(readerFor(this.store), () => (this.readerLoad = undefined)));
  }

  recipient(to: string): Promise<Person | null> {
    return this.keep(this.recipients, to, MAX_HANDLES, () => findRecipient(this.store, to));
  }

  /** The person's interactions up to `at` (in time order) and their notes. */
  async history(person: Person, at: string): Promise<History> {
    if (this.stamp === undefined) {
      const [interactions, notes] = await Promise.all([this.store.interactionsWith(person, { until: at }), this.store.notesOf(person)]);
      return { interactions, notes };
    }
    const key = person.identities.map((i) => i.id).join(',');
    const all = await this.keep(this.histories, key, Number.MAX_SAFE_INTEGER, async () => {
      const [interactions, notes] = await Promise.all([this.store.interactionsWith(person), this.store.notesOf(person)]);
      return { interactions, notes };
    });
    if (!this.historySizes.has(key) && this.histories.has(key)) this.weigh(key, all.interactions.length + all.notes.length + 1);
    // In time order: those up to `at` are a prefix (usually all of them).
    const last = all.interactions.at(-1);
    return last === undefined || last.at <= at ? all : { interactions: all.interactions.filter((i) => i.at <= at), notes: all.notes };
  }

  /** Counts a newly kept history, and drops the least recently used ones beyond the bound. */
  private weigh(key: string, size: number): void {
    this.historySizes.set(key, size);
    this.historySize += size;
    for (const old of this.histories.keys()) {
      if (this.historySize <= MAX_KEPT_INTERACTIONS) break;
      if (old === key) continue;
      this.histories.delete(old);
      this.historySize -= this.historySizes.get(old) ?? 0;
      this.historySizes.delete(old);
    }
  }

  post(pid: string): Promise<Interaction[]> {
    return this.keep(this.posts, pid, MAX_POSTS, () => interactionsByPid(this.store, pid));
  }

  /** Your latest messages to others within the template window before `at`. */
  async recentOutbound(at: string, playbook: Playbook): Promise<OutboundText[]> {
    const from = new Date(Date.parse(at) - playbook.coach.templateWindowDays * 86_400_000).toISOString();
    const range = { from, until: at, limit: MAX_OUTBOUND };
    if (this.stamp === undefined) return recentOutboundTexts(this.store, range);
    const kept = this.outbound;
    if (kept && kept.from <= from && kept.until <= at) {
      // The same window, or one moved forward in time (the server's clock) with none of your
      // messages in between: the newest of what was kept that are still in the window are the
      // newest in the window (anything older than the kept ones is older than those too).
      const rows = await kept.rows;
      if (kept.until === at || !(await hasOutboundTextsBetween(this.store, kept.until, at))) {
        return kept.from === from ? rows : rows.filter((r) => r.at >= from);
      }
    }
    const rows = forgetOnFailure(recentOutboundTexts(this.store, range), () => {
      if (this.outbound?.rows === rows) this.outbound = undefined;
    });
    this.outbound = { from, until: at, rows };
    return rows;
  }

  private keep<T>(map: Map<string, Promise<T>>, key: string, max: number, load: () => Promise<T>): Promise<T> {
    if (this.stamp === undefined) return load();
    const kept = map.get(key);
    if (kept) {
      // Most recently used last: the first entry is the one to drop when full.
      map.delete(key);
      map.set(key, kept);
      return kept;
    }
    const loading = forgetOnFailure(load(), () => {
      if (map.get(key) === loading) map.delete(key);
    });
    if (map.size >= max) map.delete(map.keys().next().value as string);
    map.set(key, loading);
    return loading;
  }
}

/** A failed load is not kept: the next check tries again (and gets the same error if it still fails). */
function forgetOnFailure<T>(load: Promise<T>, forget: () => void): Promise<T> {
  load.catch(forget);
  return load;
}

const kept = new WeakMap<Store, CheckLoads>();

/** What checks on this store may share: the kept loads while the store is unchanged, else fresh ones. */
async function loadsFor(store: Store): Promise<CheckLoads> {
  // Read before anything is loaded: a write after this point changes the stamp, so what is loaded
  // now is never kept past it.
  const stamp = await changeStamp(store);
  const current = kept.get(store);
  if (stamp !== undefined && current?.stamp === stamp) return current;
  const fresh = new CheckLoads(store, stamp);
  if (stamp !== undefined) kept.set(store, fresh);
  return fresh;
}

// The reader keeps the analysis of every text it has read. A check reads the person's whole
// history (1,000 messages is common), so the composer re-checking a draft on each keystroke must
// not read it all again: one reader per store, rebuilt when what it depends on changes (your
// accounts, brand settings, your retrained model).
const readers = new WeakMap<Store, { key: string; read: MessageReader }>();

async function readerFor(store: Store): Promise<MessageReader> {
  const [accounts, ...settings] = await Promise.all([store.ownAccounts(), ...[...BRAND_KEYS, SETTING.model].map((k) => store.getSetting(k))]);
  const key = JSON.stringify([accounts.map((a) => [a.handle, a.name, a.url, a.bio]), settings]);
  const cached = readers.get(store);
  if (cached?.key === key) return cached.read;
  const read = await messageReaderFor(store);
  readers.set(store, { key, read });
  return read;
}
