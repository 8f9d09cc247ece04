/**
 * One DM conversation (`direct-messages.js`, `direct-message(-partN).js`,
 * `direct-messages-group.js`, `direct-message-group.js`) → `dm` interactions, plus `like`s for
 * emoji reactions to a message.
 *
 * - The id of a `dm` is the message's own `messageCreate.id` (a global snowflake).
 * - 1:1: actor = `senderId`, target = `recipientId` (when missing, the other half of the
 *   `<userA>-<userB>` conversation id). The owner is the sender (outbound) or the recipient
 *   (inbound); a message between two other people is skipped.
 * - Group (no `recipientId`, or `"0"`): a message from someone else is inbound from them to the
 *   owner. A message from the owner is ONE outbound `dm` (never one per member: that would look
 *   like a templated blast) whose target is the person the owner answers — the sender of the
 *   latest earlier message by someone else in the conversation — or nobody when the owner spoke
 *   first.
 * - Reactions (`reactions[]`): a reaction by the owner to someone's message is an outbound
 *   `like` about that message; someone's reaction to the owner's message is inbound. Id
 *   `reaction:<eventId>` (or `reaction:<message id>:<sender>:<key>` without an eventId).
 * - Join / leave / rename events are not interactions and are passed over.
 * IDs are user ids only (DMs never name handles): actorUid / targetUid.
 */
import type { InteractionRecord, SourceRecord } from '../../domain/records.js';
import { idOf, isObject, unwrap, userIdOf, type Owner, type RawDmConversation, type RawMessageCreate } from './x-types.js';
import { parseXTime } from './x-time.js';

export interface DmResult {
  records: SourceRecord[];
  skips: string[];
  messages: number;
}

interface Message {
  mc: RawMessageCreate;
  id: string;
  at: string;
  rawAt: string;
  sender: string;
}

export function mapConversation(item: unknown, owner: Owner): DmResult {
  const result: DmResult = { records: [], skips: [], messages: 0 };
  const conv = unwrap<RawDmConversation>(item, 'dmConversation');
  if (!conv || !Array.isArray(conv.messages)) {
    result.skips.push('not a DM conversation (no messages list)');
    return result;
  }
  const conversationId = typeof conv.conversationId === 'string' ? conv.conversationId : '';
  const pair = /^(\d+)-(\d+)$/.exec(conversationId);

  const messages: Message[] = [];
  for (const event of conv.messages) {
    if (!isObject(event) || !isObject(event.messageCreate)) continue; // join / leave / rename
    const mc = event.messageCreate as RawMessageCreate;
    result.messages++;
    const id = idOf(mc.id);
    if (id === undefined) {
      result.skips.push(`conversation ${conversationId}: a message without an id`);
      continue;
    }
    const at = parseXTime(mc.createdAt);
    if (at === undefined) {
      result.skips.push(`message ${id}: bad or missing createdAt ${JSON.stringify(mc.createdAt ?? null)}`);
      continue;
    }
    const sender = userIdOf(mc.senderId);
    if (sender === undefined) {
      result.skips.push(`message ${id}: no senderId`);
      continue;
    }
    messages.push({ mc, id, at, rawAt: String(mc.createdAt), sender });
  }
  // Oldest first (exports list newest first), so that a group answer knows whom it answers.
  messages.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id.length - b.id.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));

  let lastOtherSender: string | undefined;
  for (const m of messages) {
    let recipient = userIdOf(m.mc.recipientId);
    if (recipient === undefined && pair) recipient = pair[1] === m.sender ? pair[2] : pair[2] === m.sender ? pair[1] : undefined;
    const dm: InteractionRecord = { type: 'interaction', platform: 'x', id: m.id, at: m.at, atRaw: m.rawAt, kind: 'dm' };
    if (m.sender === owner.uid) {
      Object.assign(dm, { actor: owner.handle, actorUid: owner.uid });
      const target = recipient ?? lastOtherSender;
      if (target !== undefined && target !== owner.uid) dm.targetUid = target;
    } else if (recipient === undefined || recipient === owner.uid) {
      Object.assign(dm, { actorUid: m.sender, target: owner.handle, targetUid: owner.uid });
      lastOtherSender = m.sender;
    } else {
      result.skips.push(`message ${m.id}: neither sender ${m.sender} nor recipient ${recipient} is the archive's owner`);
      continue;
    }
    const text = messageText(m.mc);
    if (text) dm.text = text;
    result.records.push(dm);
    result.records.push(...reactions(m, owner));
  }
  return result;
}

function reactions(m: Message, owner: Owner): InteractionRecord[] {
  const out: InteractionRecord[] = [];
  if (!Array.isArray(m.mc.reactions)) return out;
  for (const r of m.mc.reactions) {
    if (!isObject(r)) continue;
    const reactor = userIdOf(r.senderId);
    if (reactor === undefined) continue;
    const outbound = reactor === owner.uid && m.sender !== owner.uid;
    const inbound = reactor !== owner.uid && m.sender === owner.uid;
    if (!outbound && !inbound) continue; // between two other members of a group
    const eventId = idOf(r.eventId);
    const key = typeof r.reactionKey === 'string' ? r.reactionKey : 'reaction';
    const id = eventId !== undefined ? `reaction:${eventId}` : `reaction:${m.id}:${reactor}:${key}`;
    const at = parseXTime(r.createdAt);
    const like: InteractionRecord = {
      type: 'interaction', platform: 'x', id, kind: 'like', about: m.id,
      at: at ?? m.at, atRaw: at !== undefined ? String(r.createdAt) : m.rawAt,
    };
    if (outbound) Object.assign(like, { actor: owner.handle, actorUid: owner.uid, targetUid: m.sender });
    else Object.assign(like, { actorUid: reactor, target: owner.handle, targetUid: owner.uid });
    out.push(like);
  }
  return out;
}

/** The message text with its t.co links shown as where they go (`urls[]`, since ~2021). */
function messageText(mc: RawMessageCreate): string {
  let text = typeof mc.text === 'string' ? mc.text : '';
  if (Array.isArray(mc.urls)) {
    for (const u of mc.urls) {
      if (isObject(u) && typeof u.url === 'string' && u.url && typeof u.expanded === 'string' && u.expanded) text = text.split(u.url).join(u.expanded);
    }
  }
  return text;
}
