import type { SourceItem } from '../source.js';
import { postOwner } from './comments.js';
import type { ReactionRow } from './linkedin-types.js';
import { contentHash, interaction, profileOnce, type MapContext, type Where } from './mapping.js';
import { postKey } from './posts.js';

/**
 * Reactions.csv (the owner's reactions: LIKE, PRAISE, EMPATHY, …) → `like` by the owner,
 * `about` = the post (URN or link), target as for comments.
 * Id: `reaction:<hash(Link, Date, Type)>` (FORMATS.md §4).
 */
export function mapReaction(row: ReactionRow, ctx: MapContext, where: Where): SourceItem[] {
  if (row.Link.trim() === '') return [{ skip: { ...where, reason: 'reaction without a Link' } }];
  const target = postOwner(row.Link, ctx);
  const id = `reaction:${contentHash(row.Link.trim(), row.Date.trim(), row.Type.trim())}`;
  return [
    ...profileOnce(ctx, target),
    interaction({ id, kind: 'like', atRaw: row.Date, actor: ctx.owner, target, about: postKey(row.Link) }, where),
  ];
}
