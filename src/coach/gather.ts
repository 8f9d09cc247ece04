/**
 * Stage 1, gather: what the coach knows about the person before reading the draft — the
 * relationship as of `at`, their latest follow, the thread the draft goes into, their shares of
 * your work and whether you thanked them, their recent words (for personal openers) and your
 * recent messages to other people (for template detection).
 */
import type { Interaction, Note } from '../domain/views.js';
import { intentOf } from '../relationships/message-reader.js';
import { relationshipAsOf, CONVERSATIONAL, type OpenLoop, type Relationship } from '../relationships/relationship.js';
import type { CoachInput, OutboundText } from './types.js';
import { daysBetween, firstNameOf } from './words.js';

export interface SharedPost {
  readonly share: Interaction;
  /** Their praise, when the share came with a compliment (a quote or mention). */
  readonly praise: readonly string[];
  /** When and how you thanked them after it, if you did. */
  readonly thanked: { readonly at: string; readonly publicly: boolean } | null;
}

export interface ThreadFacts {
  readonly inReplyTo: string;
  readonly found: boolean;
  readonly root: Interaction | null;
  readonly chain: readonly Interaction[];
  readonly startedBy: 'them' | 'you' | 'someone-else' | 'unknown';
}

export interface Gathered {
  readonly known: boolean;
  readonly handle: string;
  readonly name: string;
  readonly first: string;
  readonly bio: string | null;
  readonly relationship: Relationship;
  /** Their interactions up to `at`. */
  readonly history: readonly Interaction[];
  /** Their latest follow of you, unless they unfollowed since. */
  readonly follow: Interaction | null;
  readonly thread: ThreadFacts | null;
  readonly shares: readonly SharedPost[];
  /** Their own words (posts, replies, DMs, quotes) within the opener window, newest first. */
  readonly theirRecent: readonly Interaction[];
  readonly openLoops: readonly OpenLoop[];
  readonly notes: readonly Note[];
  /** Your recent messages to other people, newest first. */
  readonly others: readonly OutboundText[];
  /** Days since the last conversational word either way, or null when you never talked. */
  readonly quietDays: number | null;
}

export function gather(input: CoachInput): Gathered {
  const { at, read, playbook } = input;
  const threshold = playbook.language.intentThreshold;
  const history = input.interactions.filter((i) => i.at <= at);
  const relationship = relationshipAsOf({ interactions: history, at, read, identities: input.identities, playbook });

  const named = input.identities.find((i) => i.name);
  const handle = input.identities.find((i) => i.handle)?.handle ?? input.handle;
  const name = named?.name ?? handle;

  let follow: Interaction | null = null;
  let lastTalk: string | null = null;
  const shares: { share: Interaction; praise: string[]; thanked: { at: string; publicly: boolean } | null }[] = [];
  for (const i of history) {
    if (i.direction === 'in' && i.kind === 'follow') follow = i;
    if (i.direction === 'in' && i.kind === 'unfollow') follow = null;
    if (CONVERSATIONAL.has(i.kind)) lastTalk = i.at;
    if (i.direction === 'in' && (i.kind === 'share' || i.kind === 'quote')) {
      const compliment = i.text ? intentOf(read(i.text), 'compliment', threshold) : undefined;
      shares.push({ share: i, praise: compliment?.evidence ?? [], thanked: null });
    }
    if (i.direction === 'out' && i.text && i.kind !== 'post' && intentOf(read(i.text), 'gratitude', threshold)) {
      const publicly = i.kind !== 'dm';
      for (const s of shares) if (!s.thanked) s.thanked = { at: i.at, publicly };
    }
  }

  const openerFrom = Date.parse(at) - playbook.coach.openerDays * 86_400_000;
  const theirRecent = history
    .filter((i) => i.direction === 'in' && i.text && Date.parse(i.at) >= openerFrom && i.kind !== 'share')
    .reverse();

  return {
    known: input.personId !== null,
    handle,
    name,
    first: firstNameOf(named?.name, handle),
    bio: input.identities.find((i) => i.bio)?.bio ?? null,
    relationship,
    history,
    follow,
    thread: input.thread ? threadFacts(input) : null,
    shares,
    theirRecent,
    openLoops: relationship.openLoops,
    notes: input.notes.filter((n) => n.at <= at),
    others: input.recentOutbound
      .filter((o) => o.at <= at && (input.personId === null || o.personId !== input.personId))
      .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)),
    quietDays: lastTalk === null ? null : daysBetween(lastTalk, at),
  };
}

function threadFacts(input: CoachInput): ThreadFacts {
  const thread = input.thread!;
  const chain = thread.chain.filter((i) => i.at <= input.at);
  const root = chain[0] ?? null;
  let startedBy: ThreadFacts['startedBy'] = 'unknown';
  if (root) {
    if (root.direction === 'out') startedBy = 'you';
    else if (input.personId !== null && root.personId === input.personId) startedBy = 'them';
    else startedBy = 'someone-else';
  }
  return { inReplyTo: thread.inReplyTo, found: root !== null, root, chain, startedBy };
}
