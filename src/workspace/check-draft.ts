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
import { recentOutboundTexts } from '../store/queries/coach.js';
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

  const [playbook, read, person] = await Promise.all([loadPlaybook(store), readerFor(store), findRecipient(store, to)]);
  const [interactions, notes, thread, recentOutbound] = await Promise.all([
    person ? store.interactionsWith(person, { until: at }) : Promise.resolve<Interaction[]>([]),
    person ? store.notesOf(person) : Promise.resolve<Note[]>([]),
    inReplyTo ? loadThread(store, inReplyTo, at) : Promise.resolve(undefined),
    loadRecentOutbound(store, at, playbook),
  ]);

  return {
    handle: to,
    personId: person?.id ?? null,
    identities: person?.identities ?? [],
    interactions,
    notes,
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
async function loadThread(store: Store, inReplyTo: string, at: string): Promise<ThreadInput> {
  const chain: Interaction[] = [];
  const seen = new Set<string>();
  let pid: string | null = inReplyTo;
  while (pid && !seen.has(pid) && chain.length < MAX_THREAD_DEPTH) {
    seen.add(pid);
    const found: Interaction[] = (await store.interactionsByPid([pid])).filter((i) => i.at <= at);
    // A post id names one post; a share or like of it carries its own pid, so prefer what has text.
    const post: Interaction | undefined = found.find((i) => i.text !== null) ?? found[0];
    if (!post) break;
    chain.unshift(post);
    pid = post.inReplyTo;
  }
  return { inReplyTo, chain };
}

async function loadRecentOutbound(store: Store, at: string, playbook: Playbook): Promise<OutboundText[]> {
  const from = new Date(Date.parse(at) - playbook.coach.templateWindowDays * 86_400_000).toISOString();
  return recentOutboundTexts(store, { from, until: at, limit: MAX_OUTBOUND });
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
