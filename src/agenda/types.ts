/** The agenda's shapes: what `rapport today` shows, and what each rule hands to the ranking. */
import type { Identity, Interaction, Note, Person } from '../domain/views.js';
import type { Playbook, Principle } from '../playbook/playbook.js';
import type { MessageReader } from '../relationships/message-reader.js';
import type { Relationship } from '../relationships/relationship.js';

export const ACTION_KINDS = ['thank-public', 'thank', 'answer', 'reconnect', 'follow-up', 'welcome', 'appreciate'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

/** How each kind of action is named to the user, in the terminal and on the pages alike. */
export const ACTION_LABELS: Readonly<Record<ActionKind, string>> = {
  'thank-public': 'Thank in public',
  thank: 'Thank',
  answer: 'Answer',
  reconnect: 'Reconnect',
  'follow-up': 'Follow up',
  welcome: 'Welcome',
  appreciate: 'Appreciate',
};

export interface Evidence {
  readonly interactionId?: number;
  readonly noteId?: number;
  readonly at: string;
  readonly text?: string;
}

/** One thing to do today, for one person, with the reason in plain words and an opener. */
export interface AgendaAction {
  readonly kind: ActionKind;
  readonly personId: number;
  readonly handle: string;
  readonly platform: string;
  readonly name: string;
  readonly stage: Relationship['stage'];
  readonly principles: readonly Principle[];
  readonly why: string;
  readonly evidence: readonly Evidence[];
  readonly suggestion: string;
  readonly score: number;
  /** How the score was made (documented in rank.ts), so the order can be explained too. */
  readonly scoreParts: Readonly<Record<string, number>>;
}

export interface Agenda {
  readonly at: string;
  readonly actions: readonly AgendaAction[];
  /** Actions found before the limit was applied (one per person). */
  readonly total: number;
  /** People hidden by `rapport snooze`, with the last day they are hidden. */
  readonly snoozed: number;
}

/** Everything a rule may read about one person as of `at`. */
export interface PersonContext {
  readonly at: string;
  readonly now: number;
  readonly person: Person;
  /** The identity the action is addressed to (the most recently active one). */
  readonly identity: Identity;
  readonly name: string;
  readonly firstName: string;
  readonly interactions: readonly Interaction[];
  readonly notes: readonly Note[];
  readonly relationship: Relationship;
  readonly read: MessageReader;
  readonly playbook: Playbook;
  /** Your own posts by platform id, to say which post they shared. */
  readonly ownPost: (pid: string | null) => Interaction | undefined;
}

/** A rule's finding before ranking: the kind, the moment it is about and the words to show. */
export interface Candidate {
  readonly kind: ActionKind;
  readonly principles: readonly Principle[];
  /** When the event that opened the action happened (their share, their question, the reminder date). */
  readonly since: string;
  readonly why: string;
  readonly evidence: readonly Evidence[];
  readonly suggestion: string;
}

export type Rule = (ctx: PersonContext) => Candidate | undefined;
