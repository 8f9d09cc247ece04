/**
 * `follower.js` / `following.js` → `follow` interactions. X gives only the other account's id
 * (`accountId`, `userLink = https://twitter.com/intent/user?user_id=<id>`): the person is
 * recorded by uid alone and completed when a later record names their handle.
 *
 * - follower  → inbound: actorUid = them, target = the owner.
 * - following → outbound: actor = the owner, targetUid = them.
 * - Id: there is none, so it is the edge itself, `follow:<follower uid>:<followed uid>` — stable
 *   across re-imports and overlapping archives (FORMATS.md: "follow edge (owner, accountId,
 *   direction)"), and the same edge whichever of the two archives lists it.
 * - Time: the archive has none. The documented deterministic fallback is the archive's
 *   generation date (`manifest.js` `archiveInfo.generationDate`: the follow existed by then),
 *   else the owner's account creation date, else 2006-03-21 (X's first day). Never the clock.
 *   `atRaw` is left empty: there is no raw value.
 */
import type { SourceRecord } from '../../domain/records.js';
import { isObject, unwrap, userIdOf, type Owner, type RawFollow } from './x-types.js';
import type { MapResult } from './tweets.js';

export type FollowSide = 'follower' | 'following';

export function mapFollow(item: unknown, side: FollowSide, owner: Owner, at: string): MapResult {
  const follow = unwrap<RawFollow>(item, side);
  if (!follow || !isObject(follow)) return { skip: `not a ${side} entry` };
  const uid = userIdOf(follow.accountId) ?? userIdFromLink(follow.userLink);
  if (uid === undefined) return { skip: `${side} entry without an accountId` };
  if (uid === owner.uid) return { records: [] };
  const record: SourceRecord = side === 'follower'
    ? { type: 'interaction', platform: 'x', id: `follow:${uid}:${owner.uid}`, at, kind: 'follow', actorUid: uid, target: owner.handle, targetUid: owner.uid }
    : { type: 'interaction', platform: 'x', id: `follow:${owner.uid}:${uid}`, at, kind: 'follow', actor: owner.handle, actorUid: owner.uid, targetUid: uid };
  return { records: [record] };
}

function userIdFromLink(link: unknown): string | undefined {
  if (typeof link !== 'string') return undefined;
  const m = /[?&]user_id=(\d+)/.exec(link);
  return m ? userIdOf(m[1]) : undefined;
}
