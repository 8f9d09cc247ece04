/**
 * The raw shapes of an X / Twitter archive's `data/*.js` files (FORMATS.md §2; alkihis
 * twitter-archive-reader `ts/types/GDPR*.ts`, timhutton/twitter-archive-parser). Everything is
 * optional: shapes vary by year, and an item is read defensively rather than validated whole
 * (a 200,000-tweet file must not pay a schema check per tweet). Numbers are usually strings;
 * where a number appears it is accepted only when it is exact (see `idOf`).
 */

/** `entities.user_mentions[]` */
export interface RawMention {
  id_str?: string;
  id?: string | number;
  screen_name?: string;
  name?: string;
  indices?: (string | number)[];
}

/** `entities.urls[]` */
export interface RawUrl {
  url?: string;
  expanded_url?: string;
  display_url?: string;
}

/** `entities.media[]` / `extended_entities.media[]` */
export interface RawMedia {
  url?: string;
  expanded_url?: string;
  type?: string;
  source_status_id_str?: string;
  source_status_id?: string | number;
  source_user_id_str?: string;
}

/** One tweet, the value inside `{ "tweet": {...} }` or (early GDPR archives) the bare object. */
export interface RawTweet {
  id_str?: string;
  id?: string | number;
  created_at?: string;
  full_text?: string;
  text?: string;
  in_reply_to_status_id_str?: string | null;
  in_reply_to_status_id?: string | number | null;
  in_reply_to_user_id_str?: string | null;
  in_reply_to_user_id?: string | number | null;
  in_reply_to_screen_name?: string | null;
  quoted_status_id_str?: string;
  entities?: { user_mentions?: RawMention[]; urls?: RawUrl[]; media?: RawMedia[] };
  extended_entities?: { media?: RawMedia[] };
}

/** `like.js`: `{ like: { tweetId, fullText?, expandedUrl? } }` */
export interface RawLike {
  tweetId?: string;
  fullText?: string;
  expandedUrl?: string;
}

/** `follower.js` / `following.js`: `{ follower: {...} }` / `{ following: {...} }` */
export interface RawFollow {
  accountId?: string;
  userLink?: string;
}

/** `direct-messages*.js`: `{ dmConversation: { conversationId, messages: [...] } }` */
export interface RawDmConversation {
  conversationId?: string;
  messages?: RawDmEvent[];
}

export interface RawDmReaction {
  senderId?: string;
  reactionKey?: string;
  eventId?: string;
  createdAt?: string;
}

export interface RawMessageCreate {
  id?: string;
  senderId?: string;
  recipientId?: string;
  text?: string;
  createdAt?: string;
  mediaUrls?: string[];
  urls?: { url?: string; expanded?: string; display?: string }[];
  reactions?: RawDmReaction[];
}

/** One event of a conversation: a message, or (groups) a join / leave / rename. */
export interface RawDmEvent {
  messageCreate?: RawMessageCreate;
  joinConversation?: { initiatingUserId?: string; participantsSnapshot?: string[]; createdAt?: string };
  participantsJoin?: { initiatingUserId?: string; userIds?: string[]; createdAt?: string };
  participantsLeave?: { userIds?: string[]; createdAt?: string };
  conversationNameUpdate?: { name?: string; initiatingUserId?: string; createdAt?: string };
}

/** `account.js`: `{ account: {...} }` */
export interface RawAccount {
  email?: string;
  createdVia?: string;
  username?: string;
  accountId?: string;
  createdAt?: string;
  accountDisplayName?: string;
}

/** `profile.js`: `{ profile: {...} }` */
export interface RawProfile {
  description?: { bio?: string; website?: string; location?: string };
  avatarMediaUrl?: string;
  headerMediaUrl?: string;
}

/** `screen-name-change.js`: `{ screenNameChange: { accountId, screenNameChange: { changedAt, changedFrom, changedTo } } }` */
export interface RawScreenNameChange {
  accountId?: string;
  screenNameChange?: { changedAt?: string; changedFrom?: string; changedTo?: string };
}

/** `manifest.js`: `window.__THAR_CONFIG = {...}` */
export interface RawManifest {
  userInfo?: { accountId?: string; userName?: string; displayName?: string };
  archiveInfo?: { sizeBytes?: string; generationDate?: string; isPartialArchive?: boolean; maxPartSizeBytes?: string };
  dataTypes?: Record<string, { files?: { fileName?: string; globalName?: string; count?: string | number }[]; mediaDirectory?: string }>;
}

/** What every mapper needs to know about the archive's owner. */
export interface Owner {
  readonly uid: string;
  readonly handle: string;
  /** Lower-case screen names the owner had (current one first), from account.js and screen-name-change.js. */
  readonly screenNames: ReadonlySet<string>;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Opens the `{ "<key>": {...} }` wrapper X puts around each item; early archives had bare
 * objects, which are returned as they are.
 */
export function unwrap<T>(item: unknown, key: string): T | undefined {
  if (!isObject(item)) return undefined;
  const inner = item[key];
  if (isObject(inner)) return inner as T;
  return item as T;
}

/**
 * A platform id as a string. Strings are kept as they are; a JSON number only when it is an
 * exact integer (a snowflake written as a number has already lost digits: refused).
 */
export function idOf(...candidates: unknown[]): string | undefined {
  for (const c of candidates) {
    if (typeof c === 'string' && /^\d+$/.test(c.trim())) return c.trim();
    if (typeof c === 'number' && Number.isSafeInteger(c) && c >= 0) return String(c);
  }
  return undefined;
}

/** A user id that names someone: X writes `-1` (or 0) for "unknown" in old replies. */
export function userIdOf(...candidates: unknown[]): string | undefined {
  const id = idOf(...candidates);
  return id === undefined || /^0+$/.test(id) ? undefined : id;
}

export function xHandle(screenName: string): string {
  return `@${screenName.replace(/^@/, '')}`;
}
