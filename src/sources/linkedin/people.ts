/**
 * Who is who in a LinkedIn export. LinkedIn exports carry no member ids, only profile URLs
 * (whose vanity part the member can change) and display names (FORMATS.md §4). rapport keys a
 * LinkedIn identity by its profile path:
 *
 * - handle `in/<vanity>` (lowercased, percent-decoded) from `https://www.linkedin.com/in/<vanity>/`
 *   — country hosts, `http`, a missing `www`, query strings and trailing slashes are ignored;
 *   company and school pages keep their own path (`company/acme`).
 * - a URL whose "vanity" is an opaque member token (`/in/ACoAAB…`, seen in message exports) is
 *   kept as the identity's `uid`; the handle comes from the name when the export names that
 *   person exactly once with a vanity URL, so the two halves meet in one identity.
 * - a mention without a URL (Invitations without URL columns, a connection who hides it) is
 *   attached to a URL identity only when exactly ONE person of that name has a URL somewhere in
 *   the same export (or it is the owner's own name); otherwise it gets the handle
 *   `name:<Display Name>`, so two different people of the same name are never merged through a
 *   URL, and one URL-less person is one identity across the files of the export. Two URL-less
 *   connections with the same name are told apart by their connection date:
 *   `name:<Display Name> (<Connected On>)`.
 * - a sender with neither name nor URL (a deleted member) is `conversation:<CONVERSATION ID>`.
 */
export interface PersonRef {
  readonly handle?: string;
  readonly uid?: string;
  readonly name?: string;
  readonly url?: string;
}

const MEMBER_TOKEN = /^ACo[A-Za-z0-9_-]{10,}$/;
const PROFILE_KINDS = new Set(['in', 'company', 'school', 'showcase', 'pub']);

export interface ParsedProfileUrl {
  /** `in/ana-souza`; undefined for an opaque member token. */
  readonly handle?: string;
  /** The opaque member token (`ACoAAB…`), when the URL carries one instead of a vanity. */
  readonly uid?: string;
  /** The URL rebuilt in canonical form. */
  readonly url: string;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function parseProfileUrl(raw: string): ParsedProfileUrl | undefined {
  let text = raw.trim();
  if (text === '') return undefined;
  if (!/^[a-z]+:\/\//i.test(text)) {
    if (/^([a-z]{2,3}\.|www\.)?linkedin\.com\//i.test(text)) text = `https://${text}`;
    else if (/^(in|company|school|showcase|pub)\/[^/\s]/i.test(text)) text = `https://www.linkedin.com/${text}`;
    else return undefined;
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (!/(^|\.)linkedin\.com$/i.test(url.hostname)) return undefined;
  const parts = url.pathname.split('/').filter((p) => p !== '').map(safeDecode);
  const kind = parts[0]?.toLowerCase();
  if (!kind || !PROFILE_KINDS.has(kind) || parts.length < 2) return undefined;
  if (kind === 'in' && MEMBER_TOKEN.test(parts[1]!)) {
    return { uid: parts[1]!, url: `https://www.linkedin.com/in/${parts[1]}` };
  }
  const rest = kind === 'pub' ? parts.slice(1) : parts.slice(1, 2);
  const path = `${kind}/${rest.join('/')}`.normalize('NFC').toLowerCase();
  return { handle: path, url: `https://www.linkedin.com/${encodeURI(path)}` };
}

/** Names compared without case, accents kept, spaces collapsed. */
export function nameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export function displayName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ');
}

export function fullName(first: string, last: string): string {
  return displayName(`${first} ${last}`);
}

/** LinkedIn's stand-in for a member who left or hides their name. */
function isAnonymous(name: string): boolean {
  const key = nameKey(name);
  return key === '' || key === 'linkedin member' || key === 'linkedin user';
}

/** The key that says whether two refs are the same identity (uid first, then handle). */
export function refKey(ref: PersonRef): string {
  return ref.uid !== undefined ? `u:${ref.uid}` : `h:${(ref.handle ?? '').toLowerCase()}`;
}

/**
 * Built in a first pass over the export: every (name, URL) pair seen, the owner, and the
 * URL-less connection names that occur more than once.
 */
export class PeopleIndex {
  private readonly handlesByName = new Map<string, Set<string>>();
  private readonly urllessConnections = new Map<string, number>();
  private owner: PersonRef | undefined;
  private ownerName: string | undefined;

  /** Records that `name` was seen with `url`. */
  learn(name: string, url: string): void {
    const parsed = parseProfileUrl(url);
    if (!parsed?.handle || isAnonymous(name)) return;
    const key = nameKey(name);
    let set = this.handlesByName.get(key);
    if (!set) this.handlesByName.set(key, (set = new Set()));
    set.add(parsed.handle);
  }

  learnUrllessConnection(name: string): void {
    const key = nameKey(name);
    this.urllessConnections.set(key, (this.urllessConnections.get(key) ?? 0) + 1);
  }

  setOwner(owner: PersonRef): void {
    this.owner = owner;
    this.ownerName = owner.name !== undefined ? nameKey(owner.name) : undefined;
  }

  get ownerRef(): PersonRef | undefined {
    return this.owner;
  }

  /** The one vanity handle known for this name in the export, if exactly one. */
  uniqueHandleFor(name: string): string | undefined {
    const set = this.handlesByName.get(nameKey(name));
    return set && set.size === 1 ? [...set][0] : undefined;
  }

  /** Resolves a (name, URL) mention to an identity; undefined when there is neither. */
  resolve(name: string, url: string): PersonRef | undefined {
    const shown = displayName(name);
    const withName = (ref: PersonRef): PersonRef => (isAnonymous(shown) ? ref : { ...ref, name: shown });
    const parsed = parseProfileUrl(url);
    if (parsed?.handle) return withName({ handle: parsed.handle, url: parsed.url });
    if (this.isOwnerName(shown) && (!parsed || this.owner?.uid === undefined || parsed.uid === this.owner.uid)) return this.owner;
    if (parsed?.uid) {
      if (parsed.uid === this.owner?.uid) return this.owner;
      const handle = isAnonymous(shown) ? undefined : this.uniqueHandleFor(shown);
      return withName(handle ? { uid: parsed.uid, handle, url: parsed.url } : { uid: parsed.uid, url: parsed.url });
    }
    if (isAnonymous(shown)) return undefined;
    const handle = this.uniqueHandleFor(shown);
    return withName({ handle: handle ?? `name:${shown}` });
  }

  /** A connection row: like `resolve`, with same-name URL-less connections kept apart. */
  resolveConnection(name: string, url: string, connectedOn: string): PersonRef | undefined {
    const parsed = parseProfileUrl(url);
    if (!parsed && !isAnonymous(name) && (this.urllessConnections.get(nameKey(name)) ?? 0) > 1) {
      const shown = displayName(name);
      return { handle: `name:${shown} (${connectedOn.trim()})`, name: shown };
    }
    return this.resolve(name, url);
  }

  isOwnerName(name: string): boolean {
    return this.ownerName !== undefined && nameKey(name) === this.ownerName;
  }

  isOwner(ref: PersonRef | undefined): boolean {
    if (!ref || !this.owner) return false;
    if (ref === this.owner) return true;
    if (ref.uid !== undefined && ref.uid === this.owner.uid) return true;
    return ref.handle !== undefined && this.owner.handle !== undefined && ref.handle.toLowerCase() === this.owner.handle.toLowerCase();
  }
}
