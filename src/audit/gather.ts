/**
 * The audit's first stage: everything the figures read, gathered once from the snapshot — each
 * person's relationship (stage history and ledger, folded once as of the snapshot's moment), your
 * messages to people with their analysis, and your own posts. Pure.
 */
import type { WorkspaceSnapshot } from '../domain/snapshot.js';
import { displayHandle, type Interaction, type Person } from '../domain/views.js';
import type { MessageAnalysis } from '../language/index.js';
import { STAGES, stageRank, type Playbook, type Stage } from '../playbook/playbook.js';
import { intentOf } from '../relationships/message-reader.js';
import { relationshipAsOf, type Relationship } from '../relationships/relationship.js';
import { monthKey, type MonthRange } from './months.js';

/** Kinds by which you write to someone (a like or a follow is a touch, not a message). */
export const MESSAGE_KINDS: ReadonlySet<string> = new Set(['reply', 'mention', 'dm', 'quote']);

export interface PersonHistory {
  readonly person: Person;
  readonly handle: string;
  /** Their interactions with you up to the snapshot's moment, in time order. */
  readonly interactions: readonly Interaction[];
  readonly relationship: Relationship;
}

export interface OutboundMessage {
  readonly interaction: Interaction;
  readonly personId: number;
  readonly handle: string;
  readonly month: string;
  readonly analysis: MessageAnalysis;
}

export interface AuditContext {
  readonly snapshot: WorkspaceSnapshot;
  readonly playbook: Playbook;
  /** The months measured, oldest first; the first is only there to give the next its trend. */
  readonly months: readonly MonthRange[];
  readonly people: ReadonlyMap<number, PersonHistory>;
  /** Your messages to people (reply, mention, DM, quote) with text, in time order. */
  readonly outbound: readonly OutboundMessage[];
  /** Your own posts (broadcasts), up to the snapshot's moment. */
  readonly ownPosts: readonly Interaction[];
  /** Whether an intent reaches the playbook's threshold in a message. */
  has(analysis: MessageAnalysis, intent: Parameters<typeof intentOf>[1]): boolean;
}

export function gatherAudit(snapshot: WorkspaceSnapshot, months: readonly MonthRange[]): AuditContext {
  const { read, playbook, at } = snapshot;
  const people = new Map<number, PersonHistory>();
  const outbound: OutboundMessage[] = [];
  for (const person of snapshot.people) {
    const interactions = snapshot.interactionsByPerson.get(person.id);
    if (!interactions || interactions.length === 0) continue;
    const identity = person.identities.find((i) => !i.isOwn) ?? person.identities[0];
    const handle = identity ? displayHandle(identity) : `#${person.id}`;
    const relationship = relationshipAsOf({ interactions, at, read, playbook, identities: person.identities });
    people.set(person.id, { person, handle, interactions, relationship });
    for (const i of interactions) {
      if (i.at > at) break;
      if (i.direction !== 'out' || !MESSAGE_KINDS.has(i.kind) || !i.text) continue;
      outbound.push({ interaction: i, personId: person.id, handle, month: monthKey(i.at), analysis: read(i.text) });
    }
  }
  outbound.sort((a, b) => a.interaction.at.localeCompare(b.interaction.at) || a.interaction.id - b.interaction.id);
  const threshold = playbook.language.intentThreshold;
  return {
    snapshot,
    playbook,
    months,
    people,
    outbound,
    ownPosts: snapshot.ownPosts.filter((p) => p.at <= at),
    has: (analysis, intent) => intentOf(analysis, intent, threshold) !== undefined,
  };
}

/** The relationship's stage just before `at` (what it was when you acted), from its history. */
export function stageBefore(relationship: Relationship, at: string): Stage {
  let stage: Stage = STAGES[0];
  for (const step of relationship.history) {
    if (step.at >= at) break;
    stage = step.stage;
  }
  return stage;
}

/** The stage as of the end of `at` (steps reached at that instant included). */
export function stageAt(relationship: Relationship, at: string): Stage {
  let stage: Stage = STAGES[0];
  for (const step of relationship.history) {
    if (step.at > at) break;
    stage = step.stage;
  }
  return stage;
}

export function isAtLeast(stage: Stage, floor: Stage): boolean {
  return stageRank(stage) >= stageRank(floor);
}

/** Groups items by month key, keeping only the months measured. */
export function byMonth<T>(context: AuditContext, items: Iterable<T>, at: (item: T) => string): Map<string, T[]> {
  const wanted = new Set(context.months.map((m) => m.key));
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = monthKey(at(item));
    if (!wanted.has(key)) continue;
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(item);
  }
  return groups;
}

/** A short single-line excerpt of imported text (still plain text: renderers escape it). */
export function excerpt(text: string | null, max = 120): string | null {
  if (!text) return null;
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
