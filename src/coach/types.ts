/**
 * The coach's input and output. The input is everything about ONE person that a check needs,
 * loaded by whoever calls the coach (CLI, server, a snapshot); the output explains itself: a
 * verdict, the principles it rests on with concrete evidence, and personal next steps.
 */
import type { Identity, Interaction, Note } from '../domain/views.js';
import type { LinkInfo, MessageAnalysis } from '../language/index.js';
import type { Playbook, Principle, Stage } from '../playbook/playbook.js';
import type { MessageReader } from '../relationships/message-reader.js';
import type { OpenLoop, Relationship, StageStep } from '../relationships/relationship.js';

export const CHANNELS = ['dm', 'reply', 'mention', 'post'] as const;
export type Channel = (typeof CHANNELS)[number];

export const VERDICTS = ['go', 'revise', 'wait'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface Draft {
  readonly text: string;
  readonly channel: Channel;
  /** The platform id of the post the draft answers: places it in that post's thread. */
  readonly inReplyTo?: string | undefined;
}

/** One of your messages to someone else, for template detection. */
export interface OutboundText {
  readonly personId: number | null;
  readonly handle: string | null;
  readonly at: string;
  readonly kind: string;
  readonly text: string;
}

/** The thread a reply goes into: the posts from its root down to the post it answers. */
export interface ThreadInput {
  readonly inReplyTo: string;
  /** Root first; empty when the post is not in the workspace. */
  readonly chain: readonly Interaction[];
}

export interface CoachInput {
  /** The handle as the user typed it (shown when the person is unknown). */
  readonly handle: string;
  /** The person's id, or null for a handle rapport has never seen (a stranger). */
  readonly personId: number | null;
  readonly identities: readonly Identity[];
  /** The person's interactions, in time order (later than `at` are ignored). */
  readonly interactions: readonly Interaction[];
  readonly notes: readonly Note[];
  readonly draft: Draft;
  readonly thread?: ThreadInput | undefined;
  /** Your recent messages to other people (any order); the person's own are ignored. */
  readonly recentOutbound: readonly OutboundText[];
  readonly at: string;
  readonly read: MessageReader;
  readonly playbook: Playbook;
}

export type Severity = 'wait' | 'revise' | 'note' | 'ok';

/** What one rule found: a reason against (wait, revise), a hint (note) or a reason it is fine (ok). */
export interface Finding {
  readonly principle: Principle;
  readonly severity: Severity;
  readonly evidence: string;
  readonly suggestions: readonly string[];
}

export interface Reason {
  readonly principle: Principle;
  readonly severity: Severity;
  readonly evidence: string;
}

export interface RelationshipSummary {
  readonly known: boolean;
  readonly handle: string;
  readonly name: string;
  readonly stage: Stage;
  readonly since: string | null;
  readonly history: readonly StageStep[];
  readonly warmth: Relationship['warmth'];
  readonly ledger: { readonly gives: number; readonly asks: number; readonly balance: number };
  readonly exchanges: number;
  readonly exchangeDays: number;
  readonly openLoops: number;
  readonly topics: readonly string[];
  readonly lastIn: string | null;
  readonly lastOut: string | null;
  readonly interactions: number;
}

/** What the coach read in the draft and its setting; shown with --json so every verdict can be traced. */
export interface DraftReading {
  readonly promotional: boolean;
  readonly promotionalScore: number;
  readonly intents: MessageAnalysis['intents'];
  readonly focus: MessageAnalysis['focus'];
  readonly links: readonly LinkInfo[];
  /** The draft sells (a pitch, a link to your own site) — with the words that say so. */
  readonly selling: { readonly yes: boolean; readonly evidence: readonly string[] };
  readonly favourAsk: { readonly yes: boolean; readonly evidence: readonly string[] };
  /** Their own question that the draft answers, if any: it makes an offer welcome. */
  readonly answers: { readonly pid: string; readonly at: string; readonly text: string } | null;
  readonly thread: { readonly inReplyTo: string; readonly found: boolean; readonly startedBy: 'them' | 'you' | 'someone-else' | 'unknown'; readonly rootAt: string | null; readonly rootText: string | null } | null;
  readonly followedAt: string | null;
  readonly template: { readonly recipients: number; readonly messages: number } | null;
}

export interface CoachResult {
  readonly verdict: Verdict;
  readonly reasons: readonly Reason[];
  readonly suggestions: readonly string[];
  readonly relationship: RelationshipSummary;
  readonly analysis: DraftReading;
}

export type { OpenLoop };
