/**
 * outbox.json: the owner's activities (FORMATS §1.1). Each `Create` carries one status (a Note,
 * or a Question for a poll); each `Announce` is a boost. What a status is follows from its
 * addressing and its fields, in this order:
 *
 * - **dm**: addressed to neither Public nor a followers collection (Mastodon's "direct" and
 *   "limited"): one `dm` per recipient (Mention tags and `to` actors). The first recipient's
 *   record has the status URI as its id, the others `<status uri>#dm:<recipient actor uri>`.
 *   A "direct" status addressed to nobody (a note to self) is skipped.
 * - **quote**: has `quote` (4.4+) or one of its aliases: target = the quoted author, about = the
 *   quoted URI; a quote of a deleted post (`Tombstone`) stays a quote without either.
 * - **reply**: has `inReplyTo`: target = the replied-to author (the inReplyTo object's
 *   `attributedTo`, else the author in the status URI, else the first Mention). A reply to one's
 *   own status continues a thread: it is a `post` that keeps its `inReplyTo`.
 * - **post** otherwise (public, unlisted and followers-only alike).
 * - Every other person the status mentions gets a `mention` with id `<status uri>#mention:<actor uri>`.
 *
 * A boost (`Announce`) is a `share` of `object` (about = its URI), target = the boosted author
 * (the person in `cc`, else the author in the object's URI); a boost of one's own post has no target.
 *
 * Interaction ids are the platform's own: the status URI (Note `id`) and the Announce `id`, so a
 * newer archive that overlaps an older one adds only what is new.
 */
import { normalizeHandle } from '../../domain/handles.js';
import { htmlToText } from './html-text.js';
import { activitySchema, firstRefId, hasType, noteSchema, refId, type Activity, type Note, type Tag } from './mastodon-types.js';
import { authorOfStatus, handleFromAcct, isCollectionAddress, isOwner, isPublicAddress, personKey, samePerson, type Directory, type Owner, type PersonRef } from './people.js';
import { toUtc } from './time.js';

/** An interaction as the outbox gives it, before validation against the record schema. */
export interface InteractionCandidate {
  type: 'interaction';
  platform: 'mastodon';
  id: string;
  at: string;
  atRaw?: string;
  kind: 'post' | 'reply' | 'quote' | 'dm' | 'mention' | 'share';
  actor: string;
  actorUid?: string;
  target?: string;
  targetUid?: string;
  text?: string;
  inReplyTo?: string;
  about?: string;
}

export type OutboxResult =
  | { readonly candidates: InteractionCandidate[]; readonly skip?: undefined }
  | { readonly candidates?: undefined; readonly skip: string };

const STATUS_TYPES = ['Note', 'Question', 'Article', 'Page'];

export function mapOutboxItem(value: unknown, owner: Owner, directory: Directory): OutboxResult {
  const parsed = activitySchema.safeParse(value);
  if (!parsed.success) return { skip: 'not an ActivityPub activity' };
  const activity = parsed.data;
  if (hasType(activity, 'Create')) return mapCreate(activity, owner, directory);
  if (hasType(activity, 'Announce')) return mapAnnounce(activity, owner, directory);
  const type = Array.isArray(activity.type) ? activity.type.join(',') : activity.type;
  return { skip: type === undefined ? 'an activity without a type' : `a "${type}" activity (only posts and boosts are imported)` };
}

function ownerFields(owner: Owner): Pick<InteractionCandidate, 'actor' | 'actorUid'> {
  return { actor: owner.handle, ...(owner.uid !== undefined ? { actorUid: owner.uid } : {}) };
}

function targetFields(person: PersonRef | undefined): Pick<InteractionCandidate, 'target' | 'targetUid'> {
  if (!person) return {};
  return { ...(person.handle !== undefined ? { target: person.handle } : {}), ...(person.uid !== undefined ? { targetUid: person.uid } : {}) };
}

function timeFields(raw: string | undefined): { at: string; atRaw: string } | string {
  if (raw === undefined) return 'it has no "published" time';
  const at = toUtc(raw);
  return at === undefined ? `its time ${JSON.stringify(raw)} is not an ISO 8601 time` : { at, atRaw: raw };
}

/** A Mention tag's person, teaching the directory the handle that goes with its actor URI. */
function mentionPerson(tag: Tag, directory: Directory): PersonRef | undefined {
  const href = tag.href;
  const rawName = tag.name?.trim();
  let handle = rawName !== undefined ? handleFromAcct(rawName) : undefined;
  if (handle === undefined && rawName && href) {
    // Local accounts are named "@name" without the domain: the domain is the host of `href`.
    try {
      const name = rawName.replace(/^@/, '');
      if (/^[A-Za-z0-9_.-]+$/.test(name)) handle = `@${name}@${new URL(href).host.toLowerCase()}`;
    } catch {
      handle = undefined;
    }
  }
  if (href !== undefined && handle !== undefined) directory.learn(href, handle);
  if (href !== undefined) {
    const person = directory.person(href);
    if (person) return handle !== undefined ? { handle, uid: href } : person;
  }
  return handle !== undefined ? { handle } : undefined;
}

function mentionsOf(note: Note, owner: Owner, directory: Directory): PersonRef[] {
  const tags = note.tag === undefined || note.tag === null ? [] : Array.isArray(note.tag) ? note.tag : [note.tag];
  const people: PersonRef[] = [];
  for (const tag of tags) {
    if (typeof tag === 'string' || !hasType(tag, 'Mention')) continue;
    const person = mentionPerson(tag, directory);
    if (person && !isOwner(person, owner) && !people.some((p) => samePerson(p, person))) people.push(person);
  }
  return people;
}

function textOf(note: Note): string | undefined {
  const html = note.content ?? (note.contentMap ? Object.values(note.contentMap)[0] : undefined);
  const body = html ? htmlToText(html) : '';
  // A content warning is part of what was said: it goes first, as the reader sees it.
  const warning = note.summary ? htmlToText(note.summary) : '';
  const text = warning && body ? `${warning}\n\n${body}` : warning || body;
  return text || undefined;
}

/** The quoted URI; `null` for a quote whose post is gone (Tombstone); undefined when not a quote. */
function quoteOf(note: Note): string | null | undefined {
  const q = note.quote;
  if (q && typeof q === 'object' && hasType(q, 'Tombstone')) return refId(q) ?? null;
  return refId(q) ?? note.quoteUri ?? note.quote_uri ?? note._misskey_quote ?? note.quoteUrl ?? undefined;
}

function mapCreate(activity: Activity, owner: Owner, directory: Directory): OutboxResult {
  const object = activity.object;
  if (object === undefined || object === null) return { skip: 'a post without its content ("object" is missing)' };
  if (typeof object === 'string') return { skip: `a post given only by its address (${object}), without its content` };
  const note = noteSchema.parse(object);
  if (note.type !== undefined && !hasType(note, ...STATUS_TYPES)) {
    return { skip: `a "${Array.isArray(note.type) ? note.type.join(',') : note.type}" object (not a status)` };
  }
  const id = note.id ?? activity.id?.replace(/\/activity$/, '');
  if (id === undefined) return { skip: 'a post without an id' };
  const time = timeFields(note.published ?? activity.published);
  if (typeof time === 'string') return { skip: `post ${id}: ${time}` };

  const mentions = mentionsOf(note, owner, directory);
  const text = textOf(note);
  const inReplyTo = refId(note.inReplyTo);
  const quote = quoteOf(note);
  const base = {
    type: 'interaction' as const,
    platform: 'mastodon' as const,
    ...time,
    ...ownerFields(owner),
    ...(text !== undefined ? { text } : {}),
    ...(inReplyTo !== undefined ? { inReplyTo } : {}),
    ...(typeof quote === 'string' ? { about: quote } : {}),
  };

  const addressing = [note.to, note.cc, activity.to, activity.cc];
  const known = addressing.filter((a): a is string[] => a !== undefined);
  const addresses = known.flat();
  // No addressing at all (not even an empty list) says nothing about visibility: taken as a post.
  const direct = known.length > 0 && !addresses.some((a) => isPublicAddress(a) || isCollectionAddress(a, owner));

  if (direct) {
    const recipients = [...mentions];
    for (const address of addresses) {
      const person = directory.person(address);
      if (person && !isOwner(person, owner) && !recipients.some((p) => samePerson(p, person))) recipients.push(person);
    }
    if (recipients.length === 0) return { skip: `direct post ${id}: addressed to nobody but its author (a note to self)` };
    return {
      candidates: recipients.map((person, i) => ({
        ...base,
        id: i === 0 ? id : `${id}#dm:${personKey(person)}`,
        kind: 'dm',
        ...targetFields(person),
      })),
    };
  }

  let kind: InteractionCandidate['kind'] = 'post';
  let target: PersonRef | undefined;
  if (quote !== undefined) {
    kind = 'quote';
    target = quote === null ? undefined : authorOfStatus(quote);
    if (target?.uid !== undefined) target = directory.person(target.uid) ?? target;
    if (isOwner(target, owner)) target = undefined;
  } else if (inReplyTo !== undefined) {
    target = replyAuthor(note, inReplyTo, mentions, directory);
    // A reply to one's own status continues a thread: a post, not an exchange with someone.
    kind = isOwner(target, owner) ? 'post' : 'reply';
    if (kind === 'post') target = undefined;
  }
  const candidates: InteractionCandidate[] = [{ ...base, id, kind, ...targetFields(target) }];
  for (const person of mentions) {
    if (samePerson(person, target)) continue;
    candidates.push({ ...base, id: `${id}#mention:${personKey(person)}`, kind: 'mention', ...targetFields(person) });
  }
  return { candidates };
}

function replyAuthor(note: Note, inReplyTo: string, mentions: PersonRef[], directory: Directory): PersonRef | undefined {
  const replied = note.inReplyTo;
  if (replied && typeof replied === 'object') {
    const author = firstRefId((replied as { attributedTo?: unknown }).attributedTo);
    if (author !== undefined) return directory.person(author) ?? undefined;
  }
  const fromUri = authorOfStatus(inReplyTo);
  if (fromUri) {
    // Prefer the mention of the same person: its name is the true handle.
    const mentioned = mentions.find((m) => samePerson(m, fromUri) || (m.handle !== undefined && fromUri.handle !== undefined && normalizeHandle(m.handle) === normalizeHandle(fromUri.handle)));
    if (mentioned) return mentioned;
    return fromUri.uid !== undefined ? (directory.person(fromUri.uid) ?? fromUri) : fromUri;
  }
  // Mastodon puts the replied-to author's mention first.
  return mentions[0];
}

function mapAnnounce(activity: Activity, owner: Owner, directory: Directory): OutboxResult {
  const object = activity.object;
  const about = typeof object === 'string' ? object : object ? refId(object) : undefined;
  if (about === undefined) return { skip: 'a boost without the address of what it boosts' };
  const id = activity.id ?? `share:${normalizeHandle(owner.handle)}:${about}`;
  const time = timeFields(activity.published ?? (object && typeof object === 'object' ? object.published : undefined));
  if (typeof time === 'string') return { skip: `boost ${id}: ${time}` };

  let target: PersonRef | undefined;
  if (object && typeof object === 'object') {
    const author = firstRefId(object.attributedTo);
    if (author !== undefined) target = directory.person(author);
  }
  if (!target) {
    // Mastodon adds the boosted author's actor URI to `cc`.
    for (const address of [...(activity.cc ?? []), ...(activity.to ?? [])]) {
      const person = directory.person(address);
      if (person && !isOwner(person, owner)) {
        target = person;
        break;
      }
    }
  }
  if (!target) {
    const fromUri = authorOfStatus(about);
    target = fromUri?.uid !== undefined ? (directory.person(fromUri.uid) ?? fromUri) : fromUri;
  }
  if (isOwner(target, owner)) target = undefined;
  return {
    candidates: [{ type: 'interaction', platform: 'mastodon', id, ...time, kind: 'share', ...ownerFields(owner), about, ...targetFields(target) }],
  };
}
