/**
 * The tables, as Kysely sees them. One schema for SQLite and PostgreSQL: times are ISO 8601 UTC
 * strings (they sort as text), booleans are 0/1 integers, and every row belongs to a workspace.
 */
import type { Generated } from 'kysely';

export interface WorkspacesTable {
  id: Generated<number>;
  name: string;
  created_at: string;
}

/** One profile of someone (or of one of your own accounts) on one platform. */
export interface IdentitiesTable {
  id: Generated<number>;
  workspace_id: number;
  platform: string;
  handle: string | null;
  handle_norm: string | null;
  uid: string | null;
  /** Identities merged by hand share a person id; null means the identity is its own person. */
  person_id: number | null;
  is_own: number;
  name: string | null;
  bio: string | null;
  location: string | null;
  followers: number | null;
  following: number | null;
  posts: number | null;
  created: string | null;
  avatar: number | null;
  url: string | null;
  first_seen: string;
}

export interface InteractionsTable {
  id: Generated<number>;
  workspace_id: number;
  platform: string;
  pid: string;
  at: string;
  at_raw: string | null;
  kind: string;
  direction: string;
  actor_id: number;
  target_id: number | null;
  /** The other party: the actor of an inbound event, the target of an outbound one. */
  counterpart_id: number | null;
  text: string | null;
  in_reply_to: string | null;
  about: string | null;
}

export interface NotesTable {
  id: Generated<number>;
  workspace_id: number;
  identity_id: number;
  at: string;
  text: string;
  remind: string | null;
  /** Content key that makes re-importing the same note a no-op. */
  key: string;
}

export interface SettingsTable {
  workspace_id: number;
  key: string;
  value: string;
}

export interface ImportsTable {
  id: Generated<number>;
  workspace_id: number;
  at: string;
  format: string;
  label: string;
  summary: string;
}

export interface SnoozesTable {
  workspace_id: number;
  person_id: number;
  /** Hidden from the agenda until this date (YYYY-MM-DD), inclusive. */
  until: string;
  created_at: string;
}

/** Per workspace, the intents a fold acts on for every text read so far (message-intents.ts's binary table). */
export interface TextIntentsTable {
  workspace_id: number;
  /** The settings they were read with (intents-fingerprint.ts). */
  fingerprint: string;
  intents: Uint8Array;
}

export interface Database {
  workspaces: WorkspacesTable;
  identities: IdentitiesTable;
  interactions: InteractionsTable;
  notes: NotesTable;
  settings: SettingsTable;
  imports: ImportsTable;
  snoozes: SnoozesTable;
  text_intents: TextIntentsTable;
}
