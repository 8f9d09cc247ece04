/**
 * `like.js` → outbound `like` interactions: `{ like: { tweetId, fullText?, expandedUrl? } }`.
 *
 * - Id: `like:<owner uid>:<tweet id>` (FORMATS.md: like = (owner accountId, tweetId)).
 * - about = the liked tweet's id; target = its author only when `expandedUrl` names one
 *   (`twitter.com/<user>/status/<id>`; the usual `/i/web/status/` names nobody).
 * - Time: like.js has none. The documented deterministic fallback is the liked tweet's creation
 *   time read from its snowflake id (a lower bound of the like, and usually close to it); for
 *   pre-2010 ids without a time inside, the same fallback as follows (archive generation date).
 *   Never the clock. `atRaw` stays empty: there is no raw value.
 * - No text: `fullText` is the liked tweet's words, not the owner's (it would skew the analysis
 *   of what the owner writes).
 */
import type { InteractionRecord } from '../../domain/records.js';
import { idOf, unwrap, xHandle, type Owner, type RawLike } from './x-types.js';
import { snowflakeTime } from './x-time.js';
import type { MapResult } from './tweets.js';

const STATUS_URL = /^https?:\/\/(?:www\.|mobile\.)?(?:twitter|x)\.com\/([A-Za-z0-9_]+)\/status(?:es)?\/(\d+)/i;

export function mapLike(item: unknown, owner: Owner, fallbackAt: string): MapResult {
  const like = unwrap<RawLike>(item, 'like');
  if (!like) return { skip: 'not a like entry' };
  const tweetId = idOf(like.tweetId);
  if (tweetId === undefined) return { skip: 'like without a tweetId' };
  const record: InteractionRecord = {
    type: 'interaction', platform: 'x', id: `like:${owner.uid}:${tweetId}`, kind: 'like',
    at: snowflakeTime(tweetId) ?? fallbackAt, actor: owner.handle, actorUid: owner.uid, about: tweetId,
  };
  const m = typeof like.expandedUrl === 'string' ? STATUS_URL.exec(like.expandedUrl) : null;
  if (m && m[1]!.toLowerCase() !== 'i' && !owner.screenNames.has(m[1]!.toLowerCase())) record.target = xHandle(m[1]!);
  return { records: [record] };
}
