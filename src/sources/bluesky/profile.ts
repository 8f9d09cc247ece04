/**
 * The owner's identity. A repository names its owner by DID only: the handle lives in the DID
 * document (PLC directory or did:web), which an offline import cannot read, and the in-app export
 * is always saved as `repo.car`. So the account's handle is the DID string itself (the `account`
 * record requires a handle); `uid` is the DID too. `app.bsky.actor.profile/self` gives the name
 * and bio.
 */
import type { AccountRecord, ProfileRecord } from '../../domain/records.js';
import { bskyProfileSchema } from './bluesky-types.js';
import { parseBskyTime } from './times.js';

export function ownerAccount(did: string, profile: unknown): AccountRecord {
  const name = profileFields(profile).displayName;
  return { type: 'account', platform: 'bluesky', handle: did, uid: did, ...(name !== undefined ? { name } : {}) };
}

/** The owner's profile record, or undefined when the repository has no profile. */
export function ownerProfile(did: string, profile: unknown): ProfileRecord | undefined {
  if (profile === undefined) return undefined;
  const p = profileFields(profile);
  const created = parseBskyTime(p.createdAt);
  return {
    type: 'profile',
    platform: 'bluesky',
    handle: did,
    uid: did,
    ...(p.displayName !== undefined ? { name: p.displayName } : {}),
    ...(p.description !== undefined ? { bio: p.description } : {}),
    ...(p.website !== undefined ? { url: p.website } : {}),
    avatar: p.avatar !== undefined && p.avatar !== null,
    ...(created !== undefined ? { created } : {}),
  };
}

function profileFields(profile: unknown) {
  const parsed = bskyProfileSchema.safeParse(profile ?? {});
  const p = parsed.success ? parsed.data : {};
  const clean = (s: string | undefined) => (s !== undefined && s.trim() !== '' ? s.trim() : undefined);
  return {
    displayName: clean(p.displayName),
    description: clean(p.description),
    website: clean(p.website),
    avatar: p.avatar,
    createdAt: p.createdAt,
  };
}
