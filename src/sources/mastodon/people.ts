/**
 * Who is who in a Mastodon export. People appear as actor URIs (`https://host/users/name`), as
 * profile URLs (`https://host/@name`), as Mention tags (`{href, name:"@name@host"}`) and as
 * `acct` strings in the CSV exports (`name@host`). rapport names them by their fediverse handle
 * `@name@host` and, where the export gives it, keeps the actor URI as their `uid` (FORMATS §5:
 * the actor URI is Mastodon's natural key), so the same person seen by URI in one place and by
 * handle in another ends as one identity.
 */
import { normalizeHandle } from '../../domain/handles.js';

export interface PersonRef {
  readonly handle?: string;
  /** The actor URI, when known. */
  readonly uid?: string;
}

/** The export's owner. */
export interface Owner {
  readonly handle: string;
  readonly uid?: string;
  readonly name?: string;
  /** The owner's followers collection, to recognise followers-only addressing. */
  readonly followers?: string;
}

export const PUBLIC_ADDRESSES = new Set(['https://www.w3.org/ns/activitystreams#Public', 'as:Public', 'Public', 'as#Public']);

export function isPublicAddress(address: string): boolean {
  return PUBLIC_ADDRESSES.has(address);
}

/** A collection address (followers, following, a group's members), never a person. */
export function isCollectionAddress(address: string, owner?: Owner): boolean {
  if (owner?.followers !== undefined && address === owner.followers) return true;
  return /\/(followers|following|members|collections\/[^/]+)\/?$/i.test(address);
}

const NAME = /^[A-Za-z0-9_.~-]+$/;

function parseUrl(value: string): URL | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** `name@host`, `@name@host` or `acct:name@host` → `@name@host`; anything else → undefined. */
export function handleFromAcct(acct: string): string | undefined {
  const m = /^(?:acct:)?@?([^@\s/]+)@([^@\s/]+\.[^@\s/]+)$/i.exec(acct.trim());
  return m ? `@${m[1]}@${m[2]}` : undefined;
}

/**
 * The handle an actor or profile URL stands for: `https://host/users/name`, `https://host/@name`,
 * `https://host/u/name`, `https://host/profile/name` (also with a trailing slash). Liberal on
 * purpose; where the server's account domain differs from its web host, a Mention tag's name
 * (preferred where known) gives the true handle.
 */
export function handleFromActorUrl(value: string): string | undefined {
  const url = parseUrl(value);
  if (!url) return handleFromAcct(value);
  const parts = url.pathname.split('/').filter(Boolean);
  let name: string | undefined;
  if (parts.length === 1 && parts[0]!.startsWith('@')) name = parts[0]!.slice(1);
  else if (parts.length === 2 && ['users', 'u', 'profile', 'user', 'accounts'].includes(parts[0]!.toLowerCase())) name = parts[1];
  if (name === undefined) return undefined;
  name = decodeURIComponent(name);
  if (name.includes('@')) return handleFromAcct(name);
  return NAME.test(name) ? `@${name}@${url.host.toLowerCase()}` : undefined;
}

/**
 * The author of a status, from its URI or URL: `https://host/users/name/statuses/ID` gives the
 * actor URI and the handle; `https://host/@name/ID` gives the handle only.
 */
export function authorOfStatus(uri: string): PersonRef | undefined {
  const url = parseUrl(uri);
  if (!url) return undefined;
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts.length >= 4 && parts[0] === 'users' && parts[2] === 'statuses') {
    const actor = `${url.origin}/users/${parts[1]}`;
    const handle = handleFromActorUrl(actor);
    return handle ? { handle, uid: actor } : { uid: actor };
  }
  if (parts.length >= 2 && parts[0]!.startsWith('@')) {
    const handle = handleFromActorUrl(`${url.origin}/${parts[0]}`);
    return handle ? { handle } : undefined;
  }
  return undefined;
}

/**
 * Remembers which handle each actor URI stands for, learned from Mention tags as the outbox is
 * read; later references to the same actor by URI only then get the true handle.
 */
export class Directory {
  private readonly byUri = new Map<string, string>();

  constructor(private readonly owner?: () => Owner | undefined) {}

  learn(uri: string, handle: string): void {
    if (!this.byUri.has(uri)) this.byUri.set(uri, handle);
  }

  /** A person named by actor URI; undefined for public or collection addresses. */
  person(uri: string): PersonRef | undefined {
    if (isPublicAddress(uri) || isCollectionAddress(uri, this.owner?.())) return undefined;
    const handle = this.byUri.get(uri) ?? handleFromActorUrl(uri);
    if (handle === undefined && !parseUrl(uri)) return undefined;
    return handle === undefined ? { uid: uri } : { handle, uid: uri };
  }
}

export function isOwner(ref: PersonRef | undefined, owner: Owner): boolean {
  if (!ref) return false;
  if (ref.uid !== undefined && owner.uid !== undefined && ref.uid === owner.uid) return true;
  return ref.handle !== undefined && normalizeHandle(ref.handle) === normalizeHandle(owner.handle);
}

export function samePerson(a: PersonRef | undefined, b: PersonRef | undefined): boolean {
  if (!a || !b) return false;
  if (a.uid !== undefined && b.uid !== undefined) return a.uid === b.uid;
  return a.handle !== undefined && b.handle !== undefined && normalizeHandle(a.handle) === normalizeHandle(b.handle);
}

/** A stable text key for a person, used inside derived interaction ids. */
export function personKey(ref: PersonRef): string {
  return ref.uid ?? normalizeHandle(ref.handle ?? '');
}
