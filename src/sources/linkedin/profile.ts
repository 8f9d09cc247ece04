/**
 * Profile.csv (the owner) and how the owner is found. LinkedIn has no handle and Profile.csv
 * (First Name, Last Name, Headline, Summary, Geo Location, …) usually has no profile URL. The
 * owner's account handle is, in order of preference:
 * 1. `in/<vanity>` from a URL column of Profile.csv, when an export has one;
 * 2. `in/<vanity>` from Invitations.csv (inviterProfileUrl of an OUTGOING invitation,
 *    inviteeProfileUrl of an INCOMING one);
 * 3. `in/<vanity>` of the owner's name as it appears with a URL in messages or connections
 *    (unique within the export);
 * 4. without a name (no Profile.csv, no invitations): the participant present in the most
 *    conversations of messages.csv — the owner is in all of them;
 * 5. `name:<First Last>` when only the name is known, and `in/me` when nothing is (e.g. a lone
 *    Shares.csv; `me` is shorter than any real LinkedIn vanity, so it cannot collide).
 */
import { InputError } from '../../domain/errors.js';
import type { SourceRecord } from '../../domain/records.js';
import type { SourceItem } from '../source.js';
import type { ProfileRow } from './linkedin-types.js';
import { PLATFORM } from './mapping.js';
import { fullName, parseProfileUrl, refKey, type PeopleIndex, type PersonRef } from './people.js';

export interface OwnerClues {
  profile?: { name: string; url: string; headline: string; location: string };
  /** From invitations: the owner's own name and URL as written there. */
  invitation?: { name: string; url: string };
}

export function profileClue(row: ProfileRow): NonNullable<OwnerClues['profile']> {
  const url = [row['Public Profile URL'], row['Profile URL'], row.URL, row['Public Identifier'], row['Vanity Name']]
    .map((v) => v.trim())
    .find((v) => v !== '') ?? '';
  return {
    name: fullName(row['First Name'], row['Last Name']),
    // A bare public identifier ("ana-souza") is a vanity.
    url: url !== '' && !url.includes('/') ? `in/${url}` : url,
    headline: row.Headline.trim() || row.Summary.trim(),
    location: row['Geo Location'].trim(),
  };
}

export type Owner = PersonRef & { readonly handle: string };

export function findOwner(
  clues: OwnerClues,
  people: PeopleIndex,
  conversations: ReadonlyMap<string, readonly { name: string; url: string }[]>,
  where: { label: string; messagesFile?: string | undefined },
): Owner {
  const name = clues.profile?.name || clues.invitation?.name || undefined;
  const parsed = parseProfileUrl(clues.profile?.url ?? '') ?? parseProfileUrl(clues.invitation?.url ?? '');
  const withName = (ref: Omit<Owner, 'name'>): Owner => (name ? { ...ref, name } : ref);
  if (parsed?.handle) return withName({ handle: parsed.handle, url: parsed.url });
  if (name) {
    const handle = people.uniqueHandleFor(name);
    if (handle) return withName({ handle, url: `https://www.linkedin.com/${handle}`, ...(parsed?.uid ? { uid: parsed.uid } : {}) });
    if (parsed?.uid) return withName({ handle: `in/${parsed.uid}`, uid: parsed.uid, url: parsed.url });
    return withName({ handle: `name:${name}` });
  }
  if (conversations.size > 0) {
    const counts = new Map<string, { ref: PersonRef; n: number }>();
    for (const participants of conversations.values()) {
      const seen = new Set<string>();
      for (const p of participants) {
        const ref = people.resolve(p.name, p.url);
        if (!ref) continue;
        const key = refKey(ref);
        if (seen.has(key)) continue;
        seen.add(key);
        const c = counts.get(key) ?? { ref, n: 0 };
        c.n++;
        counts.set(key, c);
      }
    }
    const ranked = [...counts.values()].sort((a, b) => b.n - a.n);
    const [first, second] = ranked;
    if (first && (!second || first.n > second.n)) {
      const ref = first.ref;
      return { ...ref, handle: ref.handle ?? `in/${ref.uid}` };
    }
    throw new InputError(`${where.label}: ${where.messagesFile ?? 'messages.csv'}: cannot tell which participant of the conversations is you`, {
      hint: 'Import the whole LinkedIn export (zip or folder, with Profile.csv) rather than messages.csv alone. Nothing was imported.',
    });
  }
  return withName({ handle: 'in/me' });
}

/** The owner's records, yielded first so that every interaction they made is outbound. */
export function ownerRecords(owner: Owner, clues: OwnerClues): SourceItem[] {
  const account: Record<string, unknown> = { type: 'account', platform: PLATFORM, handle: owner.handle };
  if (owner.uid !== undefined) account.uid = owner.uid;
  if (owner.name) account.name = owner.name;
  const items: SourceItem[] = [{ record: account as SourceRecord }];
  const profile: Record<string, unknown> = { type: 'profile', platform: PLATFORM, handle: owner.handle };
  if (owner.name) profile.name = owner.name;
  if (owner.url) profile.url = owner.url;
  if (clues.profile?.headline) profile.bio = clues.profile.headline;
  if (clues.profile?.location) profile.location = clues.profile.location;
  if (Object.keys(profile).length > 3) items.push({ record: profile as SourceRecord });
  return items;
}
