/**
 * actor.json: the archive owner's ActivityPub `Person`. Its `id` (the actor URI) is the owner's
 * identity; the handle is `@preferredUsername@host-of-id` (or the `webfinger` address where the
 * server publishes one).
 */
import type { AccountRecord, ProfileRecord } from '../../domain/records.js';
import { htmlToText } from './html-text.js';
import { activitySchema, actorSchema, firstRefId, refId, type Actor } from './mastodon-types.js';
import { handleFromAcct, handleFromActorUrl, type Owner } from './people.js';
import { toUtc } from './time.js';

export type ActorResult = { ok: true; owner: Owner; actor: Actor } | { ok: false; reason: string };

export function ownerFromActorJson(value: unknown): ActorResult {
  const parsed = actorSchema.safeParse(value);
  if (!parsed.success) return { ok: false, reason: 'it is not an ActivityPub actor (no "id")' };
  const actor = parsed.data;
  let handle = actor.webfinger !== undefined ? handleFromAcct(actor.webfinger) : undefined;
  if (handle === undefined && actor.preferredUsername) {
    try {
      handle = `@${actor.preferredUsername}@${new URL(actor.id).host.toLowerCase()}`;
    } catch {
      handle = undefined;
    }
  }
  handle ??= handleFromActorUrl(actor.id);
  if (handle === undefined) return { ok: false, reason: `cannot tell the account's handle from id ${JSON.stringify(actor.id)} and preferredUsername` };
  const followers = refId(actor.followers) ?? `${actor.id.replace(/\/$/, '')}/followers`;
  const name = actor.name?.trim() || undefined;
  return { ok: true, owner: { handle, uid: actor.id, followers, ...(name ? { name } : {}) }, actor };
}

/** The owner of a lone outbox.json (no actor.json next to it): the actor of its activities. */
export function ownerFromActivity(value: unknown): Owner | undefined {
  const parsed = activitySchema.safeParse(value);
  if (!parsed.success) return undefined;
  const object = parsed.data.object;
  const uri = firstRefId(parsed.data.actor) ?? (object && typeof object === 'object' ? firstRefId(object.attributedTo) : undefined);
  if (uri === undefined) return undefined;
  const handle = handleFromActorUrl(uri);
  return handle === undefined ? undefined : { handle, uid: uri, followers: `${uri.replace(/\/$/, '')}/followers` };
}

export function accountRecord(owner: Owner): AccountRecord {
  return {
    type: 'account',
    platform: 'mastodon',
    handle: owner.handle,
    ...(owner.uid !== undefined ? { uid: owner.uid } : {}),
    ...(owner.name !== undefined ? { name: owner.name } : {}),
  };
}

/** The owner's profile details (bio, profile URL, creation date), when actor.json has them. */
export function ownerProfile(owner: Owner, actor: Actor): ProfileRecord | undefined {
  const bio = actor.summary ? htmlToText(actor.summary) : '';
  const url = firstRefId(actor.url);
  const created = toUtc(actor.published);
  const profile: ProfileRecord = {
    type: 'profile',
    platform: 'mastodon',
    handle: owner.handle,
    ...(owner.uid !== undefined ? { uid: owner.uid } : {}),
    ...(owner.name !== undefined ? { name: owner.name } : {}),
    ...(bio ? { bio } : {}),
    ...(url !== undefined ? { url } : {}),
    ...(created !== undefined ? { created } : {}),
  };
  return Object.keys(profile).length > 4 ? profile : undefined;
}
