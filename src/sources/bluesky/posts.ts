/**
 * `app.bsky.feed.post` → interactions. One post is one interaction, keyed by its AT-URI:
 * a `reply` (with `inReplyTo` = the parent post's URI, target = the parent's author) when it has
 * a `reply` ref, else a `quote` (with `about` = the quoted record's URI, target = its author) when
 * it embeds a record, else a `post` (no target). A reply that also quotes stays a `reply` and
 * keeps the quoted URI in `about`. Each DID mentioned (rich-text facets, or the deprecated
 * `entities` of 2022 posts) adds a `mention` interaction to that person, keyed
 * `<post uri>#mention:<did>`, with the post's text (self-mentions are left out).
 */
import type { InteractionRecord } from '../../domain/records.js';
import { isDid, partyOfUri } from './at-uri.js';
import {
  EMBED_RECORD,
  EMBED_RECORD_WITH_MEDIA,
  FACET_MENTION,
  parseEntity,
  parseFacet,
  parseStrongRef,
  postRecordSchema,
  type MapResult,
  type PostRecord,
  type RecordContext,
} from './bluesky-types.js';
import { recordTime } from './times.js';

export function mapPost(ctx: RecordContext, value: unknown): MapResult {
  const parsed = postRecordSchema.safeParse(value);
  if (!parsed.success) return { ok: false, reason: `${ctx.uri}: not a post record` };
  const post = parsed.data;
  const time = recordTime(post.createdAt, ctx.rkey);
  if (!time) return { ok: false, reason: `${ctx.uri}: createdAt ${JSON.stringify(post.createdAt ?? null)} is not a time` };

  const text = post.text !== undefined && post.text.trim() !== '' ? post.text : undefined;
  const base = {
    type: 'interaction' as const,
    platform: 'bluesky' as const,
    at: time.at,
    ...(time.atRaw !== undefined ? { atRaw: time.atRaw } : {}),
    actorUid: ctx.did,
    ...(text !== undefined ? { text } : {}),
  };
  const parent = replyParent(post);
  const quoted = quotedUri(post);
  const records: InteractionRecord[] = [];
  if (parent !== undefined) {
    records.push({
      ...base,
      id: ctx.uri,
      kind: 'reply',
      ...partyOfUri(parent),
      inReplyTo: parent,
      ...(quoted !== undefined ? { about: quoted } : {}),
    });
  } else if (quoted !== undefined) {
    records.push({ ...base, id: ctx.uri, kind: 'quote', ...partyOfUri(quoted), about: quoted });
  } else {
    records.push({ ...base, id: ctx.uri, kind: 'post' });
  }
  for (const did of mentionedDids(post)) {
    if (did === ctx.did) continue; // mentioning oneself is no interaction with anyone
    records.push({
      ...base,
      id: `${ctx.uri}#mention:${did}`,
      kind: 'mention',
      targetUid: did,
      about: ctx.uri,
      ...(parent !== undefined ? { inReplyTo: parent } : {}),
    });
  }
  return { ok: true, records };
}

/** The URI of the post replied to: the parent, or the root when a client left the parent out. */
function replyParent(post: PostRecord): string | undefined {
  return post.reply?.parent?.uri ?? post.reply?.root?.uri;
}

/** The URI of the quoted record (`embed.record` or `embed.recordWithMedia`), if any. */
export function quotedUri(post: PostRecord): string | undefined {
  const embed = post.embed;
  if (!embed) return undefined;
  if (embed.$type === EMBED_RECORD) return parseStrongRef(embed.record)?.uri;
  if (embed.$type === EMBED_RECORD_WITH_MEDIA) {
    const inner = embed.record as { record?: unknown } | undefined;
    return parseStrongRef(inner?.record)?.uri;
  }
  return undefined;
}

/** The DIDs mentioned in a post, each once, in order of appearance. */
export function mentionedDids(post: PostRecord): string[] {
  const found = new Set<string>();
  for (const raw of post.facets ?? []) {
    for (const feature of parseFacet(raw)?.features ?? []) {
      if (feature.$type === FACET_MENTION && feature.did !== undefined && isDid(feature.did)) found.add(feature.did);
    }
  }
  for (const raw of post.entities ?? []) {
    const entity = parseEntity(raw);
    if (entity?.type === 'mention' && entity.value !== undefined && isDid(entity.value)) found.add(entity.value);
  }
  return [...found];
}
