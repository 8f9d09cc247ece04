/**
 * The raw shapes of the LinkedIn "Get a copy of your data" CSVs (FORMATS.md §4). LinkedIn
 * publishes no column spec: the columns below are the observed ones. Columns are found by header
 * name (case and spacing ignored), never by position, so the old and new column sets of
 * `messages.csv` (the new one adds ATTACHMENTS, IS MESSAGE DRAFT, IS CONVERSATION ARCHIVED) and
 * `Invitations.csv` with or without the profile-URL columns all read the same way.
 */
import { z } from 'zod';

export const TABLE_KINDS = ['profile', 'connections', 'invitations', 'messages', 'shares', 'comments', 'reactions'] as const;
export type TableKind = (typeof TABLE_KINDS)[number];

export interface TableSpec {
  readonly kind: TableKind;
  /** The file name as LinkedIn writes it, for messages. */
  readonly fileName: string;
  /** Columns that must be in the header row. */
  readonly required: readonly string[];
  /** Columns read when present. */
  readonly optional: readonly string[];
}

export const TABLE_SPECS: Readonly<Record<TableKind, TableSpec>> = {
  profile: {
    kind: 'profile',
    fileName: 'Profile.csv',
    required: ['First Name', 'Last Name'],
    optional: ['Maiden Name', 'Headline', 'Summary', 'Industry', 'Geo Location', 'Websites', 'Public Profile URL', 'Profile URL', 'URL', 'Public Identifier', 'Vanity Name'],
  },
  connections: {
    kind: 'connections',
    fileName: 'Connections.csv',
    required: ['First Name', 'Last Name', 'Connected On'],
    optional: ['URL', 'Email Address', 'Company', 'Position'],
  },
  invitations: {
    kind: 'invitations',
    fileName: 'Invitations.csv',
    required: ['From', 'To', 'Sent At', 'Direction'],
    optional: ['Message', 'inviterProfileUrl', 'inviteeProfileUrl'],
  },
  messages: {
    kind: 'messages',
    fileName: 'messages.csv',
    required: ['CONVERSATION ID', 'FROM', 'TO', 'DATE', 'CONTENT'],
    optional: ['CONVERSATION TITLE', 'SENDER PROFILE URL', 'RECIPIENT PROFILE URLS', 'SUBJECT', 'FOLDER', 'ATTACHMENTS', 'IS MESSAGE DRAFT', 'IS CONVERSATION ARCHIVED'],
  },
  shares: {
    kind: 'shares',
    fileName: 'Shares.csv',
    required: ['Date', 'ShareLink'],
    optional: ['ShareCommentary', 'SharedUrl', 'MediaUrl', 'Visibility'],
  },
  comments: {
    kind: 'comments',
    fileName: 'Comments.csv',
    required: ['Date', 'Link', 'Message'],
    optional: [],
  },
  reactions: {
    kind: 'reactions',
    fileName: 'Reactions.csv',
    required: ['Date', 'Type', 'Link'],
    optional: [],
  },
};

/**
 * `Connections.csv`, `Connections_12345.csv` (member-id suffix) and `Connections (1).csv` (a
 * browser's second download) are all the Connections table; files may sit in a subfolder.
 * `guide_messages.csv` and `learning_role_play_messages.csv` share the messages schema but are
 * conversations with LinkedIn's AI coach, not with people: the anchored pattern leaves them out.
 */
const FILE_NAME = /^(profile|connections|invitations|messages|shares|comments|reactions)(?:_(?=[a-z0-9-]*\d)[a-z0-9-]+| ?\(\d+\)|-\d+)?\.csv$/i;

export function tableKindOfName(path: string): TableKind | undefined {
  const base = path.split('/').pop() ?? '';
  const m = FILE_NAME.exec(base);
  return m ? (m[1]!.toLowerCase() as TableKind) : undefined;
}

/** How header cells are compared: without BOM, case, or extra spaces. */
export function columnKey(name: string): string {
  return name.replace(/^\uFEFF/, '').trim().replace(/\s+/g, ' ').toLowerCase();
}

// Row shapes after header mapping: every value is a string ('' when the column is absent).
const cell = z.string();
export const connectionRow = z.object({ 'First Name': cell, 'Last Name': cell, URL: cell, 'Email Address': cell, Company: cell, Position: cell, 'Connected On': cell });
export const invitationRow = z.object({ From: cell, To: cell, 'Sent At': cell, Message: cell, Direction: cell, inviterProfileUrl: cell, inviteeProfileUrl: cell });
export const messageRow = z.object({
  'CONVERSATION ID': cell, 'CONVERSATION TITLE': cell, FROM: cell, 'SENDER PROFILE URL': cell, TO: cell, 'RECIPIENT PROFILE URLS': cell,
  DATE: cell, SUBJECT: cell, CONTENT: cell, FOLDER: cell, ATTACHMENTS: cell, 'IS MESSAGE DRAFT': cell, 'IS CONVERSATION ARCHIVED': cell,
});
export const shareRow = z.object({ Date: cell, ShareLink: cell, ShareCommentary: cell, SharedUrl: cell, MediaUrl: cell, Visibility: cell });
export const commentRow = z.object({ Date: cell, Link: cell, Message: cell });
export const reactionRow = z.object({ Date: cell, Type: cell, Link: cell });
export const profileRow = z.object({ 'First Name': cell, 'Last Name': cell, Headline: cell, Summary: cell, 'Geo Location': cell, 'Public Profile URL': cell, 'Profile URL': cell, URL: cell, 'Public Identifier': cell, 'Vanity Name': cell });

export type ConnectionRow = z.infer<typeof connectionRow>;
export type InvitationRow = z.infer<typeof invitationRow>;
export type MessageRow = z.infer<typeof messageRow>;
export type ShareRow = z.infer<typeof shareRow>;
export type CommentRow = z.infer<typeof commentRow>;
export type ReactionRow = z.infer<typeof reactionRow>;
export type ProfileRow = z.infer<typeof profileRow>;

export const ROW_SCHEMAS = {
  profile: profileRow,
  connections: connectionRow,
  invitations: invitationRow,
  messages: messageRow,
  shares: shareRow,
  comments: commentRow,
  reactions: reactionRow,
} as const;
export type RowOf<K extends TableKind> = z.infer<(typeof ROW_SCHEMAS)[K]>;
