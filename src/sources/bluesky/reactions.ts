/**
 * `app.bsky.feed.like` → `like`, `app.bsky.feed.repost` → `share`: each keyed by its own AT-URI,
 * `about` = the subject's URI (a post, or a feed/list for likes), target = the subject's author,
 * named by the DID in the subject URI.
 */
import type { Kind } from '../../domain/records.js';
import { partyOfUri } from './at-uri.js';
import { subjectRecordSchema, type MapResult, type RecordContext } from './bluesky-types.js';
import { recordTime } from './times.js';

export function mapLike(ctx: RecordContext, value: unknown): MapResult {
  return mapSubject(ctx, value, 'like');
}

export function mapRepost(ctx: RecordContext, value: unknown): MapResult {
  return mapSubject(ctx, value, 'share');
}

function mapSubject(ctx: RecordContext, value: unknown, kind: Extract<Kind, 'like' | 'share'>): MapResult {
  const parsed = subjectRecordSchema.safeParse(value);
  const what = kind === 'like' ? 'like' : 'repost';
  if (!parsed.success) return { ok: false, reason: `${ctx.uri}: the ${what} has no subject` };
  const time = recordTime(parsed.data.createdAt, ctx.rkey);
  if (!time) return { ok: false, reason: `${ctx.uri}: createdAt ${JSON.stringify(parsed.data.createdAt ?? null)} is not a time` };
  const subject = parsed.data.subject.uri;
  const party = partyOfUri(subject);
  if (!party) return { ok: false, reason: `${ctx.uri}: the ${what}'s subject ${JSON.stringify(subject)} is not an AT-URI` };
  return {
    ok: true,
    records: [{
      type: 'interaction',
      platform: 'bluesky',
      id: ctx.uri,
      at: time.at,
      ...(time.atRaw !== undefined ? { atRaw: time.atRaw } : {}),
      kind,
      actorUid: ctx.did,
      ...party,
      about: subject,
    }],
  };
}
