/**
 * Comments.csv (the owner's comments) → `reply` by the owner, `inReplyTo` = the commented post
 * (its URN when the link holds one). The target is known when the link names the post's author
 * (`/posts/<vanity>_…`) or the post is one of the owner's own shares; otherwise there is none:
 * the file says which post, not whose.
 *
 * Id: `comment:<hash(Link, Date, Message)>` (FORMATS.md §4).
 */
import type { SourceItem } from '../source.js';
import type { CommentRow } from './linkedin-types.js';
import { contentHash, interaction, profileOnce, type MapContext, type Where } from './mapping.js';
import type { PersonRef } from './people.js';
import { postAuthor, postKey } from './posts.js';

/** Whose post a link is on, when that is known. */
export function postOwner(link: string, ctx: MapContext): PersonRef | undefined {
  const key = postKey(link);
  if (key !== undefined && ctx.ownPosts.has(key)) return ctx.owner;
  const handle = postAuthor(link);
  if (!handle) return undefined;
  return ctx.people.isOwner({ handle }) ? ctx.owner : { handle, url: `https://www.linkedin.com/${handle}` };
}

export function mapComment(row: CommentRow, ctx: MapContext, where: Where): SourceItem[] {
  if (row.Link.trim() === '' && row.Message.trim() === '') return [];
  const target = postOwner(row.Link, ctx);
  const id = `comment:${contentHash(row.Link.trim(), row.Date.trim(), row.Message)}`;
  return [
    ...profileOnce(ctx, target),
    interaction({ id, kind: 'reply', atRaw: row.Date, actor: ctx.owner, target, text: row.Message, inReplyTo: postKey(row.Link) }, where),
  ];
}
