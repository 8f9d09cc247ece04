/**
 * The AT Protocol record shapes rapport reads from a Bluesky repository export (FORMATS.md §3.2,
 * lexicons `app.bsky.*`). The schemas are liberal on purpose: a field that is malformed is
 * dropped (`.catch`) rather than failing the record, and only what a mapping cannot do without
 * (a like's subject, a follow's subject DID) makes a record fail.
 */
import { z } from 'zod';
import type { SourceRecord } from '../../domain/records.js';

export const COLLECTIONS = {
  post: 'app.bsky.feed.post',
  repost: 'app.bsky.feed.repost',
  like: 'app.bsky.feed.like',
  follow: 'app.bsky.graph.follow',
  profile: 'app.bsky.actor.profile',
} as const;

export const PROFILE_RKEY = 'self';

export const FACET_MENTION = 'app.bsky.richtext.facet#mention';
export const EMBED_RECORD = 'app.bsky.embed.record';
export const EMBED_RECORD_WITH_MEDIA = 'app.bsky.embed.recordWithMedia';

/** `com.atproto.repo.strongRef`: the AT-URI of a record and the CID of the version meant. */
export const strongRefSchema = z.looseObject({
  uri: z.string().min(1),
  cid: z.string().optional().catch(undefined),
});
export type StrongRef = z.output<typeof strongRefSchema>;

const optionalRef = strongRefSchema.optional().catch(undefined);

/** A rich-text facet feature: only mentions matter here (links and tags are ignored). */
const facetSchema = z.looseObject({
  features: z.array(z.looseObject({ $type: z.string().optional().catch(undefined), did: z.string().optional().catch(undefined) })).catch([]),
});

/** The deprecated (2022 – early 2023) `entities` of a post: `{type: "mention", value: <did>}`. */
const entitySchema = z.looseObject({
  type: z.string().optional().catch(undefined),
  value: z.string().optional().catch(undefined),
});

/** The `embed` union; only the record embeds (quotes) are looked into. */
const embedSchema = z.looseObject({
  $type: z.string().optional().catch(undefined),
  // app.bsky.embed.record: { record: strongRef }
  // app.bsky.embed.recordWithMedia: { record: { record: strongRef }, media }
  record: z.unknown().optional(),
});

export const postRecordSchema = z.looseObject({
  text: z.string().optional().catch(undefined),
  createdAt: z.unknown().optional(),
  reply: z.looseObject({ root: optionalRef, parent: optionalRef }).optional().catch(undefined),
  embed: embedSchema.optional().catch(undefined),
  facets: z.array(z.unknown()).optional().catch(undefined),
  entities: z.array(z.unknown()).optional().catch(undefined),
});
export type PostRecord = z.output<typeof postRecordSchema>;

export function parseFacet(value: unknown): z.output<typeof facetSchema> | undefined {
  const r = facetSchema.safeParse(value);
  return r.success ? r.data : undefined;
}

export function parseEntity(value: unknown): z.output<typeof entitySchema> | undefined {
  const r = entitySchema.safeParse(value);
  return r.success ? r.data : undefined;
}

export function parseStrongRef(value: unknown): StrongRef | undefined {
  const r = strongRefSchema.safeParse(value);
  return r.success ? r.data : undefined;
}

/** `app.bsky.feed.like` and `app.bsky.feed.repost`: `{subject: strongRef, createdAt, via?}`. */
export const subjectRecordSchema = z.looseObject({
  subject: strongRefSchema,
  createdAt: z.unknown().optional(),
  via: optionalRef,
});
export type SubjectRecord = z.output<typeof subjectRecordSchema>;

/** `app.bsky.graph.follow`: `{subject: <did>, createdAt, via?}`. */
export const followRecordSchema = z.looseObject({
  subject: z.string().trim().regex(/^did:[a-z]+:\S+$/, 'subject is not a DID'),
  createdAt: z.unknown().optional(),
});
export type FollowRecord = z.output<typeof followRecordSchema>;

/** `app.bsky.actor.profile` (rkey `self`). Avatar and banner are blobs, not in the export. */
export const bskyProfileSchema = z.looseObject({
  displayName: z.string().optional().catch(undefined),
  description: z.string().optional().catch(undefined),
  pronouns: z.string().optional().catch(undefined),
  website: z.string().optional().catch(undefined),
  avatar: z.unknown().optional(),
  createdAt: z.unknown().optional(),
});
export type BskyProfileRecord = z.output<typeof bskyProfileSchema>;

/** Where a record sits: the repo owner's DID, its collection and record key. */
export interface RecordContext {
  readonly did: string;
  readonly collection: string;
  readonly rkey: string;
  /** `at://<did>/<collection>/<rkey>`: the record's stable id. */
  readonly uri: string;
}

/** What one repository record becomes: rapport records, or the reason it cannot be imported. */
export type MapResult =
  | { readonly ok: true; readonly records: readonly SourceRecord[] }
  | { readonly ok: false; readonly reason: string };
