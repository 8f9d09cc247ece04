/**
 * Connections.csv → a `profile` per connection (name, URL, "Position at Company" as bio) and a
 * `follow` from the connection to the owner, id `connect:<handle>`.
 *
 * A LinkedIn connection is mutual and the file does not say who asked. It is recorded as the
 * contact following the owner ("they are in your network since Connected On"), which is what
 * the coach needs: a pitch sent right after a new connection is the cold blast the playbook
 * stops. Who asked is recorded separately from Invitations.csv (each invitation is a `follow`
 * by the inviter: LinkedIn makes the inviter follow the invitee). E-mail addresses are not kept.
 */
import type { SourceItem } from '../source.js';
import type { ConnectionRow } from './linkedin-types.js';
import { interaction, profileOf, type MapContext, type Where } from './mapping.js';
import { fullName, refKey } from './people.js';

export function mapConnection(row: ConnectionRow, ctx: MapContext, where: Where): SourceItem[] {
  const name = fullName(row['First Name'], row['Last Name']);
  const ref = ctx.people.resolveConnection(name, row.URL, row['Connected On']);
  if (!ref) return []; // a blank row
  if (ctx.people.isOwner(ref)) return [];
  ctx.profiled.add(refKey(ref));
  const position = row.Position.trim();
  const company = row.Company.trim();
  const bio = position && company ? `${position} at ${company}` : position || company;
  const items: SourceItem[] = [{ record: profileOf(ref, { bio }) }];
  if (row['Connected On'].trim() === '') {
    items.push({ skip: { ...where, reason: `connection ${name || ref.handle} has no "Connected On" date: the person is kept, the connection event is not` } });
    return items;
  }
  // Stable: the contact's identity key; re-connecting later does not add a second connection.
  const id = `connect:${ref.handle ?? ref.uid}`;
  items.push(interaction({ id, kind: 'follow', atRaw: row['Connected On'], actor: ref, target: ctx.owner }, where));
  return items;
}
