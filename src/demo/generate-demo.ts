/**
 * The demo workspace: a small bakery, Crumb & Co, on Mastodon and Bluesky, with about 300
 * people and 20,000 interactions over the year that ends on `lastDay`. Deterministic: the same
 * options give the same records, in the same order, with the same ids, on every machine.
 *
 * @example
 *   const jsonl = toJsonl(generateDemo());            // what demo/bakery.jsonl contains
 *   const small = generateDemo({ people: 60 });       // every situation, fewer people
 */
import { buildCast } from './cast.js';
import type { DemoInteraction, DemoNote, DemoPlatform, DemoProfile, DemoRecord } from './demo-records.js';
import { Random } from './random.js';
import { bakeryGivesFirst, everydayEngagement } from './scenarios/audience.js';
import { botFollowerBurst, followsAndFollowBacks, followsEveryoneBack, quietUnfollows } from './scenarios/follows.js';
import {
  coldBlastAfterFollow, earlyPitch, egoMessages, favourAskOfStranger, invitedRecommendation, pastedGreeting, threadJack,
} from './scenarios/outreach.js';
import { bakeryPosting, peoplePosting } from './scenarios/posting.js';
import { customerQuestions } from './scenarios/questions.js';
import {
  arrivesToday, generousRelationships, goneQuiet, lastMorning, lifeEventNotes, meetings, warmRegulars,
} from './scenarios/relationships.js';
import { plainShareThanks, praisedShares } from './scenarios/shares.js';
import { Timeline } from './timeline.js';
import { BAKERY_HANDLES, BAKERY_NAME, DemoWorkspace, type Draft, type Person } from './workspace.js';

export type { DemoRecord, DemoInteraction, DemoNote, DemoProfile, DemoAccount, DemoPlatform, DemoKind } from './demo-records.js';
export { BAKERY_HANDLES } from './workspace.js';

export interface DemoOptions {
  seed?: number;
  /** Distinct humans (a few also get a second identity on the other platform). */
  people?: number;
  /** The agenda's "today": the last events happen on this day's morning. */
  lastDay?: string;
}

export const DEMO_DEFAULTS = { seed: 20261120, people: 300, lastDay: '2026-11-20' } as const;

export interface DemoWorkspaceResult {
  records: DemoRecord[];
  /** For each interaction or note (`platform:id`, or `note:index`), the playbook situations it shows. */
  labels: Map<string, string[]>;
}

/** The demo records in file order: accounts, profiles, then interactions and notes by time. */
export function generateDemo(options: DemoOptions = {}): DemoRecord[] {
  return buildDemo(options).records;
}

/** Like `generateDemo`, with the ground truth of which situation each event illustrates. */
export function buildDemo(options: DemoOptions = {}): DemoWorkspaceResult {
  const seed = options.seed ?? DEMO_DEFAULTS.seed;
  const people = options.people ?? DEMO_DEFAULTS.people;
  if (!Number.isInteger(people) || people < 30) throw new Error(`people must be an integer of at least 30, got ${people}`);
  const ws = new DemoWorkspace(new Timeline(options.lastDay ?? DEMO_DEFAULTS.lastDay), new Random(seed));

  // Who is who and when they arrive, before anything happens between them and the bakery.
  buildCast(ws, people);
  arrivesToday(ws);
  botFollowerBurst(ws);
  goneQuiet(ws);
  followsEveryoneBack(ws);
  followsAndFollowBacks(ws);
  bakeryPosting(ws);
  peoplePosting(ws);

  // The bakery's mistakes come early: some of them end in an unfollow that silences the rest.
  coldBlastAfterFollow(ws);
  pastedGreeting(ws);
  favourAskOfStranger(ws);
  earlyPitch(ws);
  quietUnfollows(ws);
  customerQuestions(ws);

  everydayEngagement(ws);
  bakeryGivesFirst(ws);
  threadJack(ws);
  invitedRecommendation(ws);
  egoMessages(ws);
  praisedShares(ws);
  generousRelationships(ws);
  warmRegulars(ws);
  plainShareThanks(ws);
  meetings(ws);
  lifeEventNotes(ws);
  lastMorning(ws);

  return finish(ws);
}

/** One line per record, each ending in a newline. */
export function toJsonl(records: readonly DemoRecord[]): string {
  return records.map((record) => `${JSON.stringify(record)}\n`).join('');
}

function iso(time: number): string {
  return new Date(time).toISOString().replace('.000Z', 'Z');
}

const WRITES: ReadonlySet<string> = new Set(['reply', 'dm', 'mention', 'meeting', 'quote']);

/**
 * Whether a draft contradicts its person's story: anything after an unfollow or during a
 * silence, or the bakery writing to someone whose question it is meant to leave open.
 * Scenarios stay simple and this one rule keeps the whole file consistent.
 */
function contradicts(draft: Draft, person: Person | undefined, bakery: string): boolean {
  if (!person) return false;
  if (person.quietFrom !== undefined && draft.at >= person.quietFrom) return true;
  if (person.unfollowedAt !== undefined && draft.at > person.unfollowedAt) return true;
  if (person.unansweredFrom !== undefined && draft.at > person.unansweredFrom && draft.actor === bakery && WRITES.has(draft.kind)) return true;
  return false;
}

function finish(ws: DemoWorkspace): DemoWorkspaceResult {
  const { timeline } = ws;
  const byHandle = new Map<string, Person>();
  for (const person of ws.people) byHandle.set(`${person.platform}:${person.handle}`, person);

  const sorted = [...ws.drafts].sort((a, b) => a.at - b.at || a.seq - b.seq);
  const kept: Draft[] = [];
  const dropped = new Set<Draft>();
  for (const draft of sorted) {
    const bakery = BAKERY_HANDLES[draft.platform];
    const other = draft.actor === bakery ? draft.target : draft.actor;
    const person = other === undefined ? undefined : byHandle.get(`${draft.platform}:${other}`);
    const outOfRange = draft.at < timeline.start || draft.at > timeline.end;
    const orphan = (draft.inReplyTo && dropped.has(draft.inReplyTo)) || (draft.about && dropped.has(draft.about));
    if (outOfRange || orphan || contradicts(draft, person, bakery)) dropped.add(draft);
    else kept.push(draft);
  }

  const counters: Record<DemoPlatform, number> = { mastodon: 0, bluesky: 0 };
  const prefix: Record<DemoPlatform, string> = { mastodon: 'm-', bluesky: 'b-' };
  for (const draft of kept) draft.id = `${prefix[draft.platform]}${++counters[draft.platform]}`;

  const labels = new Map<string, string[]>();
  const timed: { at: number; seq: number; record: DemoInteraction | DemoNote }[] = [];
  for (const draft of kept) {
    const record: DemoInteraction = {
      type: 'interaction', platform: draft.platform, id: draft.id!, at: iso(draft.at), actor: draft.actor,
      ...(draft.target !== undefined ? { target: draft.target } : {}),
      kind: draft.kind,
    };
    if (draft.text !== undefined) record.text = draft.text;
    if (draft.inReplyTo) record.inReplyTo = draft.inReplyTo.id!;
    if (draft.about) record.about = draft.about.id!;
    if (draft.labels.length > 0) labels.set(`${draft.platform}:${draft.id}`, draft.labels);
    timed.push({ at: draft.at, seq: draft.seq, record });
  }
  ws.notes.forEach((note, index) => {
    if (note.at > timeline.end) return;
    const record: DemoNote = { type: 'note', platform: note.platform, handle: note.handle, at: iso(note.at), text: note.text };
    if (note.remind) record.remind = note.remind;
    if (note.labels.length > 0) labels.set(`note:${index}`, note.labels);
    timed.push({ at: note.at, seq: note.seq, record });
  });
  timed.sort((a, b) => a.at - b.at || a.seq - b.seq);

  const records: DemoRecord[] = [
    { type: 'account', platform: 'mastodon', handle: BAKERY_HANDLES.mastodon, name: BAKERY_NAME },
    { type: 'account', platform: 'bluesky', handle: BAKERY_HANDLES.bluesky, name: BAKERY_NAME },
    ...ws.people.map(profileOf),
    ...timed.map((t) => t.record),
  ];
  return { records, labels };
}

function profileOf(person: Person): DemoProfile {
  const profile: DemoProfile = {
    type: 'profile',
    platform: person.platform,
    handle: person.handle,
    name: person.name,
    bio: person.bio,
    location: person.location,
    followers: person.followers,
    following: person.following,
    posts: person.posts,
    created: iso(person.created),
  };
  if (!person.hasAvatar) profile.avatar = false;
  return profile;
}
