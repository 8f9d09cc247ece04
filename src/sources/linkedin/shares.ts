/**
 * Shares.csv (the owner's own posts) → `post`, `share` or `quote`, actor = the owner.
 * - empty ShareCommentary with a SharedUrl: a plain reshare → `share` (`about` = the shared post);
 * - commentary and a SharedUrl that is a LinkedIn post: a reshare with thoughts → `quote`;
 * - otherwise a `post`; a shared outside link is appended to the text on its own line (the
 *   language engine looks for links when it judges self-promotion).
 * The share/quote target is the shared post's author when the link says it (`/posts/<vanity>_…`).
 *
 * Id: the post's own URN from ShareLink (`urn:li:share:<n>` / `urn:li:ugcPost:<n>`): LinkedIn's
 * id, stable across exports; without one, `share:<hash(Date, ShareLink, ShareCommentary)>`.
 */
import type { SourceItem } from '../source.js';
import type { ShareRow } from './linkedin-types.js';
import { contentHash, interaction, profileOnce, type MapContext, type Where } from './mapping.js';
import { isLinkedInPost, postAuthor, postKey } from './posts.js';

export function mapShare(row: ShareRow, ctx: MapContext, where: Where): SourceItem[] {
  const own = postKey(row.ShareLink);
  const id = own && own.startsWith('urn:li:') ? own : `share:${contentHash(row.Date.trim(), row.ShareLink.trim(), row.ShareCommentary)}`;
  ctx.ownPosts.add(id);
  const commentary = row.ShareCommentary.trim() === '' ? '' : row.ShareCommentary;
  const shared = row.SharedUrl.trim();
  if (shared !== '' && (commentary === '' || isLinkedInPost(shared))) {
    const authorHandle = postAuthor(shared);
    const author = authorHandle ? (ctx.people.isOwner({ handle: authorHandle }) ? ctx.owner : { handle: authorHandle, url: `https://www.linkedin.com/${authorHandle}` }) : undefined;
    return [
      ...profileOnce(ctx, author),
      interaction({ id, kind: commentary === '' ? 'share' : 'quote', atRaw: row.Date, actor: ctx.owner, target: author, text: commentary, about: postKey(shared) }, where),
    ];
  }
  const text = shared !== '' && !commentary.includes(shared) ? `${commentary}\n${shared}` : commentary;
  return [interaction({ id, kind: 'post', atRaw: row.Date, actor: ctx.owner, text }, where)];
}
