/**
 * Invitations.csv → `follow` by the inviter of the invitee (on LinkedIn, sending an invitation
 * makes you follow that member), with the invitation's note as text. `Direction` OUTGOING makes
 * the owner the actor (outbound); INCOMING makes the other side the actor (inbound). Some exports
 * lack the profile-URL columns: people are then resolved by name (see people.ts).
 *
 * Id: `invite:<hash(Direction, From, To, Sent At)>` — the URL columns are left out of the hash
 * so that exports with and without them give the same id.
 */
import type { SourceItem } from '../source.js';
import type { InvitationRow } from './linkedin-types.js';
import { contentHash, interaction, profileOnce, type MapContext, type Where } from './mapping.js';

export function mapInvitation(row: InvitationRow, ctx: MapContext, where: Where): SourceItem[] {
  const direction = row.Direction.trim().toUpperCase();
  const from = ctx.people.resolve(row.From, row.inviterProfileUrl);
  const to = ctx.people.resolve(row.To, row.inviteeProfileUrl);
  let outgoing: boolean;
  if (direction === 'OUTGOING' || direction === 'SENT') outgoing = true;
  else if (direction === 'INCOMING' || direction === 'RECEIVED') outgoing = false;
  else if (ctx.people.isOwner(from)) outgoing = true;
  else if (ctx.people.isOwner(to)) outgoing = false;
  else return [{ skip: { ...where, reason: `invitation with unknown Direction ${JSON.stringify(row.Direction)} between two people who are not you` } }];
  const other = outgoing ? to : from;
  if (!other) return [{ skip: { ...where, reason: 'invitation without a name or profile URL for the other person' } }];
  const id = `invite:${contentHash(direction, row.From.trim(), row.To.trim(), row['Sent At'].trim())}`;
  const message = row.Message.trim();
  return [
    ...profileOnce(ctx, other),
    interaction({
      id,
      kind: 'follow',
      atRaw: row['Sent At'],
      actor: outgoing ? ctx.owner : other,
      target: outgoing ? other : ctx.owner,
      text: message,
    }, where),
  ];
}
