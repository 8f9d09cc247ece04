/**
 * messages.csv → `dm`. Both column sets are read by header name: the old one
 * (CONVERSATION ID … CONTENT, FOLDER) and the newer one that adds ATTACHMENTS, IS MESSAGE DRAFT
 * and IS CONVERSATION ARCHIVED. Drafts (IS MESSAGE DRAFT = Yes/true) were never sent and are
 * left out. SUBJECT, when there is one (InMail), is kept in front of the text.
 *
 * Which side is the owner: the sender is the owner when their URL (or, without one, their name)
 * is the owner's. An inbound message targets the owner; an outbound one targets each recipient
 * (TO / RECIPIENT PROFILE URLS, several in a group conversation), or, when those are empty, the
 * other people seen in the conversation.
 *
 * Id: `msg:<hash(CONVERSATION ID, DATE, sender URL or FROM, CONTENT)>` (FORMATS.md §4), with
 * `/<recipient URL or name>` appended for each recipient when an outbound message went to
 * several people (one `dm` per person who received it).
 */
import type { SourceItem } from '../source.js';
import type { MessageRow } from './linkedin-types.js';
import { contentHash, interaction, profileOnce, type MapContext, type Where } from './mapping.js';
import { nameKey, parseProfileUrl, refKey, type PersonRef } from './people.js';

const URL_IN_LIST = /(?:https?:\/\/)?(?:[a-z]{2,3}\.|www\.)?linkedin\.com\/[^\s,;]+/gi;

export function isDraft(row: MessageRow): boolean {
  return /^(yes|true|1|y)$/i.test(row['IS MESSAGE DRAFT'].trim());
}

/**
 * The recipients named by a row: URLs from RECIPIENT PROFILE URLS, names from TO. Several names
 * are split on commas only when the count matches the URLs, or when every part is a name the
 * export knows (a name alone may contain a comma: "Ana Souza, PhD").
 */
export function recipientsOf(row: MessageRow, knownName: (name: string) => boolean): { name: string; url: string }[] {
  const urls = row['RECIPIENT PROFILE URLS'].match(URL_IN_LIST) ?? [];
  const to = row.TO.trim();
  if (urls.length > 1) {
    const names = to.split(',').map((n) => n.trim());
    return urls.map((url, i) => ({ url, name: names.length === urls.length ? names[i]! : '' }));
  }
  if (urls.length === 1) return [{ url: urls[0]!, name: to }];
  if (to === '') return [];
  const parts = to.split(',').map((n) => n.trim()).filter((n) => n !== '');
  if (parts.length > 1 && parts.every(knownName)) return parts.map((name) => ({ name, url: '' }));
  return [{ name: to, url: '' }];
}

export function mapMessage(row: MessageRow, ctx: MapContext, where: Where): SourceItem[] {
  if (isDraft(row)) return [];
  const conversation = row['CONVERSATION ID'].trim();
  const people = ctx.people;
  const sender = people.resolve(row.FROM, row['SENDER PROFILE URL']) ?? { handle: `conversation:${conversation}` };
  const senderKey = parseProfileUrl(row['SENDER PROFILE URL'])?.url ?? row.FROM.trim();
  const baseId = `msg:${contentHash(conversation, row.DATE.trim(), senderKey, row.CONTENT)}`;
  const subject = row.SUBJECT.trim();
  const content = row.CONTENT;
  const text = subject && !content.includes(subject) ? (content.trim() ? `${subject}\n\n${content}` : subject) : content;

  if (!people.isOwner(sender)) {
    return [...profileOnce(ctx, sender), interaction({ id: baseId, kind: 'dm', atRaw: row.DATE, actor: sender, target: ctx.owner, text }, where)];
  }

  const known = (n: string) => people.isOwnerName(n) || people.uniqueHandleFor(n) !== undefined || (ctx.conversations.get(conversation) ?? []).some((p) => nameKey(p.name) === nameKey(n));
  let named = recipientsOf(row, known);
  let targets = resolveAll(ctx, named);
  if (targets.length === 0) {
    named = [...(ctx.conversations.get(conversation) ?? [])];
    targets = resolveAll(ctx, named);
  }
  if (targets.length === 0) return [{ skip: { ...where, reason: 'a message of yours with no recipient other than you' } }];
  const items: SourceItem[] = [];
  for (const { ref, raw } of targets) {
    const id = targets.length === 1 ? baseId : `${baseId}/${raw}`;
    items.push(...profileOnce(ctx, ref), interaction({ id, kind: 'dm', atRaw: row.DATE, actor: ctx.owner, target: ref, text }, where));
  }
  return items;
}

function resolveAll(ctx: MapContext, named: readonly { name: string; url: string }[]): { ref: PersonRef; raw: string }[] {
  const out: { ref: PersonRef; raw: string }[] = [];
  const seen = new Set<string>();
  for (const n of named) {
    const ref = ctx.people.resolve(n.name, n.url);
    if (!ref || ctx.people.isOwner(ref)) continue;
    const key = refKey(ref);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ref, raw: parseProfileUrl(n.url)?.url ?? n.name.trim() });
  }
  return out;
}
