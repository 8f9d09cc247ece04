/**
 * One tweet of the owner's (`tweets.js`, `tweet.js`, `tweets-partN.js`) → interactions.
 *
 * Each tweet yields ONE primary interaction whose id is the tweet's own `id_str`, chosen in
 * this order:
 *   1. `RT @handle: …`           → `share`, target = the retweeted author (user_mentions[0]),
 *                                   about = the original id when the media says it
 *                                   (`source_status_id`). No text: the words are the author's,
 *                                   not the owner's. Mentions inside are the original's: none.
 *   2. reply to someone else     → `reply`, inReplyTo = `in_reply_to_status_id`, target =
 *                                   `in_reply_to_screen_name` / `in_reply_to_user_id` (-1 = unknown).
 *   3. reply to the owner's own tweet (a thread) → `post` with inReplyTo: there is no other party.
 *   4. a link to a status        → `quote`, about = the quoted id, target = its author (from the
 *                                   URL, unless it is the owner or `/i/web/status/`).
 *   5. mentions someone          → `mention`, target = the first mentioned person.
 *   6. otherwise                 → `post`.
 * A quote link inside a reply also sets `about`.
 *
 * A tweet that is a reply (or quote, or mention) AND names other people: every mentioned person
 * other than the owner and the primary target gets a SECONDARY `mention` interaction with the
 * derived, stable id `mention:<tweet id>:<user id>` (or `…:@<handle>` when the mention has no
 * id), same time and text. So `@ana @kim thanks` replying to Kim is one `reply` to Kim plus
 * one `mention` of Ana, and re-imports or overlapping archives produce the same ids.
 */
import type { InteractionRecord, ProfileRecord, SourceRecord } from '../../domain/records.js';
import { idOf, isObject, unwrap, userIdOf, xHandle, type Owner, type RawMention, type RawTweet } from './x-types.js';
import { parseXTime } from './x-time.js';

export type MapResult = { records: SourceRecord[] } | { skip: string };

const RETWEET = /^RT @([A-Za-z0-9_]{1,50}):/;
// `twitter.com/<user>/status/<id>`, `x.com/...`, `/statuses/`, `/#!/`; `/i/web/status/<id>` names no user.
const STATUS_URL = /^https?:\/\/(?:www\.|mobile\.)?(?:twitter|x)\.com\/(?:#!\/)?(?:i\/web|([A-Za-z0-9_]+))\/status(?:es)?\/(\d+)/i;
const LEADING_MENTION = /^@([A-Za-z0-9_]{1,50})/;

interface Party {
  handle?: string | undefined;
  uid?: string | undefined;
  name?: string | undefined;
}

/**
 * People already given a `profile` record in this import (keys `u:<uid>` / `h:<handle>`), so that
 * each name is written once, not once per tweet.
 */
export type SeenProfiles = Set<string>;

export function mapTweet(item: unknown, owner: Owner, seen: SeenProfiles): MapResult {
  const tweet = unwrap<RawTweet>(item, 'tweet');
  if (!tweet) return { skip: 'not a tweet object' };
  const id = idOf(tweet.id_str, tweet.id);
  if (id === undefined) {
    return { skip: typeof tweet.id === 'number' ? 'tweet id is a number too large to keep exactly' : 'tweet has no id' };
  }
  const rawAt = tweet.created_at;
  const at = parseXTime(rawAt);
  if (at === undefined) return { skip: `tweet ${id}: bad or missing created_at ${JSON.stringify(rawAt ?? null)}` };

  const rawText = typeof tweet.full_text === 'string' ? tweet.full_text : typeof tweet.text === 'string' ? tweet.text : '';
  const mentioned = mentionsOf(tweet);
  const base = { type: 'interaction' as const, platform: 'x' as const, id, at, atRaw: String(rawAt), actor: owner.handle, actorUid: owner.uid };
  const records: SourceRecord[] = [];

  // 1. Retweet.
  if (rawText.startsWith('RT @')) {
    const rt = RETWEET.exec(rawText);
    if (rt) {
      const first = mentioned[0];
      const author: Party = first && first.handle?.toLowerCase() === rt[1]!.toLowerCase() ? first : { handle: rt[1] };
      const about = retweetedId(tweet);
      const primary: InteractionRecord = { ...base, kind: 'share' };
      if (about !== undefined) primary.about = about;
      records.push(withTarget(primary, author, owner, seen, records));
      return { records };
    }
  }

  const text = cleanText(rawText, tweet);
  const replyTo = idOf(tweet.in_reply_to_status_id_str, tweet.in_reply_to_status_id);
  const replyUid = userIdOf(tweet.in_reply_to_user_id_str, tweet.in_reply_to_user_id);
  const replyName = typeof tweet.in_reply_to_screen_name === 'string' && tweet.in_reply_to_screen_name ? tweet.in_reply_to_screen_name : undefined;
  const quoted = quotedStatus(tweet);

  let primary: InteractionRecord;
  let primaryTarget: Party | undefined;
  if (replyTo !== undefined) {
    let party: Party | undefined = replyUid !== undefined || replyName !== undefined ? named(mentioned, { handle: replyName, uid: replyUid }) : undefined;
    // Old tweets may name nobody: the leading @mention is whom the reply addresses.
    if (!party) {
      const lead = LEADING_MENTION.exec(rawText);
      if (lead) party = named(mentioned, { handle: lead[1] });
    }
    if (party && isOwner(owner, party)) {
      primary = { ...base, kind: 'post', inReplyTo: replyTo }; // 3. a thread of the owner's own
    } else {
      primary = { ...base, kind: 'reply', inReplyTo: replyTo }; // 2.
      primaryTarget = party;
    }
    if (quoted) primary.about = quoted.id;
  } else if (quoted) {
    primary = { ...base, kind: 'quote', about: quoted.id }; // 4.
    primaryTarget = quoted.handle !== undefined ? named(mentioned, { handle: quoted.handle }) : undefined;
  } else {
    let first: Party | undefined;
    for (const p of mentioned) {
      if (!isOwner(owner, p)) {
        first = p;
        break;
      }
    }
    if (!first && (replyUid !== undefined || replyName !== undefined)) first = { handle: replyName, uid: replyUid };
    if (first && !isOwner(owner, first)) {
      primary = { ...base, kind: 'mention' }; // 5.
      primaryTarget = first;
    } else {
      primary = { ...base, kind: 'post' }; // 6.
    }
  }
  if (text) primary.text = text;
  records.push(withTarget(primary, primaryTarget, owner, seen, records));
  if (mentioned.length === 0) return { records };

  // Secondary mentions: everyone else the tweet names.
  const done = new Set<string>();
  if (primaryTarget) markDone(done, primaryTarget);
  for (const p of mentioned) {
    if (isOwner(owner, p) || isDone(done, p)) continue;
    markDone(done, p);
    const secondId = `mention:${id}:${p.uid ?? xHandle(p.handle!).toLowerCase()}`;
    const mention: InteractionRecord = { ...base, id: secondId, kind: 'mention' };
    if (text) mention.text = text;
    records.push(withTarget(mention, p, owner, seen, records));
  }
  return { records };
}

function mentionsOf(tweet: RawTweet): Party[] {
  const list = tweet.entities?.user_mentions;
  const out: Party[] = [];
  if (!Array.isArray(list)) return out;
  for (const m of list) {
    if (!isObject(m)) continue;
    const handle = typeof m.screen_name === 'string' && m.screen_name ? m.screen_name : undefined;
    const uid = userIdOf(m.id_str, m.id);
    if (handle === undefined && uid === undefined) continue;
    out.push({ handle, uid, name: typeof m.name === 'string' ? m.name : undefined });
  }
  return out;
}

/** Completes a party (reply target, quoted author) with what the tweet's mentions say of them. */
function named(mentioned: readonly Party[], p: Party): Party {
  const lower = p.handle?.toLowerCase();
  for (const x of mentioned) {
    if ((p.uid !== undefined && x.uid === p.uid) || (lower !== undefined && x.handle?.toLowerCase() === lower)) {
      return { handle: p.handle ?? x.handle, uid: p.uid ?? x.uid, name: x.name };
    }
  }
  return p;
}

function isOwner(owner: Owner, p: Party): boolean {
  return p.uid !== undefined ? p.uid === owner.uid : p.handle !== undefined && owner.screenNames.has(p.handle.toLowerCase());
}

function markDone(done: Set<string>, p: Party): void {
  if (p.uid !== undefined) done.add(`u:${p.uid}`);
  if (p.handle !== undefined) done.add(`h:${p.handle.toLowerCase()}`);
}

function isDone(done: Set<string>, p: Party): boolean {
  return (p.uid !== undefined && done.has(`u:${p.uid}`)) || (p.handle !== undefined && done.has(`h:${p.handle.toLowerCase()}`));
}

/** Sets the interaction's other party (none when it is the owner) and gives them a profile once. */
function withTarget(r: InteractionRecord, p: Party | undefined, owner: Owner, seen: SeenProfiles, records: SourceRecord[]): InteractionRecord {
  if (!p || isOwner(owner, p)) return r;
  if (p.handle !== undefined) r.target = xHandle(p.handle);
  if (p.uid !== undefined) r.targetUid = p.uid;
  pushProfile(records, p, seen);
  return r;
}

/** A `profile` with the name X gives in mentions, once per person per import. */
function pushProfile(records: SourceRecord[], p: Party, seen: SeenProfiles): void {
  if (p.name === undefined || p.name === '') return;
  const k = p.uid !== undefined ? `u:${p.uid}` : `h:${p.handle!.toLowerCase()}`;
  if (seen.has(k)) return;
  seen.add(k);
  const profile: ProfileRecord = { type: 'profile', platform: 'x', name: p.name };
  if (p.handle !== undefined) profile.handle = xHandle(p.handle);
  if (p.uid !== undefined) profile.uid = p.uid;
  records.push(profile);
}

/** The retweeted tweet's id: only the media entities carry it (`source_status_id`). */
function retweetedId(tweet: RawTweet): string | undefined {
  const media = [...(tweet.extended_entities?.media ?? []), ...(tweet.entities?.media ?? [])];
  for (const m of media) {
    if (!isObject(m)) continue;
    const id = idOf(m.source_status_id_str, m.source_status_id);
    if (id !== undefined) return id;
  }
  return undefined;
}

/**
 * The quoted status: archives have no `quoted_status`, so the link to a status in
 * `entities.urls[].expanded_url` is used (heuristic, FORMATS.md §2); `quoted_status_id_str` when
 * some export has it. The author comes from the URL (`/i/web/status/` names nobody).
 */
function quotedStatus(tweet: RawTweet): { id: string; handle?: string } | undefined {
  const direct = idOf(tweet.quoted_status_id_str);
  const urls = Array.isArray(tweet.entities?.urls) ? tweet.entities.urls : [];
  for (const u of urls) {
    if (!isObject(u) || typeof u.expanded_url !== 'string') continue;
    const m = STATUS_URL.exec(u.expanded_url);
    if (!m) continue;
    if (direct !== undefined && m[2] !== direct) continue;
    const user = m[1];
    return user === undefined || user.toLowerCase() === 'i' ? { id: m[2]! } : { id: m[2]!, handle: user };
  }
  return direct !== undefined ? { id: direct } : undefined;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** `full_text` is HTML-escaped and its links are t.co: unescape, and show where links really go. */
export function cleanText(raw: string, tweet?: RawTweet): string {
  let text = raw;
  const urls = Array.isArray(tweet?.entities?.urls) ? tweet.entities.urls : [];
  for (const u of urls) {
    if (isObject(u) && typeof u.url === 'string' && u.url && typeof u.expanded_url === 'string' && u.expanded_url) {
      text = text.split(u.url).join(u.expanded_url);
    }
  }
  return text.includes('&') ? text.replace(/&(amp|lt|gt|quot|#39);/g, unescapeEntity) : text;
}

function unescapeEntity(match: string, name: string): string {
  return ENTITIES[name] ?? match;
}
