/**
 * likes.json: an OrderedCollection whose items are the URIs of the statuses the owner favourited
 * — no time, no author (FORMATS §1.1).
 *
 * - id: `like:<owner handle>:<status URI>` (the export's natural key is the pair owner, status),
 *   stable across re-imports and newer archives.
 * - target: the status's author where its URI names one (`/users/NAME/statuses/ID`, `/@NAME/ID`);
 *   otherwise the like is kept without a target (its `about` still names the status).
 * - time (deterministic, never the wall clock): the time the liked status was written, decoded
 *   from its Mastodon id (a like cannot be older than the post); for statuses whose URI carries
 *   no Mastodon id, 1970-01-01T00:00:00Z, which stands for "unknown". `atRaw` is left out: the
 *   export has no time to keep.
 * - bookmarks.json has the same shape: bookmarks are private reading lists, not interactions,
 *   and are not imported.
 */
import { normalizeHandle } from '../../domain/handles.js';
import { refId } from './mastodon-types.js';
import type { InteractionCandidate } from './outbox.js';
import { authorOfStatus, isOwner, type Directory, type Owner } from './people.js';
import { timeFromStatusUri, UNKNOWN_TIME } from './time.js';

export type LikeCandidate = Omit<InteractionCandidate, 'kind'> & { kind: 'like' };

export function mapLike(item: unknown, owner: Owner, directory: Directory): LikeCandidate | string {
  const uri = refId(item);
  if (uri === undefined) return 'not a status address';
  const fromUri = authorOfStatus(uri);
  let target = fromUri?.uid !== undefined ? (directory.person(fromUri.uid) ?? fromUri) : fromUri;
  if (isOwner(target, owner)) target = undefined;
  return {
    type: 'interaction',
    platform: 'mastodon',
    id: `like:${normalizeHandle(owner.handle)}:${uri}`,
    at: timeFromStatusUri(uri) ?? UNKNOWN_TIME,
    kind: 'like',
    actor: owner.handle,
    ...(owner.uid !== undefined ? { actorUid: owner.uid } : {}),
    ...(target?.handle !== undefined ? { target: target.handle } : {}),
    ...(target?.uid !== undefined ? { targetUid: target.uid } : {}),
    about: uri,
  };
}
