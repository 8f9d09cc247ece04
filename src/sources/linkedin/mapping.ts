/**
 * What every LinkedIn mapping shares: the context built by the first pass, deterministic ids,
 * and small builders for records. LinkedIn CSVs carry almost no ids, so interaction ids are
 * derived from content that does not change between exports (never from a resolved handle,
 * which may improve as later exports name more people).
 */
import { createHash } from 'node:crypto';
import type { InteractionRecord, Kind, ProfileRecord, SourceRecord } from '../../domain/records.js';
import type { SourceItem } from '../source.js';
import { parseLinkedInDate } from './dates.js';
import { refKey, type PersonRef, type PeopleIndex } from './people.js';

export const PLATFORM = 'linkedin' as const;

export interface MapContext {
  readonly people: PeopleIndex;
  /** The export's owner; always has a handle. */
  readonly owner: PersonRef & { readonly handle: string };
  /** Post keys of the owner's own shares (filled while Shares.csv is read, before comments). */
  readonly ownPosts: Set<string>;
  /** Everyone seen in each conversation (first pass), for messages whose TO is empty. */
  readonly conversations: ReadonlyMap<string, readonly { name: string; url: string }[]>;
  /** Identities whose profile record was already yielded in this import. */
  readonly profiled: Set<string>;
}

export interface Where {
  readonly file: string;
  readonly line: number;
}

/** A short stable hash of the given fields (sha1, 20 hex digits = 80 bits). */
export function contentHash(...fields: string[]): string {
  return createHash('sha1').update(fields.join('\u0000')).digest('hex').slice(0, 20);
}

export function actorOf(ref: PersonRef): Pick<InteractionRecord, 'actor' | 'actorUid'> {
  return { ...(ref.handle !== undefined ? { actor: ref.handle } : {}), ...(ref.uid !== undefined ? { actorUid: ref.uid } : {}) };
}

export function targetOf(ref: PersonRef | undefined): Pick<InteractionRecord, 'target' | 'targetUid'> {
  if (!ref) return {};
  return { ...(ref.handle !== undefined ? { target: ref.handle } : {}), ...(ref.uid !== undefined ? { targetUid: ref.uid } : {}) };
}

export function profileOf(ref: PersonRef, extra: { bio?: string; location?: string } = {}): ProfileRecord {
  const record: Record<string, unknown> = { type: 'profile', platform: PLATFORM };
  if (ref.handle !== undefined) record.handle = ref.handle;
  if (ref.uid !== undefined) record.uid = ref.uid;
  if (ref.name) record.name = ref.name;
  if (ref.url) record.url = ref.url;
  if (extra.bio) record.bio = extra.bio.replace(/\s*\r?\n\s*/g, ' ');
  if (extra.location) record.location = extra.location;
  return record as ProfileRecord;
}

/** The profile record of someone met in an interaction, the first time they are met. */
export function profileOnce(ctx: MapContext, ref: PersonRef | undefined): SourceItem[] {
  if (!ref || ctx.people.isOwner(ref)) return [];
  const key = refKey(ref);
  if (ctx.profiled.has(key)) return [];
  ctx.profiled.add(key);
  return ref.name || ref.url ? [{ record: profileOf(ref) }] : [];
}

export interface InteractionFields {
  readonly id: string;
  readonly kind: Kind;
  readonly atRaw: string;
  readonly actor: PersonRef;
  readonly target?: PersonRef | undefined;
  readonly text?: string | undefined;
  readonly inReplyTo?: string | undefined;
  readonly about?: string | undefined;
}

/** An interaction record, or a skip when its time cannot be read. */
export function interaction(f: InteractionFields, where: Where): SourceItem {
  const at = parseLinkedInDate(f.atRaw);
  if (at === undefined) {
    return { skip: { file: where.file, line: where.line, reason: `unreadable date ${JSON.stringify(f.atRaw)}` } };
  }
  const record: Record<string, unknown> = {
    type: 'interaction',
    platform: PLATFORM,
    id: f.id,
    at,
    atRaw: f.atRaw,
    kind: f.kind,
    ...actorOf(f.actor),
    ...(f.kind === 'post' ? {} : targetOf(f.target)),
  };
  if (f.text !== undefined && f.text.trim() !== '') record.text = f.text.replace(/\r\n?/g, '\n');
  if (f.inReplyTo) record.inReplyTo = f.inReplyTo;
  if (f.about) record.about = f.about;
  return { record: record as SourceRecord };
}
